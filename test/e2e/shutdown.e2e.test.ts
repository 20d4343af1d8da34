import { connect } from 'node:net';
import { Client } from 'undici';
import { recordingGlobalId } from '../../src/ids/global-id';
import { demoRecordings } from '../../src/demo/demo-data';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';
import { waitUntil } from '../support/wait-until';

/** Resolves once a line the server logged matches, polling its output. */
async function logged(server: SpawnedServer, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
  try {
    await waitUntil(() => server.output.some((line) => pattern.test(line)), `the server logged ${pattern}`, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; it logged:\n${server.output.join('\n')}`);
  }
}

/** Whether a new TCP connection to the server's port is refused. */
function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Starts a slow query (every sandbox vendor call takes `SANDBOX_LATENCY_MS`) and waits until the server has it. */
async function slowQuery(server: SpawnedServer): Promise<{ client: Client; response: Promise<{ status: number; body: string }> }> {
  const id = recordingGlobalId(demoRecordings().daily[0]);
  const client = new Client(server.url);
  const response = client
    .request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Slow($id: ID!) { recording(id: $id) { id status } }', variables: { id } }),
    })
    .then(async (res) => ({ status: res.statusCode, body: await res.body.text() }));
  await logged(server, /"method":"POST","url":"\/graphql".*"msg":"incoming request"/);
  return { client, response };
}

/** SIGTERM on the server started like `npm start`: drain, then exit. */
describe('graceful shutdown', () => {
  it('stops accepting at once, lets the request in flight finish with its data, and exits 0', async () => {
    const server = await spawnServer({ NODE_ENV: 'development', SANDBOX_LATENCY_MS: '3000', SHUTDOWN_GRACE_MS: '30000' });
    const { client, response } = await slowQuery(server);
    server.kill('SIGTERM');
    await logged(server, /shutting down/);
    expect(await refused(server.url)).toBe(true);
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      data: { recording: { id: recordingGlobalId(demoRecordings().daily[0]), status: expect.any(String) } },
    });
    expect(await server.exited).toBe(0);
    await client.close();
  }, 40_000);

  it('cuts what is still running when the grace period is over, and exits 1', async () => {
    const server = await spawnServer({ NODE_ENV: 'development', SANDBOX_LATENCY_MS: '20000', SHUTDOWN_GRACE_MS: '200' });
    const { client, response } = await slowQuery(server);
    server.kill('SIGTERM');
    await expect(response).rejects.toThrow();
    expect(await server.exited).toBe(1);
    expect(server.output.join('\n')).toMatch(/grace period over/);
    await client.destroy();
  }, 40_000);
});
