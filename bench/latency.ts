import { fork } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import type { RecordingData } from '../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../src/domain/provider-name';
import { recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import type { Emulator } from '../src/sandbox/emulator';
import { startSandbox, type Sandbox } from '../src/sandbox/start-sandbox';
import { createFloor, type Floor } from './floor';
import { loadTestSpread } from './lib/load';
import { mostInFlight } from './lib/in-flight';
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

/** The emulators, in a process of their own (bench/lib/emulators-process.ts) or in this one. */
interface MeshVendors {
  providers: Sandbox['providers'];
  reset(): Promise<void>;
  stats(): Promise<EmulatorStats>;
  close(): Promise<void>;
}

async function emulatorsInProcess(latencyMs: number, spread: number): Promise<MeshVendors> {
  const sandbox = await startSandbox({ latencyMs, recordingsPerVendor: spread });
  return {
    providers: sandbox.providers,
    reset: async () => Object.values(sandbox.emulators).forEach((e) => e.resetCounters()),
    stats: async () => ({
      // Shared with the server: reported as the server's.
      cpu: { user: 0, system: 0 },
      vendors: Object.fromEntries(
        PROVIDER_NAMES.map((p) => [
          p,
          { counters: Object.fromEntries(sandbox.emulators[p].counters), mostInFlight: mostInFlight(sandbox.emulators[p].log) },
        ]),
      ) as EmulatorStats['vendors'],
    }),
    close: () => sandbox.close(),
  };
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

/** Server-side time of each request to `port` (arrival to response finished), ms, from node:http's diagnostics channels. */
function serverTimes(port: number): { times: number[]; stop(): void } {
  const started = new WeakMap<object, number>();
  const times: number[] = [];
  const onStart = (message: unknown) => {
    const { server, response } = message as { server: Server; response: object };
    if ((server.address() as AddressInfo | null)?.port === port) started.set(response, performance.now());
  };
  const onFinish = (message: unknown) => {
    const at = started.get((message as { response: object }).response);
    if (at !== undefined) times.push(performance.now() - at);
  };
  diagnostics.subscribe('http.server.request.start', onStart);
  diagnostics.subscribe('http.server.response.finish', onFinish);
  return {
    times,
    stop: () => {
      diagnostics.unsubscribe('http.server.request.start', onStart);
      diagnostics.unsubscribe('http.server.response.finish', onFinish);
    },
  };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/**
 * The Mesh-shaped run (issue #16): a Daily recording with an 1800 s link under autocannon
 * (a process of its own), `connections` connections for `seconds`, each request another of
 * `spread` generated Daily recordings (no answer can be cached), at `latencyMs` per vendor
 * call, on a server of its own with the default settings, no cross-request cache and no rate
 * budget (the sandbox's adapter configs carry none). Run twice: the emulators in a process
 * of their own (as the issue's Mesh stubs were), then in the server's process (as before).
 * Reports requests/s, p50 against one round trip, where the time goes (the server's own
 * time per request from its HTTP diagnostics, the vendor's hold), each process's CPU, and
 * the most calls in flight per vendor against the configured bound.
 */
export async function meshShapedRun(latencyMs: number, seconds: number, connections: number, spread: number): Promise<string[]> {
  const lines = [
    `Mesh-shaped run: Daily \`recording(id) { status accessLink(validForSecs: 1800) { url } }\`, autocannon ${connections} connections x ${seconds} s (its own process), ${latencyMs} ms per vendor call, ids over the READY ones of ${spread} generated Daily recordings, CACHE=off, no rate budget.`,
  ];
  for (const where of ['own process', "server's process"] as const) {
    lines.push(...(await meshShapedOnce(where, latencyMs, seconds, connections, spread)));
  }
  return lines;
}

async function meshShapedOnce(
  where: 'own process' | "server's process",
  latencyMs: number,
  seconds: number,
  connections: number,
  spread: number,
): Promise<string[]> {
  const vendors = where === 'own process' ? await emulatorsOwnProcess(latencyMs, spread) : await emulatorsInProcess(latencyMs, spread);
  // No cross-request cache (each request must reach the vendor); the sandbox's adapter configs carry no rate rules.
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', CACHE: 'off' });
  const server = await startApp({ ...base, sandbox: false, providers: vendors.providers });
  const floor = createFloor(vendors.providers);
  try {
    const daily = demoRecordings(1, spread).daily.filter((r) => r.status === 'READY');
    const ids = daily.map(recordingGlobalId);
    // One round trip, measured directly against the same emulator.
    const oneTrip = await interleavedP50(20, { floor: () => floor.recordings([daily[0]], { session: false, link: false }) });
    // Warm-up, as in a running server (JIT, the vendor pools' connections): one pass of the
    // load at a tenth of the run, not measured.
    await loadTestSpread(`${server.url}/graphql`, LINK_QUERY, ids, Math.max(1, Math.round(seconds / 10)), connections);
    await vendors.reset();
    const before = await vendors.stats();
    const timing = serverTimes(Number(new URL(server.url).port));
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const cpuBefore = process.cpuUsage();
    const load = await loadTestSpread(`${server.url}/graphql`, LINK_QUERY, ids, seconds, connections);
    const serverCpu = cpuMs(process.cpuUsage(cpuBefore));
    loop.disable();
    timing.stop();
    const after = await vendors.stats();
    const [load1] = loadavg();
    const requests = load.requestsPerSec * seconds;
    const serverP50 = percentile(timing.times, 50);
    const bound = vendors.providers.daily.maxConcurrency;
    const rates = vendors.providers.daily.rateLimits.length === 0 ? 'none' : JSON.stringify(vendors.providers.daily.rateLimits);
    const routes = Object.entries(after.vendors.daily.counters)
      .map(([route, n]) => `${route} ${n}`)
      .join(', ');
    const emulatorCpu = where === 'own process' ? cpuMs(after.cpu) - cpuMs(before.cpu) : 0;
    const share = (ms: number) => `${((ms / (seconds * 1000)) * 100).toFixed(0)}% of a core`;
    return [
      `  Emulators ${where === 'own process' ? 'in a process of their own' : "in the server's process (the earlier setup)"}:`,
      `    ${load.requestsPerSec.toFixed(1)} req/s; p50 ${load.p50} ms, p97.5 ${load.p97_5} ms; one round trip ${oneTrip.floor.toFixed(1)} ms, p50 / round trip ${(load.p50 / oneTrip.floor).toFixed(2)}x; non-2xx ${load.non2xx}, errors ${load.errors}.`,
      `    Where the time goes, p50: ${serverP50.toFixed(1)} ms in the server (request in to response out; the vendor holds each call ${latencyMs} ms), ${(load.p50 - serverP50).toFixed(1)} ms outside it (autocannon and the loopback); server event-loop delay mean ${(loop.mean / 1e6).toFixed(2)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms.`,
      `    CPU per request: server ${(serverCpu / requests).toFixed(2)} ms${where === 'own process' ? `, emulators ${(emulatorCpu / requests).toFixed(2)} ms` : ' (emulators included)'}, autocannon ${(cpuMs(load.cpu) / requests).toFixed(2)} ms; busy: server ${share(serverCpu)}${where === 'own process' ? `, emulators ${share(emulatorCpu)}` : ''}, autocannon ${share(cpuMs(load.cpu))} (2 cores); machine load average ${load1.toFixed(1)} over the last minute.`,
      `    Daily calls: ${routes}; most in flight at once ${after.vendors.daily.mostInFlight} (bound DAILY_MAX_CONCURRENCY ${bound}); rate budget: ${rates}.`,
    ];
  } finally {
    await server.close();
    await floor.close();
    await vendors.close();
  }
}
