import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { encodeGlobalId } from '../../src/ids/global-id';
import { startBirdSandbox } from '../../src/sandbox/bird/bird.emulator';
import { startDailySandbox } from '../../src/sandbox/daily/daily.emulator';
import type { Emulator } from '../../src/sandbox/emulator';
import { gql } from '../support/graphql-client';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';

/**
 * The built server configured for "real" vendors through the environment (their base URLs
 * pointed at emulators this test starts): a vendor that rejects our credentials, and one
 * that accepts them, side by side.
 */
describe('npm start with vendor credentials, end to end', () => {
  let daily: Awaited<ReturnType<typeof startDailySandbox>>;
  let bird: Awaited<ReturnType<typeof startBirdSandbox>>;
  let server: SpawnedServer;
  const WRONG_KEY = 'daily-key-that-daily-rejects-0001';

  beforeAll(async () => {
    daily = await startDailySandbox({ seed: 5 });
    bird = await startBirdSandbox({ seed: 5 });
    server = await spawnServer({
      DAILY_API_KEY: WRONG_KEY,
      DAILY_API_URL: daily.config.baseUrl,
      BIRD_ACCESS_KEY: bird.config.accessKey,
      BIRD_WORKSPACE_ID: bird.config.workspaceId,
      BIRD_API_URL: bird.config.baseUrl,
    });
  });
  afterAll(async () => {
    await server.stop();
    await Promise.all([daily.emulator.close(), bird.emulator.close()].map((p: Promise<void>) => p));
  });

  const emulators = (): Emulator[] => [daily.emulator, bird.emulator];

  it('logs which vendors are live, and not the sandbox', () => {
    const log = server.output.join('\n');
    expect(log).toMatch(/live vendors: Daily, Bird/);
    expect(log).not.toMatch(/sandbox mode/);
  });

  it('reports a vendor 401 as PROVIDER_AUTH_FAILED for that field only, while the other vendor answers', async () => {
    const dailyId = encodeGlobalId('Recording', 'daily', [daily.data.recordings[0].id]);
    const birdId = encodeGlobalId('Recording', 'bird', [bird.data.recordings[0].id]);
    const res = await gql(server.url, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [dailyId, birdId] });
    expect(res.status).toBe(200);
    expect(res.body.data?.nodes).toEqual([null, { id: birdId }]);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: ['nodes', 0], extensions: { code: 'PROVIDER_AUTH_FAILED', provider: 'daily' } }),
    ]);
    // Neither the vendor's error body nor the credential reaches the response or the log.
    for (const text of [res.raw, server.output.join('\n')]) {
      expect(text).not.toContain('Invalid API key');
      expect(text).not.toContain(WRONG_KEY);
      expect(text).not.toContain(bird.config.accessKey);
    }
    expect(emulators().map((e) => e.totalCalls())).toEqual([1, 1]);
  });

  it('refuses an id of a vendor it has no credentials for', async () => {
    const res = await gql(server.url, `{ recording(id: "gid://recording-graph/Recording/zoom/abc/def") { id } }`);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'PROVIDER_NOT_CONFIGURED', provider: 'zoom' });
  });
});

describe('npm start with a bad configuration', () => {
  it('refuses to start and names the variable, without echoing secrets', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'index.js')], {
      env: { PATH: process.env.PATH ?? '', ZOOM_API_SECRET: 'zoom-secret-value-123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('ZOOM_API_KEY');
    expect(output).not.toContain('zoom-secret-value-123');
  });
});
