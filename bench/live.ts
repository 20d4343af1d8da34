import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startTestRedis, type TestRedis } from '../test/support/redis-server';
import { percentile } from './lib/stats';

/**
 * `npm run bench:live`: what issue #18 asks of subscriptions under load. Every part runs in
 * a process of its own, so the server's CPU is measured apart from the clients':
 * - the server (bench/live-server.ts): one replica without REDIS_URL, then two replicas
 *   sharing a redis-server the bench starts (BENCH_LIVE_REDIS=off skips that half);
 * - BENCH_LIVE_SUBSCRIBERS (1,000) graphql-ws subscribers, one connection each, spread over
 *   the replicas, in BENCH_LIVE_WORKERS (2) processes (bench/live-subscribers.ts);
 * - the vendor (bench/live-sender.ts): BENCH_LIVE_RATE (100) signed Zoom webhooks a second
 *   for BENCH_LIVE_SECONDS (10), all to the first replica.
 * Checks every subscriber got every event exactly once, and reports deliveries a second,
 * delivery latency, each process's CPU and each replica's memory. Loopback only.
 */
const SUBSCRIBERS = Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 1_000);
const RATE = Number(process.env.BENCH_LIVE_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_LIVE_WORKERS ?? 2);
const TOKEN = 'bench-live-zoom-secret-token';
const EXEC_ARGV = ['-r', '@swc-node/register'];

interface ServerStats {
  cpuMs: number;
  rssMb: number;
  heapMb: number;
  subscribers: number;
  operations: number;
}

interface WorkerResult {
  received: number[];
  duplicates: number;
  errors: number;
  lastAt: number;
  cpuMs: number;
  latencies: number[];
}

/** The next message of `kind` from a forked child. */
function reply<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { kind: string }) => {
      if (m.kind !== kind) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
  });
}

function ask<T>(child: ChildProcess, kind: string, options: object = {}): Promise<T> {
  const answer = reply<T>(child, kind);
  child.send({ kind, ...options });
  return answer;
}

const mb = (n: number): string => n.toFixed(0);

async function run(label: string, replicas: number, redis?: TestRedis): Promise<string> {
  const servers = Array.from({ length: replicas }, () =>
    fork(join(__dirname, 'live-server.ts'), [TOKEN, ...(redis ? [redis.url] : [])], {
      // BENCH_LIVE_PROFILE=<dir>: a CPU profile of each replica (node --cpu-prof), for where the time goes.
      execArgv: [
        '--expose-gc',
        ...EXEC_ARGV,
        ...(process.env.BENCH_LIVE_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LIVE_PROFILE}`] : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const urls = (await Promise.all(servers.map((s) => reply<{ url: string }>(s, 'ready')))).map((r) => r.url);
  const wsUrls = urls.map((u) => `${u.replace(/^http/, 'ws')}/graphql`).join(',');
  process.stderr.write(`${label}: connecting ${SUBSCRIBERS} subscribers from ${WORKERS} workers\n`);
  const connectedAt = Date.now();
  const workers = Array.from({ length: WORKERS }, (_, i) => {
    const share = Math.floor(SUBSCRIBERS / WORKERS) + (i < SUBSCRIBERS % WORKERS ? 1 : 0);
    return fork(join(__dirname, 'live-subscribers.ts'), [wsUrls, String(share)], {
      execArgv: EXEC_ARGV,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  });
  await Promise.all(workers.map((w) => reply(w, 'connected')));
  const live = async (): Promise<number> =>
    (await Promise.all(servers.map((s) => ask<ServerStats>(s, 'stats')))).reduce((n, s) => n + s.subscribers, 0);
  while ((await live()) < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 50));
  const connectMs = Date.now() - connectedAt;

  // A full GC before and after the run only: forced during it, its CPU would count as the
  // server's. The run's CPU is counted from a second answer, after the first one's GC.
  const before = await Promise.all(servers.map((s) => ask<ServerStats>(s, 'stats', { gc: true })));
  const cpuStart = await Promise.all(servers.map((s) => ask<ServerStats>(s, 'stats')));
  const workersBefore = await Promise.all(workers.map((w) => ask<{ cpuMs: number }>(w, 'cpu')));
  const heap: number[][] = servers.map(() => []);
  const sampler = setInterval(() => {
    void Promise.all(servers.map((s) => ask<ServerStats>(s, 'stats'))).then((all) => all.forEach((s, i) => heap[i].push(s.heapMb)));
  }, 1_000);

  const total = RATE * SECONDS;
  const startedAt = Date.now();
  const sender = fork(join(__dirname, 'live-sender.ts'), [`${urls[0]}/webhooks/zoom`, TOKEN, String(RATE), String(SECONDS)], {
    execArgv: EXEC_ARGV,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sent = await reply<{ refused: number; sentSeconds: number }>(sender, 'sent');
  process.stderr.write(`${label}: sent ${total} webhooks in ${sent.sentSeconds.toFixed(1)} s, collecting\n`);
  const results = await Promise.all(
    workers.map((w) => {
      const result = reply<WorkerResult>(w, 'result');
      w.send({ kind: 'collect', expected: total, timeoutMs: 60_000 });
      return result;
    }),
  );
  clearInterval(sampler);
  const after = await Promise.all(servers.map((s) => ask<ServerStats>(s, 'stats', { gc: true })));
  await Promise.all(servers.map((s) => (s.send({ kind: 'close' }), new Promise((r) => s.once('exit', r)))));

  const received = results.flatMap((r) => r.received);
  const delivered = received.reduce((a, b) => a + b, 0);
  const expected = total * SUBSCRIBERS;
  const complete = received.filter((r) => r === total).length;
  const lastAt = Math.max(...results.map((r) => r.lastAt));
  const seconds = (lastAt - startedAt) / 1000;
  const latencies = results.flatMap((r) => r.latencies);
  const serverCpu = after.map((a, i) => (a.cpuMs - cpuStart[i].cpuMs) / 1000);
  const workerCpu = results.map((r, i) => (r.cpuMs - workersBefore[i].cpuMs) / 1000);
  const cpuRow = (cpu: number[]) =>
    `${cpu.map((c) => `${c.toFixed(1)} s`).join(' + ')} (${(cpu.reduce((a, b) => a + b, 0) / seconds).toFixed(2)} cores)`;
  return [
    `### ${label}`,
    '',
    `| measure | value |`,
    `| --- | --- |`,
    `| subscribers (graphql-ws, one connection each) | ${SUBSCRIBERS} over ${replicas} replica(s), from ${WORKERS} worker processes, connected in ${connectMs} ms; ${after.map((a) => a.operations).join('/') || 0} distinct operation(s) per replica |`,
    `| webhooks sent (to replica 1) | ${total} in ${sent.sentSeconds.toFixed(1)} s (${(total / sent.sentSeconds).toFixed(0)}/s, offered ${RATE}/s), ${sent.refused} not answered 200 |`,
    `| deliveries | ${delivered} of ${expected} (${((100 * delivered) / expected).toFixed(2)} %), ${complete} of ${SUBSCRIBERS} subscribers got all ${total} |`,
    `| **deliveries a second** (first webhook sent to last event received) | **${(delivered / seconds).toFixed(0)}/s** over ${seconds.toFixed(1)} s (asked: ${RATE * SUBSCRIBERS}/s over ${SECONDS} s) |`,
    `| duplicates, errors | ${results.reduce((n, r) => n + r.duplicates, 0)}, ${results.reduce((n, r) => n + r.errors, 0)} |`,
    `| **delivery latency** (webhook sent to event received), ms | **p50 ${percentile(latencies, 50)}, p99 ${percentile(latencies, 99)}**, max ${percentile(latencies, 100)} (${latencies.length} samples, one in ten) |`,
    `| server CPU during the run, per replica | ${cpuRow(serverCpu)} |`,
    `| subscriber workers' CPU during the run | ${cpuRow(workerCpu)} |`,
    `| **server RSS, MB, start → end** per replica | **${before.map((b, i) => `${mb(b.rssMb)} → ${mb(after[i].rssMb)}`).join(', ')}** |`,
    `| server heap after GC, MB, start → end per replica | ${before.map((b, i) => `${mb(b.heapMb)} → ${mb(after[i].heapMb)}`).join(', ')} |`,
    `| server heap used (no GC forced), MB, sampled each second: min – max (samples) per replica | ${heap.map((h) => `${mb(Math.min(...h))} – ${mb(Math.max(...h))} (${h.length})`).join(', ')} |`,
    `| server CPU per delivery | ${((1e6 * serverCpu.reduce((a, b) => a + b, 0)) / delivered).toFixed(1)} µs |`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const out: string[] = [
    `Live benchmark: ${SUBSCRIBERS} subscribers x ${RATE} events/s x ${SECONDS} s`,
    `Machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z, load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(`${await run('In process (no REDIS_URL, one replica)', 1)}\n`);
  if (process.env.BENCH_LIVE_REDIS !== 'off') {
    const redis = await startTestRedis();
    try {
      process.stdout.write(`${await run('Through Redis (REDIS_URL, two replicas, webhooks to the first)', 2, redis)}\n`);
    } finally {
      await redis.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
