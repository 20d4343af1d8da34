import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VENDORS } from '../src/providers/vendors';
import type { RecordingData } from '../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../src/domain/provider-name';
import { recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import { startSandbox, type Sandbox } from '../src/sandbox/start-sandbox';
import { startTestRedis } from '../test/support/redis-server';
import { sandboxVendorEnv } from '../test/support/sandbox-env';
import { SERVER_ENTRY, startServerProcess, type ServerProcess } from './lib/server-process';

/**
 * `npm run bench:throughput` (also run by `npm run bench`): issue #17's benchmark. The five
 * emulators enforce the vendors' documented limits and add BENCH_LATENCY_MS (50) per call;
 * servers run as their own processes (`node dist/index.js`, configured for the five vendors
 * pointed at the emulators); a driver process keeps BENCH_CONNECTIONS (20) connections busy
 * for BENCH_TP_SECONDS (10) per run. Every row runs on fresh emulators, servers and Redis
 * (runRow), so no row spends another's budget.
 * - hot set: 100 READY recordings (20 per vendor), each read with an access link, over and
 *   over, with the cache on (after one warming pass) and off, links asked for 600 s and for
 *   REALISTIC_SECS;
 * - cold set: every request a recording not read before, per vendor (Daily and Bird: one
 *   call per recording), to compare with the vendor's limit;
 * - on two replicas sharing a Redis: the cold set spread over both, the hot set warmed on one
 *   replica and read on the other, and the hot set spread over both.
 * Reports req/s, p50/p95, vendor calls per request (and per vendor) and the emulators' 429s.
 * BENCH_TP_ONLY="cold set (daily)|links 400 s" runs only the rows whose names hold a part;
 * BENCH_TP_CPU_PROF=<dir> has every server process write a CPU profile (--cpu-prof) there.
 */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_TP_SECONDS ?? 10);
const PER_VENDOR = 3_000;
const ROOT = join(__dirname, '..');

const hotQuery = (validForSecs: number) =>
  `query Hot($id: ID!) { node(id: $id) { id ... on Recording { status accessLink(validForSecs: ${validForSecs}) { url expiresAt validForSecs } } } }`;
const COLD_QUERY = 'query Cold($id: ID!) { node(id: $id) { id ... on Recording { status durationSecs } } }';

type Replica = ServerProcess;

/** `node dist/index.js` on a free port (bench/lib/server-process.ts). */
function startReplica(env: Record<string, string>): Promise<Replica> {
  // BENCH_TP_CPU_PROF=<dir>: each replica writes a CPU profile there when it stops.
  const prof = process.env.BENCH_TP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_TP_CPU_PROF}`] : [];
  return startServerProcess(env, { nodeFlags: prof });
}

interface Driven {
  /** CPU time the driver used while driving, ms. */
  cpuMs: number;
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
  /** CPU time the server processes used during the measured run, ms. */
  serverCpuMs: number;
  calls: number;
  byVendor: Partial<Record<ProviderName, number>>;
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

/** What one row runs on: its own emulators, its own server processes, its own Redis. */
interface Setup {
  replicas: Replica[];
  sandbox: Sandbox;
}

interface RowSpec {
  name: string;
  replicas: 1 | 2;
  cache?: 'on' | 'off';
  /** Before the measured run, not counted: one pass over the ids through this replica. */
  warm?: { query: string; replica: number };
  query: string;
  ids: () => string[];
  cycle: boolean;
  /** Which replicas the driver spreads the run over. */
  through: number[];
  limit?: ProviderName;
}

/**
 * Each row on a fresh setup: emulators (their rate windows empty), server processes (no call
 * queued for budget, no cache) and, with two replicas, a Redis of its own, all stopped after
 * the row. A row's vendor calls are counted from the start of its measured run until its
 * servers have exited, so a call made for the run but arriving after it still counts, and
 * nothing of one row can spend the next one's budget (calls left waiting for budget when a
 * run ends die with its servers).
 */
async function runRow(spec: RowSpec): Promise<Row> {
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS, rateLimits: true, recordingsPerVendor: PER_VENDOR });
  const redis = spec.replicas === 2 ? await startTestRedis() : undefined;
  const env = { ...sandboxVendorEnv(sandbox), ...(spec.cache ? { CACHE: spec.cache } : {}), ...(redis ? { REDIS_URL: redis.url } : {}) };
  const setup: Setup = { sandbox, replicas: await Promise.all(Array.from({ length: spec.replicas }, () => startReplica(env))) };
  const emulators = Object.entries(sandbox.emulators) as Array<[ProviderName, Sandbox['emulators'][ProviderName]]>;
  try {
    if (spec.warm) await drive([setup.replicas[spec.warm.replica].url], spec.warm.query, hotIds, false, 60);
    const before = emulators.map(([, e]) => e.totalCalls());
    const limitedBefore = emulators.reduce((n, [, e]) => n + e.rateLimitedCalls(), 0);
    const serverCpu = () => setup.replicas.reduce((n, r) => n + r.cpuMs(), 0);
    const cpuBefore = serverCpu();
    const driven = await drive(
      spec.through.map((i) => setup.replicas[i].url),
      spec.query,
      spec.ids(),
      spec.cycle,
    );
    const serverCpuMs = serverCpu() - cpuBefore;
    await Promise.all(setup.replicas.map((r) => r.stop()));
    const byVendor: Partial<Record<ProviderName, number>> = {};
    emulators.forEach(([name, e], i) => {
      const n = e.totalCalls() - before[i];
      if (n > 0) byVendor[name] = n;
    });
    const row: Row = {
      name: spec.name,
      driven,
      serverCpuMs,
      calls: Object.values(byVendor).reduce((a, b) => a + b, 0),
      byVendor,
      rateLimited: emulators.reduce((n, [, e]) => n + e.rateLimitedCalls(), 0) - limitedBefore,
      limit: spec.limit && `${fmt(limitPerSec(spec.limit, SECONDS))}/s`,
    };
    process.stderr.write(
      `${spec.name}: ${fmt(driven.rps)} req/s, p50 ${fmt(driven.p50)} ms, ${fmt(row.calls / Math.max(1, driven.requests), 3)} calls/request\n`,
    );
    return row;
  } finally {
    await Promise.all(setup.replicas.map((r) => r.stop()));
    await redis?.stop();
    await sandbox.close();
  }
}

const data = demoRecordings(undefined, PER_VENDOR);
const ready = (p: ProviderName): RecordingData[] => data[p].filter((r) => r.status === 'READY');
/** The hot set: 20 READY recordings per vendor, interleaved so every vendor is in every stretch of a run. */
const hotIds = (() => {
  const hot = PROVIDER_NAMES.flatMap((p) => ready(p).slice(0, 20)).map(recordingGlobalId);
  return hot
    .map((id, i) => ({ id, i }))
    .sort((a, b) => (a.i % 20) - (b.i % 20) || a.i - b.i)
    .map(({ id }) => id);
})();
/** Cold ids: twice what a run at the vendor's limit can use, so a run never runs out. */
const coldIds = (p: 'daily' | 'bird') => () =>
  data[p].slice(100, 100 + Math.ceil(limitPerSec(p, SECONDS) * SECONDS * 2)).map(recordingGlobalId);

/**
 * The validity a frontend realistically asks, for the hot set: a page that lists recordings
 * with play/download links uses a link within minutes of rendering it, and 400 s is the ask
 * at which Bird's fixed 600 s link (docs/vendors/bird.md) is reusable longest (600/1.5 = 400:
 * a fresh Bird link is within the allowed slack, and is reusable for its first 200 s).
 */
const REALISTIC_SECS = 400;

const ROWS: RowSpec[] = [
  ...(
    [
      [600, 'on'],
      [REALISTIC_SECS, 'on'],
      [600, 'off'],
      [REALISTIC_SECS, 'off'],
    ] as const
  ).map(([secs, cache]): RowSpec => ({
    name: `hot set, links ${secs} s, 1 replica, cache ${cache}`,
    replicas: 1,
    cache,
    warm: cache === 'on' ? { query: hotQuery(secs), replica: 0 } : undefined,
    query: hotQuery(secs),
    ids: () => hotIds,
    cycle: true,
    through: [0],
  })),
  ...(['daily', 'bird'] as const).flatMap((p): RowSpec[] => [
    { name: `cold set (${p}), 1 replica`, replicas: 1, query: COLD_QUERY, ids: coldIds(p), cycle: false, through: [0], limit: p },
    {
      name: `cold set (${p}), 2 replicas + Redis`,
      replicas: 2,
      query: COLD_QUERY,
      ids: coldIds(p),
      cycle: false,
      through: [0, 1],
      limit: p,
    },
  ]),
  ...[600, REALISTIC_SECS].flatMap((secs): RowSpec[] => [
    {
      name: `hot set, links ${secs} s, warmed on replica A, read on B (Redis)`,
      replicas: 2,
      warm: { query: hotQuery(secs), replica: 0 },
      query: hotQuery(secs),
      ids: () => hotIds,
      cycle: true,
      through: [1],
    },
    {
      name: `hot set, links ${secs} s, 2 replicas + Redis`,
      replicas: 2,
      warm: { query: hotQuery(secs), replica: 0 },
      query: hotQuery(secs),
      ids: () => hotIds,
      cycle: true,
      through: [0, 1],
    },
  ]),
];

async function main(): Promise<void> {
  if (!existsSync(SERVER_ENTRY)) throw new Error('dist/index.js is missing: `npm run bench:throughput` builds it first');
  // BENCH_TP_ONLY: parts of row names separated by |; only rows whose name holds one of them run.
  const only = (process.env.BENCH_TP_ONLY ?? '')
    .split('|')
    .map((w) => w.trim())
    .filter(Boolean);
  const rows: Row[] = [];
  for (const spec of ROWS.filter((r) => only.length === 0 || only.some((w) => r.name.includes(w)))) rows.push(await runRow(spec));

  const lines = [
    `Throughput: vendor latency ${LATENCY_MS} ms, ${CONNECTIONS} connections, ${SECONDS} s per run, emulators enforcing the documented limits, every row on fresh emulators, servers and Redis`,
    '',
    '| run | req/s | p50 ms | p95 ms | vendor calls / request | vendor calls | 429s | vendor limit | errors | CPU ms / request: servers, driver |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.driven.rps)} | ${fmt(r.driven.p50)} | ${fmt(r.driven.p95)} | ${fmt(r.calls / Math.max(1, r.driven.requests), 3)} | ${
          Object.entries(r.byVendor)
            .map(([v, n]) => `${v} ${n}`)
            .join(', ') || '0'
        } | ${r.rateLimited} | ${r.limit ?? ''} | ${JSON.stringify(r.driven.errors)} | ${fmt(r.serverCpuMs / Math.max(1, r.driven.requests), 3)}, ${fmt(r.driven.cpuMs / Math.max(1, r.driven.requests), 3)} |`,
    ),
  ];
  for (const secs of [600, REALISTIC_SECS]) {
    const on = rows.find((r) => r.name === `hot set, links ${secs} s, 1 replica, cache on`);
    const off = rows.find((r) => r.name === `hot set, links ${secs} s, 1 replica, cache off`);
    if (on && off) lines.push('', `Hot set, links ${secs} s, cache on vs off: ${fmt(on.driven.rps / off.driven.rps)}x the req/s.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
