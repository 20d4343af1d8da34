import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { RecordingData } from '../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../src/domain/provider-name';
import { recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import type { Emulator } from '../src/sandbox/emulator';
import type { Sandbox } from '../src/sandbox/start-sandbox';
import { sandboxVendorEnv } from '../test/support/sandbox-env';
import { createFloor, type Floor } from './floor';
import { loadTestSpread, type SpreadLoadResult } from './lib/load';
import { startServerProcess, type ServerProcess } from './lib/server-process';
import { interleavedP50, percentile } from './lib/stats';

/** Issue #16's queries: a recording with an 1800 s link, and with what its body says of its session. */
export const LINK_QUERY = `query Link($id: ID!) { recording(id: $id) { status accessLink(validForSecs: 1800) { url } } }`;
export const SESSION_ID_QUERY = `query SessionId($id: ID!) { recording(id: $id) { id session { id nativeId provider kind } } }`;
const BARE_QUERY = `query Bare($id: ID!) { recording(id: $id) { id } }`;

type Post = (query: string, variables: Record<string, unknown>) => Promise<void>;

const callsOf = (emulator: Emulator) => emulator.totalCalls();

/** A recording per vendor that has a session and is READY (its link can be minted). */
function pick(demo: Record<ProviderName, RecordingData[]>, vendor: ProviderName): RecordingData | undefined {
  return demo[vendor].find((r) => r.sessionKey && r.status === 'READY') ?? demo[vendor].find((r) => r.sessionKey);
}

/**
 * For each vendor: recording + link and recording + `session { id nativeId provider kind }`,
 * their vendor calls (and how many more than the recording alone) and p50 from runs
 * interleaved with the floor's one round trip (the recording's own call, made directly).
 */
export async function perVendorRows(sandbox: Sandbox, floor: Floor, post: Post, rounds: number): Promise<string[]> {
  const demo = demoRecordings();
  const lines = [
    '| vendor | query | vendor calls | calls beyond the recording alone | p50 ms | floor (one round trip) p50 ms | p50 / floor |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const vendor of PROVIDER_NAMES) {
    const rec = pick(demo, vendor);
    if (!rec) continue;
    const id = recordingGlobalId(rec);
    const emulator = sandbox.emulators[vendor];
    const count = async (query: string) => {
      emulator.resetCounters();
      await post(query, { id });
      return callsOf(emulator);
    };
    const alone = await count(BARE_QUERY);
    const link = await count(LINK_QUERY);
    const session = await count(SESSION_ID_QUERY);
    const p50 = await interleavedP50(rounds, {
      link: () => post(LINK_QUERY, { id }),
      session: () => post(SESSION_ID_QUERY, { id }),
      floor: () => floor.recordings([rec], { session: false, link: false }),
    });
    const row = (name: string, calls: number, ms: number) =>
      `| ${vendor} | ${name} | ${calls} | ${calls - alone} | ${ms.toFixed(1)} | ${p50.floor.toFixed(1)} | ${(ms / p50.floor).toFixed(2)}x |`;
    lines.push(
      row('recording + accessLink(validForSecs: 1800)', link, p50.link),
      row('recording + session { id nativeId provider kind }', session, p50.session),
    );
  }
  return lines;
}

interface EmulatorStats {
  cpu: NodeJS.CpuUsage;
  vendors: Record<ProviderName, { counters: Record<string, number>; mostInFlight: number }>;
}

/** The emulators, in a process of their own (bench/lib/emulators-process.ts). */
interface MeshVendors {
  providers: Sandbox['providers'];
  reset(): Promise<void>;
  stats(): Promise<EmulatorStats>;
  close(): Promise<void>;
}

async function emulatorsOwnProcess(latencyMs: number, spread: number): Promise<MeshVendors> {
  const child = fork(join(__dirname, 'lib', 'emulators-process.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, BENCH_EMULATORS: JSON.stringify({ latencyMs, recordingsPerVendor: spread }) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const providers = await new Promise<Sandbox['providers']>((resolve, reject) => {
    let buffered = '';
    child.once('exit', (code) => reject(new Error(`the emulators' process exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(JSON.parse(buffered.slice(0, end)) as Sandbox['providers']);
    });
  });
  const ask = <T>(message: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (answer) => resolve(answer as T));
      child.send(message);
    });
  return {
    providers,
    reset: async () => void (await ask('reset')),
    stats: () => ask<EmulatorStats>('stats'),
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** The bare Apollo reference's process (bench/lib/bare-apollo-process.ts). */
const BARE_ENTRY = join(__dirname, 'lib', 'bare-apollo-process.ts');
/** The plain node:http server making the same two calls (bench/lib/floor-server-process.ts). */
const CEILING_ENTRY = join(__dirname, 'lib', 'floor-server-process.ts');

interface Contender {
  name: string;
  /** The ids the load cycles through, as this contender takes them. */
  ids: string[];
  start(): Promise<ServerProcess>;
}

interface MeshRound {
  load: SpreadLoadResult;
  serverCpuMs: number;
  emulatorCpuMs: number;
  mostInFlight: number;
  routes: string;
}

/**
 * The Mesh-shaped run (issue #16): a Daily recording with an 1800 s link under autocannon
 * (a process of its own), `connections` connections for `seconds`, each request another of
 * `spread` generated Daily recordings (no answer can be cached), at `latencyMs` per vendor
 * call, the emulators in a process of their own (as the Mesh stubs were). Three
 * contenders, each as its own process started fresh for every run: the server as deployed
 * (`node dist/index.js`, the five vendors pointed at the emulators, CACHE=off, no rate
 * budget; BENCH_MESH_NODE_FLAGS adds node flags), the bare Apollo reference
 * (bench/bare-apollo.ts: the same two Daily calls side by side, nothing else), and a plain
 * node:http server making the same two calls (the ceiling this machine and load allow). `rounds`
 * rounds, the order alternating, so a drift in the machine touches both alike; medians are
 * reported with every run. Also: p50 against one round trip, CPU per request of each
 * process, and the most Daily calls in flight against the configured bound.
 */
export async function meshShapedRun(
  latencyMs: number,
  seconds: number,
  connections: number,
  spread: number,
  rounds: number,
): Promise<string[]> {
  const vendors = await emulatorsOwnProcess(latencyMs, spread);
  const floor = createFloor(vendors.providers);
  try {
    const daily = demoRecordings(1, spread).daily.filter((r) => r.status === 'READY');
    // One round trip, measured directly against the same emulator.
    const oneTrip = (await interleavedP50(20, { floor: () => floor.recordings([daily[0]], { session: false, link: false }) })).floor;
    const nodeFlags = (process.env.BENCH_MESH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    // The references take Daily's own ids and its config as JSON; run from TypeScript like this driver.
    const nativeIds = daily.map((r) => r.nativeId);
    const referenceProcess = (name: string, entry: string): Contender => ({
      name,
      ids: nativeIds,
      start: () =>
        startServerProcess({ BENCH_DAILY: JSON.stringify(vendors.providers.daily) }, { entry, nodeFlags: ['-r', '@swc-node/register'] }),
    });
    const contenders: Contender[] = [
      {
        name: `server (node ${[...nodeFlags, 'dist/index.js'].join(' ')})`,
        ids: daily.map(recordingGlobalId),
        start: () =>
          startServerProcess(
            { ...sandboxVendorEnv(vendors), CACHE: 'off', DAILY_RATE_DEFAULT: 'off', DAILY_RATE_LIST: 'off' },
            { nodeFlags },
          ),
      },
      referenceProcess('bare Apollo reference', BARE_ENTRY),
      referenceProcess('plain node:http, no GraphQL (the ceiling)', CEILING_ENTRY),
    ];
    const runs = new Map<Contender, MeshRound[]>(contenders.map((c) => [c, []]));
    for (let round = 0; round < rounds; round++) {
      for (const c of round % 2 === 0 ? contenders : [...contenders].reverse()) {
        runs.get(c)!.push(await meshRound(c, vendors, seconds, connections));
      }
    }
    const bound = vendors.providers.daily.maxConcurrency;
    const lines = [
      `Mesh-shaped run: Daily \`recording(id) { status accessLink(validForSecs: 1800) { url } }\`, autocannon ${connections} connections x ${seconds} s (its own process), ${latencyMs} ms per vendor call (emulators in their own process), ids over the READY ones of ${spread} generated Daily recordings, CACHE=off, no rate budget; ${rounds} rounds, each contender a fresh process per run, order alternating. One round trip (the floor, direct): ${oneTrip.toFixed(1)} ms.`,
      '',
      '| contender | req/s per run | median req/s | p50 ms per run | median p50 / round trip | p97.5 ms per run | CPU ms / request: contender, emulators, autocannon (medians) | most Daily calls in flight (bound) | non-2xx, errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    const median = (xs: number[]) => percentile(xs, 50);
    for (const c of contenders) {
      const rs = runs.get(c)!;
      const perReq = (f: (r: MeshRound) => number) => median(rs.map((r) => f(r) / (r.load.requestsPerSec * seconds))).toFixed(2);
      lines.push(
        `| ${c.name} | ${rs.map((r) => r.load.requestsPerSec.toFixed(1)).join(', ')} | ${median(rs.map((r) => r.load.requestsPerSec)).toFixed(1)} | ${rs.map((r) => r.load.p50).join(', ')} | ${(median(rs.map((r) => r.load.p50)) / oneTrip).toFixed(2)}x | ${rs.map((r) => r.load.p97_5).join(', ')} | ${perReq((r) => r.serverCpuMs)}, ${perReq((r) => r.emulatorCpuMs)}, ${perReq((r) => cpuMs(r.load.cpu))} | ${Math.max(...rs.map((r) => r.mostInFlight))} (${bound}) | ${rs.reduce((n, r) => n + r.load.non2xx, 0)}, ${rs.reduce((n, r) => n + r.load.errors, 0)} |`,
      );
    }
    const [server, bare, ceiling] = contenders.map((c) => median(runs.get(c)!.map((r) => r.load.requestsPerSec)));
    lines.push(
      '',
      `Median req/s: server / bare Apollo reference ${(server / bare).toFixed(2)}x, server / plain node:http ${(server / ceiling).toFixed(2)}x, bare / plain ${(bare / ceiling).toFixed(2)}x. Daily calls in the server's last run: ${runs.get(contenders[0])!.at(-1)!.routes}. Machine load average ${loadavg()[0].toFixed(1)} over the last minute.`,
    );
    return lines;
  } finally {
    await floor.close();
    await vendors.close();
  }
}

async function meshRound(contender: Contender, vendors: MeshVendors, seconds: number, connections: number): Promise<MeshRound> {
  const server = await contender.start();
  try {
    const url = `${server.url}/graphql`;
    // Warm-up, as in a running server (JIT, the vendor pool's connections): a tenth of the run, not measured.
    await loadTestSpread(url, LINK_QUERY, contender.ids, Math.max(1, Math.round(seconds / 10)), connections);
    await vendors.reset();
    const before = await vendors.stats();
    const cpuBefore = server.cpuMs();
    const load = await loadTestSpread(url, LINK_QUERY, contender.ids, seconds, connections);
    const serverCpuMs = server.cpuMs() - cpuBefore;
    const after = await vendors.stats();
    return {
      load,
      serverCpuMs,
      emulatorCpuMs: cpuMs(after.cpu) - cpuMs(before.cpu),
      mostInFlight: after.vendors.daily.mostInFlight,
      routes: Object.entries(after.vendors.daily.counters)
        .map(([route, n]) => `${route} ${n}`)
        .join(', '),
    };
  } finally {
    await server.stop();
  }
}
