import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `npm run demo:federation -- --once`, as docs/federation.md tells a newcomer to run it:
 * recording-graph (sandbox) and a meetings subgraph behind @apollo/gateway, one query across
 * both, printed.
 */
describe('the federation demo (examples/federation/demo.ts)', () => {
  it('serves a supergraph whose meeting lists recordings from recording-graph, a missing one as null', async () => {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'demo:federation', '--', '--once', '--port', '0'], {
      cwd: join(__dirname, '..', '..'),
      timeout: 60_000,
    });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^supergraph gateway: http:\/\/127\.0\.0\.1:\d+\/graphql/);
    const answer = JSON.parse(stdout.slice(stdout.indexOf('\n{') + 1)) as {
      data: { meeting: { title: string; recordings: Array<{ provider: string; status: string; session: { name: string } } | null> } };
      errors: Array<{ path: unknown[]; extensions: Record<string, unknown> }>;
    };
    expect(answer.data.meeting.title).toBe('Weekly vendor review');
    expect(answer.data.meeting.recordings.map((r) => r?.provider ?? null)).toEqual(['DAILY', 'ZOOM', null, 'CLOUDFLARE']);
    expect(answer.data.meeting.recordings[0]).toMatchObject({ status: 'READY', session: { name: 'standup' } });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ['meeting', 'recordings', 2],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', provider: 'daily' }),
      }),
    ]);
    expect(JSON.stringify(answer.errors)).not.toMatch(/stacktrace/);
  });
});
