import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { VENDORS } from '../src/providers/vendors';
import type { RecordingData } from '../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../src/domain/provider-name';
import { recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import { startSandbox, type Sandbox } from '../src/sandbox/start-sandbox';
import { startTestRedis } from '../test/support/redis-server';

/**
 * `npm run bench:throughput` (also run by `npm run bench`): issue #17's benchmark. The five
 * emulators enforce the vendors' documented limits and add BENCH_LATENCY_MS (50) per call;
 * servers run as their own processes (`node dist/index.js`, configured for the five vendors
 * pointed at the emulators); a driver process keeps BENCH_CONNECTIONS (20) connections busy
 * for BENCH_TP_SECONDS (10) per run.
 * - hot set: 100 READY recordings (20 per vendor), each read with an access link, over and
 *   over, with the cache on (after one warming pass) and off;
 * - cold set: every request a recording not read before, per vendor (Daily and Bird: one
 *   call per recording), to compare with the vendor's limit;
 * - both on two replicas sharing a Redis: the cold set spread over both, and the hot set
 *   warmed on one replica and read on the other.
 * Reports req/s, p50/p95, vendor calls per request and the 429s the emulators answered.
 */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_TP_SECONDS ?? 10);
const PER_VENDOR = 3_000;
const ROOT = join(__dirname, '..');
const ENTRY = join(ROOT, 'dist', 'index.js');

const hotQuery = (validForSecs: number) =>
  `query Hot($id: ID!) { node(id: $id) { id ... on Recording { status accessLink(validForSecs: ${validForSecs}) { url expiresAt validForSecs } } } }`;
const HOT_QUERY = hotQuery(600);
/**
 * Bird presigns its links for a fixed 600 s (docs/vendors/bird.md): asked 600 s, no cached
 * Bird link ever has enough left; asked 400 s, a fresh one (600 s) fits [400, 600] for 200 s.
 */
const HOT_QUERY_400 = hotQuery(400);
const COLD_QUERY = 'query Cold($id: ID!) { node(id: $id) { id ... on Recording { status durationSecs } } }';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The env of a server configured for the five vendors, each pointed at its emulator. */
function vendorEnv(sandbox: Sandbox): Record<string, string> {
  const { daily, signalwire, zoom, bird, cloudflare } = sandbox.providers;
  return {
    DAILY_API_KEY: daily.apiKey,
    DAILY_API_URL: daily.baseUrl,
    SIGNALWIRE_PROJECT_ID: signalwire.projectId,
    SIGNALWIRE_API_TOKEN: signalwire.apiToken,
    SIGNALWIRE_SPACE_URL: signalwire.spaceUrl,
    ZOOM_API_KEY: zoom.apiKey,
    ZOOM_API_SECRET: zoom.apiSecret,
    ZOOM_API_URL: zoom.baseUrl,
    BIRD_ACCESS_KEY: bird.accessKey,
    BIRD_WORKSPACE_ID: bird.workspaceId,
    BIRD_API_URL: bird.baseUrl,
    CLOUDFLARE_API_TOKEN: cloudflare.apiToken,
    CLOUDFLARE_ACCOUNT_ID: cloudflare.accountId,
    CLOUDFLARE_APP_ID: cloudflare.appId,
    CLOUDFLARE_API_URL: cloudflare.baseUrl,
  };
}

interface Replica {
  url: string;
  stop(): Promise<void>;
}

/** `node dist/index.js` on a free port, quiet (LOG_LEVEL=warn), ready when /healthz answers. */
async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      const res = await request(`${url}/readyz`);
      const body = (await res.body.json()) as { redis?: string };
      if (res.statusCode === 200 && (env.REDIS_URL === undefined || body.redis === 'connected')) break;
    } catch {
      // not listening yet
    }
    if (i > 400) throw new Error('a replica did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Driven {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  errors: Record<string, number>;
}

function drive(urls: string[], query: string, ids: string[], cycle: boolean, seconds = SECONDS): Promise<Driven> {
  // In a file: thousands of ids are too long for an environment variable.
  const file = join(mkdtempSync(join(tmpdir(), 'rg-drive-')), 'spec.json');
  writeFileSync(file, JSON.stringify({ urls, query, ids, connections: CONNECTIONS, seconds, cycle }));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'lib', 'drive.ts')],
      { cwd: ROOT, env: { ...process.env, DRIVE_SPEC_FILE: file }, maxBuffer: 1 << 20 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Driven)),
    );
  });
}

interface Row {
  name: string;
  driven: Driven;
  calls: number;
  rateLimited: number;
  limit?: string;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** A vendor's tightest documented limit over `seconds`, in calls per second. */
function limitPerSec(provider: ProviderName, seconds: number): number {
  return Math.min(
    ...VENDORS.find((v) => v.name === provider)!
      .rateClasses.filter((c) => c.default && c.name !== 'list')
      .map((c) => Math.max(c.default!.limit, (c.default!.limit * seconds * 1000) / c.default!.windowMs) / seconds),
  );
}

async function main(): Promise<void> {
  if (!existsSync(ENTRY)) throw new Error('dist/index.js is missing: `npm run bench:throughput` builds it first');
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS, rateLimits: true, recordingsPerVendor: PER_VENDOR });
  const emulators = Object.values(sandbox.emulators);
  const counts = () => ({
    calls: emulators.reduce((n, e) => n + e.totalCalls(), 0),
    limited: emulators.reduce((n, e) => n + e.rateLimitedCalls(), 0),
  });
  const data = demoRecordings(undefined, PER_VENDOR);
  const ready = (p: ProviderName): RecordingData[] => data[p].filter((r) => r.status === 'READY');
  const hot = PROVIDER_NAMES.flatMap((p) => ready(p).slice(0, 20)).map(recordingGlobalId);
  // Interleaved, so every vendor is in every stretch of the run.
  hot.sort((a, b) => (hot.indexOf(a) % 20) - (hot.indexOf(b) % 20));
  // Cold ids: used at most once over the whole benchmark (each run takes the next slice).
  const coldPool: Record<'daily' | 'bird', string[]> = {
    daily: data.daily.slice(100).map(recordingGlobalId),
    bird: data.bird.slice(100).map(recordingGlobalId),
  };
  // Twice what a run at the vendor's limit can use, so a run never runs out.
  const takeCold = (p: 'daily' | 'bird') => coldPool[p].splice(0, Math.ceil(limitPerSec(p, SECONDS) * SECONDS * 2));
  const env = vendorEnv(sandbox);
  const rows: Row[] = [];
  const measure = async (name: string, run: () => Promise<Driven>, limit?: string) => {
    const before = counts();
    const driven = await run();
    const after = counts();
    rows.push({ name, driven, calls: after.calls - before.calls, rateLimited: after.limited - before.limited, limit });
    process.stderr.write(`${name}: ${fmt(driven.rps)} req/s\n`);
  };
  /** Lets every window of the run before empty, so runs do not eat each other's budget. */
  const settle = () => new Promise((r) => setTimeout(r, 11_000));

  // One replica, no Redis.
  for (const cache of ['on', 'off'] as const) {
    const one = await startReplica({ ...env, CACHE: cache });
    if (cache === 'on') await drive([one.url], HOT_QUERY, hot, false, 60);
    await measure(`hot set, 1 replica, cache ${cache}`, () => drive([one.url], HOT_QUERY, hot, true));
    await settle();
    if (cache === 'on') {
      await drive([one.url], HOT_QUERY_400, hot, false, 60);
      await measure('hot set, links asked for 400 s, 1 replica, cache on', () => drive([one.url], HOT_QUERY_400, hot, true));
      await settle();
    }
    if (cache === 'on') {
      for (const p of ['daily', 'bird'] as const) {
        await measure(
          `cold set (${p}), 1 replica`,
          () => drive([one.url], COLD_QUERY, takeCold(p), false),
          `${fmt(limitPerSec(p, SECONDS))}/s`,
        );
        await settle();
      }
    }
    await one.stop();
  }

  // Two replicas sharing a Redis.
  const redis = await startTestRedis();
  const [a, b] = await Promise.all([startReplica({ ...env, REDIS_URL: redis.url }), startReplica({ ...env, REDIS_URL: redis.url })]);
  for (const p of ['daily', 'bird'] as const) {
    await measure(
      `cold set (${p}), 2 replicas + Redis`,
      () => drive([a.url, b.url], COLD_QUERY, takeCold(p), false),
      `${fmt(limitPerSec(p, SECONDS))}/s`,
    );
    await settle();
  }
  await drive([a.url], HOT_QUERY, hot, false, 60);
  await measure('hot set, warmed on replica A, read on B', () => drive([b.url], HOT_QUERY, hot, true));
  await drive([a.url], HOT_QUERY_400, hot, false, 60);
  await measure('hot set, links asked for 400 s, warmed on A, read on B', () => drive([b.url], HOT_QUERY_400, hot, true));
  await measure('hot set, 2 replicas + Redis', () => drive([a.url, b.url], HOT_QUERY, hot, true));
  await Promise.all([a.stop(), b.stop()]);
  await redis.stop();
  await sandbox.close();

  const lines = [
    `Throughput: vendor latency ${LATENCY_MS} ms, ${CONNECTIONS} connections, ${SECONDS} s per run, emulators enforcing the documented limits`,
    '',
    '| run | req/s | p50 ms | p95 ms | vendor calls / request | 429s | vendor limit | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.driven.rps)} | ${fmt(r.driven.p50)} | ${fmt(r.driven.p95)} | ${fmt(r.calls / Math.max(1, r.driven.requests), 3)} | ${r.rateLimited} | ${r.limit ?? ''} | ${JSON.stringify(r.driven.errors)} |`,
    ),
  ];
  const hotOn = rows.find((r) => r.name === 'hot set, 1 replica, cache on');
  const hotOff = rows.find((r) => r.name === 'hot set, 1 replica, cache off');
  if (hotOn && hotOff) lines.push('', `Hot set, cache on vs off: ${fmt(hotOn.driven.rps / hotOff.driven.rps)}x the req/s.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
