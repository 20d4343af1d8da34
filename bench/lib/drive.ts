import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import { percentile } from './stats';

/**
 * A load driver run as its own process (bench/throughput.ts starts it), so it does not share
 * the servers' event loops: `connections` loops per target URL, each POSTing `query` with the
 * next id. `cycle`: the ids over and over (a hot set); otherwise each id once (a cold set),
 * stopping when they run out. Prints one JSON line: requests, per-request p50/p95 (ms),
 * requests/s, the GraphQL error codes seen and the CPU time this driver used while driving.
 */
interface DriveSpec {
  urls: string[];
  query: string;
  ids: string[];
  connections: number;
  seconds: number;
  cycle: boolean;
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.env.DRIVE_SPEC_FILE ?? '', 'utf8')) as DriveSpec;
  const pools = spec.urls.map((url) => new Pool(url, { connections: spec.connections }));
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const end = started + spec.seconds * 1000;
  const loop = async (pool: Pool): Promise<void> => {
    while (performance.now() < end) {
      if (!spec.cycle && next >= spec.ids.length) return;
      const id = spec.ids[next % spec.ids.length];
      next += 1;
      const t0 = performance.now();
      const res = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: spec.query, variables: { id } }),
      });
      const body = (await res.body.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      latencies.push(performance.now() - t0);
      for (const e of body.errors ?? []) errors[e.extensions?.code ?? 'unknown'] = (errors[e.extensions?.code ?? 'unknown'] ?? 0) + 1;
      if (res.statusCode !== 200) errors[`HTTP ${res.statusCode}`] = (errors[`HTTP ${res.statusCode}`] ?? 0) + 1;
    }
  };
  await Promise.all(pools.flatMap((pool) => Array.from({ length: Math.ceil(spec.connections / pools.length) }, () => loop(pool))));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await Promise.all(pools.map((p) => p.close()));
  process.stdout.write(
    `${JSON.stringify({ requests: latencies.length, seconds, rps: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
  );
}

void main();
