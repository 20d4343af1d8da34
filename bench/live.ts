import 'reflect-metadata';
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import { startSandbox } from '../src/sandbox/start-sandbox';
import { startTestRedis, type TestRedis } from '../test/support/redis-server';

/**
 * `npm run bench:live`: BENCH_LIVE_SUBSCRIBERS (1,000) graphql-ws subscribers, one
 * connection each, in a second process; BENCH_LIVE_RATE (100) signed Zoom webhooks a second
 * for BENCH_LIVE_SECONDS (10) into POST /webhooks/zoom. Checks every subscriber got every
 * event exactly once, and samples the server's heap (after a full GC) each second. Runs the
 * in-process bus, then (BENCH_LIVE_REDIS=off skips it) the Redis bus through a
 * redis-server of its own. Loopback only; stops by itself.
 */
const SUBSCRIBERS = Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 1_000);
const RATE = Number(process.env.BENCH_LIVE_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
const TOKEN = 'bench-live-zoom-secret-token';

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;

interface Result {
  received: number[];
  duplicates: number;
  errors: number;
  latency: { p50: number; p95: number; p99: number; max: number; samples: number };
}

async function run(label: string, redis?: TestRedis): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    ZOOM_WEBHOOK_SECRET_TOKEN: TOKEN,
    ...(redis ? { REDIS_URL: redis.url } : {}),
  });
  const sandbox = await startSandbox({ vendorHttp: config.vendorHttp });
  const app = await startApp({ ...config, sandbox: false, providers: sandbox.providers });
  const child = fork(join(__dirname, 'live-subscribers.ts'), [`${app.url.replace(/^http/, 'ws')}/graphql`, String(SUBSCRIBERS)], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const fromChild = (kind: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const on = (m: Record<string, unknown>) => {
        if (m.kind === kind) {
          child.off('message', on);
          resolve(m);
        }
      };
      child.on('message', on);
    });
  const connectedAt = Date.now();
  process.stderr.write(`${label}: connecting ${SUBSCRIBERS} subscribers\n`);
  await fromChild('connected');
  while (app.live.events.subscriberCount < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 20));
  const connectMs = Date.now() - connectedAt;

  gc();
  const heap: number[] = [heapMb()];
  const sampler = setInterval(() => {
    gc();
    heap.push(heapMb());
  }, 1_000);
  const total = RATE * SECONDS;
  const sender = fork(join(__dirname, 'live-sender.ts'), [`${app.url}/webhooks/zoom`, TOKEN, String(RATE), String(SECONDS)], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sent = await new Promise<{ refused: number; sentSeconds: number }>((resolve) =>
    sender.on('message', (m: { kind: string; refused: number; sentSeconds: number }) => m.kind === 'sent' && resolve(m)),
  );
  const sendSeconds = sent.sentSeconds;
  const refused = sent.refused;
  process.stderr.write(`${label}: sent ${total} webhooks in ${sendSeconds.toFixed(1)} s, collecting\n`);
  child.send({ kind: 'collect', expected: total, timeoutMs: 30_000 });
  const result = (await fromChild('result')) as unknown as Result;
  clearInterval(sampler);
  gc();
  heap.push(heapMb());
  await app.close();
  await sandbox.close();

  const delivered = result.received.reduce((a, b) => a + b, 0);
  const expected = total * SUBSCRIBERS;
  const complete = result.received.filter((r) => r === total).length;
  return [
    `### ${label}`,
    '',
    `| measure | value |`,
    `| --- | --- |`,
    `| subscribers (graphql-ws, one connection each) | ${SUBSCRIBERS}, all connected in ${connectMs} ms |`,
    `| webhooks sent | ${total} in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s offered ${RATE}/s), ${refused} not answered 200 |`,
    `| deliveries | ${delivered} of ${expected} (${((100 * delivered) / expected).toFixed(2)} %), ${complete} of ${SUBSCRIBERS} subscribers got all ${total} |`,
    `| duplicates, errors | ${result.duplicates}, ${result.errors} |`,
    `| delivery latency (webhook sent to event received), ms | p50 ${result.latency.p50}, p95 ${result.latency.p95}, p99 ${result.latency.p99}, max ${result.latency.max} (${result.latency.samples} samples) |`,
    `| server heap after GC, MB, each second | ${heap.join(' · ')} |`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc (npm run bench:live does)');
  const out: string[] = [
    `Live benchmark: ${SUBSCRIBERS} subscribers x ${RATE} events/s x ${SECONDS} s`,
    `Machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(`${await run('In-process bus (no REDIS_URL)')}\n`);
  if (process.env.BENCH_LIVE_REDIS !== 'off') {
    const redis = await startTestRedis();
    try {
      process.stdout.write(`${await run('Redis bus (REDIS_URL, one replica)', redis)}\n`);
    } finally {
      await redis.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
