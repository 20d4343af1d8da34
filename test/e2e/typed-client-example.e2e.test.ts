import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** `npm run example:client -- <args>`, as docs/typed-clients.md tells a newcomer to run it. */
async function exampleClient(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'example:client', '--', ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the typed-client example (examples/typed-client.ts)', () => {
  let server: SpawnedServer;

  beforeAll(async () => {
    server = await spawnServer({ NODE_ENV: 'development' });
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('runs as written against the sandbox and prints the demo recording with its link', async () => {
    const { code, stdout, stderr } = await exampleClient(`${server.url}/graphql`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^DAILY recording, READY, \d+ s, in session "standup"$/m);
    expect(stdout).toMatch(/^link valid for \d+ s, until \d{4}-\d\d-\d\dT[\d:.]+Z: http:\/\/127\.0\.0\.1:\d+\/recordings\//m);
  });

  it('reports a recording the vendor does not have by its code, and exits 1', async () => {
    const { code, stdout, stderr } = await exampleClient(
      `${server.url}/graphql`,
      'gid://recording-graph/Recording/daily/00000000-0000-4000-8000-000000000000',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^NOT_FOUND at recording: /m);
    expect(stdout).toMatch(/^no recording gid:/m);
  });
});
