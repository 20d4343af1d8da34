/**
 * The load generator of the Mesh-shaped run (bench/latency.ts), in its own process: reads
 * `{ url, query, ids, connections, seconds }` as JSON on stdin and drives autocannon with
 * the query, each request with the next id of `ids` (so the load is spread over many
 * recordings, never one cached answer), then prints requests/s and latency percentiles as JSON.
 */
// autocannon ships no types; only what this file uses is declared.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: Record<string, unknown>,
  done: (
    error: Error | null,
    result: { requests: { total: number }; duration: number; latency: Record<string, number>; non2xx: number; errors: number },
  ) => void,
) => void;

interface LoadSpec {
  url: string;
  query: string;
  ids: string[];
  connections: number;
  seconds: number;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const spec = JSON.parse(await readStdin()) as LoadSpec;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  autocannon(
    {
      url: spec.url,
      connections: spec.connections,
      duration: spec.seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            body: JSON.stringify({ query: spec.query, variables: { id: spec.ids[next++ % spec.ids.length] } }),
          }),
        },
      ],
    },
    (error, result) => {
      if (error) throw error;
      const { latency } = result;
      process.stdout.write(
        JSON.stringify({
          requestsPerSec: result.requests.total / result.duration,
          p50: latency.p50,
          p97_5: latency.p97_5,
          non2xx: result.non2xx,
          errors: result.errors,
          cpu: process.cpuUsage(cpuBefore),
        }),
      );
    },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
