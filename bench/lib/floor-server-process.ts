/**
 * The Mesh-shaped run's ceiling (bench/latency.ts): a plain node:http server, no GraphQL, no
 * framework, that answers the Mesh-shaped request by making the same two Daily calls side by
 * side through the same client (the recording and its 1800 s access link) and writing a
 * small JSON answer. What it gets under the load is what this machine, the emulators and
 * autocannon allow any server. Started like the server (bench/lib/server-process.ts): the
 * Daily adapter config as JSON in BENCH_DAILY, the port in PORT; stops on SIGTERM.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { DailyClient } from '../../src/providers/daily/daily.client';

async function readJson(req: IncomingMessage): Promise<{ variables?: { id?: string } }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function main(): Promise<void> {
  const daily = new DailyClient(JSON.parse(process.env.BENCH_DAILY ?? '{}'));
  const server = createServer((req, res) => {
    if (req.url === '/readyz') return void res.end('{}');
    readJson(req)
      .then(async ({ variables }) => {
        const id = variables?.id ?? '';
        const [recording, link] = await Promise.all([daily.getRecording(id, {}), daily.getAccessLink(id, 1800, {})]);
        const body = JSON.stringify({ data: { recording: { status: recording.status, accessLink: { url: link.download_link } } } });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      })
      .catch(() => res.writeHead(500).end());
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => void daily.close().then(() => process.exit(0))));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
