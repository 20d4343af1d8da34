import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { request } from 'undici';
import { startApp, type RunningApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import type { RecordingData } from '../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../src/domain/provider-name';
import { encodeGlobalId, recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import type { Emulator } from '../src/sandbox/emulator';
import { startSandbox, type Sandbox } from '../src/sandbox/start-sandbox';
import { startBareApollo } from './bare-apollo';
import { createFloor, type Floor } from './floor';
import { meshShapedRun, perVendorRows } from './latency';
import { listingScenario } from './listing';
import { loadTest } from './lib/load';
import { ONE_QUERY } from './lib/queries';
import { interleavedP50, percentile, timeRuns } from './lib/stats';

/**
 * `npm run bench`: the sandbox with a fixed per-call vendor latency, the server twice
 * (batching on, and off as the naive baseline), and the floor (the same data fetched by a
 * plain script calling the emulators' APIs directly, with ideal parallelism). Prints one
 * table; ratios within one run are what count.
 */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const WARMUP = 5;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PER_VENDOR = 20;
/** Interleaved runs of scenario 1 for its overhead line (BENCH_OVERHEAD_ROUNDS). */
const OVERHEAD_ROUNDS = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 200);
/** The Mesh-shaped run (scenario 8): seconds, connections, and how many generated recordings per vendor its ids spread over. */
const MESH_SECONDS = Number(process.env.BENCH_MESH_SECONDS ?? 10);
const MESH_CONNECTIONS = Number(process.env.BENCH_MESH_CONNECTIONS ?? 20);
const MESH_SPREAD = Number(process.env.BENCH_MESH_SPREAD ?? 2_000);
const MESH_ROUNDS = Number(process.env.BENCH_MESH_ROUNDS ?? 3);
/** Generated recordings per vendor for the timeline walk (scenario 6). */
const LIST_PER_VENDOR = Number(process.env.BENCH_LIST_PER_VENDOR ?? 10_000);

interface Scenario {
  name: string;
  target: 'server' | 'naive' | 'bare' | 'floor';
  /** One execution (GraphQL POST or floor fetch). */
  run: () => Promise<void>;
  /** The GraphQL body, for the load test. */
  body?: { query: string; variables: Record<string, unknown> };
  /** The floor run whose calls are the minimum for this scenario's data. */
  floorOf?: string;
}

interface Row {
  name: string;
  calls: number;
  duplicates: number;
  minimum: number;
  p50: number;
  p95: number;
  rps: number | null;
}

function totalCalls(emulators: Record<ProviderName, Emulator>): { calls: number; duplicates: number } {
  let calls = 0;
  const seen = new Set<string>();
  let duplicates = 0;
  for (const e of Object.values(emulators)) {
    calls += e.totalCalls();
    for (const entry of e.log) {
      const key = `${e.vendor} ${entry.method} ${entry.path} ${JSON.stringify(Object.entries(entry.query).sort())}`;
      if (seen.has(key)) duplicates += 1;
      seen.add(key);
    }
  }
  return { calls, duplicates };
}

function reset(emulators: Record<ProviderName, Emulator>): void {
  for (const e of Object.values(emulators)) e.resetCounters();
}

async function post(app: { url: string }, body: { query: string; variables: Record<string, unknown> }): Promise<void> {
  const res = await request(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.body.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${JSON.stringify(json)}`);
  const unexpected = json.errors?.filter(
    (e) => e.extensions?.code !== 'UNSUPPORTED_BY_PROVIDER' && e.extensions?.code !== 'BAD_USER_INPUT',
  );
  if (unexpected?.length) throw new Error(`GraphQL errors: ${JSON.stringify(unexpected.slice(0, 3))}`);
}

async function startServer(sandbox: Sandbox, batching: boolean): Promise<RunningApp> {
  // No cross-request cache: these scenarios measure what one request costs (the cache's own bench is bench/throughput.ts).
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', CACHE: 'off' });
  return startApp({ ...base, sandbox: false, providers: sandbox.providers, batching });
}

const MANY_QUERY = `query Many($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { status session { name } accessLink { url expiresAt } } } }`;
const SESSION_QUERY = `query Session($id: ID!) { session(id: $id) { id name recordings { id status accessLink { url expiresAt } } } }`;

function sessionWithMostRecordings(recordings: RecordingData[]): { sessionKey: readonly string[]; recordings: RecordingData[] } {
  const bySession = new Map<string, RecordingData[]>();
  for (const r of recordings) {
    if (!r.sessionKey) continue;
    const k = JSON.stringify(r.sessionKey);
    bySession.set(k, [...(bySession.get(k) ?? []), r]);
  }
  const [key, recs] = [...bySession].sort((a, b) => b[1].length - a[1].length)[0];
  return { sessionKey: JSON.parse(key), recordings: recs };
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
  const server = await startServer(sandbox, true);
  const naive = await startServer(sandbox, false);
  const bare = await startBareApollo(sandbox.providers.daily);
  const floor: Floor = createFloor(sandbox.providers);
  const demo = demoRecordings();

  const many = PROVIDER_NAMES.flatMap((p) => demo[p].slice(0, PER_VENDOR));
  const manyIds = many.map(recordingGlobalId);
  const one = demo.daily[1];

  const scenarios: Scenario[] = [
    {
      name: '1. one recording by id',
      target: 'server',
      body: { query: ONE_QUERY, variables: { id: recordingGlobalId(one) } },
      run: async () => undefined,
      floorOf: 'floor: 1',
    },
    { name: 'floor: 1', target: 'floor', run: () => floor.recordings([one], { session: false, link: false }) },
    {
      name: 'ref. 1 on a bare Apollo Server',
      target: 'bare',
      body: { query: ONE_QUERY, variables: { id: one.nativeId } },
      run: async () => undefined,
      floorOf: 'floor: 1',
    },
    {
      name: `2. ${many.length} recordings, 5 vendors, session + link`,
      target: 'server',
      body: { query: MANY_QUERY, variables: { ids: manyIds } },
      run: async () => undefined,
      floorOf: 'floor: 2',
    },
    {
      name: '4. scenario 2, batching off (naive)',
      target: 'naive',
      body: { query: MANY_QUERY, variables: { ids: manyIds } },
      run: async () => undefined,
      floorOf: 'floor: 2',
    },
    { name: 'floor: 2', target: 'floor', run: () => floor.recordings(many, { session: true, link: true }) },
  ];
  for (const p of PROVIDER_NAMES) {
    if (demo[p].length === 0) continue;
    const s = sessionWithMostRecordings(demo[p]);
    const id = encodeGlobalId('Session', p, s.sessionKey);
    scenarios.push(
      {
        name: `3. ${p} session, ${s.recordings.length} recordings + links`,
        target: 'server',
        body: { query: SESSION_QUERY, variables: { id } },
        run: async () => undefined,
        floorOf: `floor: 3 ${p}`,
      },
      { name: `floor: 3 ${p}`, target: 'floor', run: () => floor.session(p, s.sessionKey, s.recordings) },
    );
  }
  const targets = { server, naive, bare };
  for (const s of scenarios) {
    if (s.body) {
      const app = targets[s.target as keyof typeof targets];
      const body = s.body;
      s.run = () => post(app, body);
    }
  }

  // Calls and latency of every scenario first, on a quiet server; the load tests after,
  // so the backlog a load test leaves in the vendor pools cannot slow another scenario.
  const rows = new Map<string, Row>();
  const firstSightNotes: string[] = [];
  for (const s of scenarios) {
    // Counted on the second run, as in a running server; the first run is the server's first
    // sight of these recordings, where a Daily or Bird link is prefetched before the
    // recording's status is known (docs/performance.md, "Prefetched links"): reported apart.
    reset(sandbox.emulators);
    await s.run();
    const firstSight = totalCalls(sandbox.emulators).calls;
    reset(sandbox.emulators);
    await s.run();
    const { calls, duplicates } = totalCalls(sandbox.emulators);
    if (firstSight !== calls)
      firstSightNotes.push(`${s.name}: ${firstSight} vendor calls the first time the server met its recordings, ${calls} after.`);
    // Warm-up: JIT, connection pools and Apollo's document cache, as in a running server.
    await timeRuns(WARMUP, s.run);
    const samples = await timeRuns(ITERATIONS, s.run);
    rows.set(s.name, {
      name: s.name,
      calls,
      duplicates,
      minimum: calls,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      rps: null,
    });
  }
  for (const s of scenarios) {
    if (!s.body) continue;
    const app = targets[s.target as keyof typeof targets];
    rows.get(s.name)!.rps = (await loadTest(`${app.url}/graphql`, s.body, {}, LOAD_SECONDS, CONNECTIONS)).requestsPerSec;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  for (const s of scenarios) if (s.floorOf) rows.get(s.name)!.minimum = rows.get(s.floorOf)!.calls;

  const fmt = (n: number) => n.toFixed(1);
  const fmt2 = (n: number) => n.toFixed(2);
  const lines = [
    `Benchmark: vendor latency ${LATENCY_MS} ms per call, ${ITERATIONS} sequential runs each, load ${LOAD_SECONDS} s x ${CONNECTIONS} connections (autocannon, second process)`,
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average at the start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min)`,
    '',
    '| scenario | vendor calls | minimum | duplicates | p50 ms | p95 ms | req/s | p50 / floor | calls vs naive |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const naiveCalls = rows.get('4. scenario 2, batching off (naive)')!.calls;
  for (const s of scenarios) {
    const r = rows.get(s.name)!;
    const f = s.floorOf ? rows.get(s.floorOf)! : undefined;
    const ratioFloor = f ? `${(r.p50 / f.p50).toFixed(2)}x` : '';
    const vsNaive = s.name.startsWith('2.') ? `${(naiveCalls / r.calls).toFixed(1)}x fewer` : '';
    lines.push(
      `| ${r.name} | ${r.calls} | ${r.minimum} | ${r.duplicates} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.rps === null ? 'n/a' : fmt(r.rps)} | ${ratioFloor} | ${vsNaive} |`,
    );
  }
  if (firstSightNotes.length > 0) {
    lines.push(
      '',
      'First sight (link calls prefetched for recordings the link rule refuses, their answers dropped; docs/performance.md):',
      ...firstSightNotes.map((n) => `  ${n}`),
    );
  }
  // Scenario 1's overhead, the server and the bare reference against the floor, from runs
  // interleaved one by one (the table's rows ran in separate blocks, so a drift of the
  // machine's speed between blocks would count as overhead): at the bench's vendor latency,
  // then with none, where what is left is CPU and the extra HTTP hop, without the slowdown
  // a machine shows after each 50 ms away from this code.
  const runOf = (name: string) => scenarios.find((s) => s.name === name)!.run;
  const contenders = { server: runOf('1. one recording by id'), bare: runOf('ref. 1 on a bare Apollo Server'), floor: runOf('floor: 1') };
  const at = await interleavedP50(OVERHEAD_ROUNDS, contenders);
  lines.push(
    '',
    `Scenario 1, ${OVERHEAD_ROUNDS} interleaved runs each at ${LATENCY_MS} ms vendor latency, p50: server ${fmt2(at.server)} ms, bare Apollo Server ${fmt2(at.bare)} ms, floor ${fmt2(at.floor)} ms.`,
    `Server overhead on scenario 1 at p50: ${fmt2(at.server - at.floor)} ms over the floor (a bare Apollo Server on fastify: ${fmt2(at.bare - at.floor)} ms).`,
  );
  // Scenario 7 (issue #16): per vendor, recording + link and recording + session { id }, against one round trip.
  const postServer = (query: string, variables: Record<string, unknown>) => post(server, { query, variables });
  lines.push(
    '',
    `Scenario 7, per vendor, ${ITERATIONS} interleaved runs each at ${LATENCY_MS} ms vendor latency:`,
    '',
    ...(await perVendorRows(sandbox, floor, postServer, ITERATIONS)),
  );
  for (const e of Object.values(sandbox.emulators)) e.latencyMs = 0;
  await interleavedP50(50, contenders);
  const hot = await interleavedP50(2 * OVERHEAD_ROUNDS, contenders);
  lines.push(
    '',
    `Server overhead on scenario 1 at p50 with 0 ms vendor latency: ${fmt2(hot.server - hot.floor)} ms (server ${fmt2(hot.server)} ms, floor ${fmt2(hot.floor)} ms;` +
      ` a bare Apollo Server on fastify: ${fmt2(hot.bare - hot.floor)} ms).`,
    `Own overhead at 0 ms vendor latency, p50 of ${2 * OVERHEAD_ROUNDS} interleaved runs: server / bare Apollo Server = ${(hot.server / hot.bare).toFixed(2)}x in total time (target 1.25x),` +
      ` ${((hot.server - hot.floor) / (hot.bare - hot.floor)).toFixed(2)}x in time over the floor.`,
  );
  console.log(lines.join('\n'));

  await Promise.all([server.close(), naive.close(), bare.close()]);
  await floor.close();
  await sandbox.close();

  console.log(['', ...(await meshShapedRun(LATENCY_MS, MESH_SECONDS, MESH_CONNECTIONS, MESH_SPREAD, MESH_ROUNDS))].join('\n'));

  console.log(['', ...(await listingScenario(LATENCY_MS, LIST_PER_VENDOR))].join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
