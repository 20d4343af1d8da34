import { loadavg } from 'node:os';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import type { RecordingData } from '../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../src/domain/provider-name';
import { recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import type { Emulator, RequestLogEntry } from '../src/sandbox/emulator';
import { startSandbox, type Sandbox } from '../src/sandbox/start-sandbox';
import { createFloor, type Floor } from './floor';
import { loadTestSpread } from './lib/load';
import { interleavedP50 } from './lib/stats';

/** Issue #16's queries: a recording with an 1800 s link, and with what its body says of its session. */
export const LINK_QUERY = `query Link($id: ID!) { recording(id: $id) { status accessLink(validForSecs: 1800) { url } } }`;
export const SESSION_ID_QUERY = `query SessionId($id: ID!) { recording(id: $id) { id session { id nativeId provider kind } } }`;
const BARE_QUERY = `query Bare($id: ID!) { recording(id: $id) { id } }`;

type Post = (query: string, variables: Record<string, unknown>) => Promise<void>;

/** Most calls of `log` in flight at one moment, from the emulator's own arrival and answer times. */
export function mostInFlight(log: readonly RequestLogEntry[]): number {
  const events = log.flatMap((e) => [
    { at: e.receivedAt, delta: 1 },
    { at: e.answeredAt, delta: -1 },
  ]);
  // At the same instant an answer goes before an arrival: a socket freed and reused is not two in flight.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let most = 0;
  for (const e of events) most = Math.max(most, (now += e.delta));
  return most;
}

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

/**
 * The Mesh-shaped run (issue #16): a Daily recording with an 1800 s link under autocannon,
 * `connections` connections for `seconds`, each request another of `spread` generated Daily
 * recordings (no answer can be cached), at `latencyMs` per vendor call, on a server of its
 * own with the default settings. Reports requests/s, p50 against one round trip, and the
 * most calls in flight per vendor against the configured bound.
 */
export async function meshShapedRun(latencyMs: number, seconds: number, connections: number, spread: number): Promise<string[]> {
  const sandbox = await startSandbox({ latencyMs, recordingsPerVendor: spread });
  // No cross-request cache (each request must reach the vendor) and, the sandbox's default, no rate budgets.
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', CACHE: 'off' });
  const server = await startApp({ ...base, sandbox: false, providers: sandbox.providers });
  const floor = createFloor(sandbox.providers);
  try {
    const daily = demoRecordings(1, spread).daily.filter((r) => r.status === 'READY');
    const ids = daily.map(recordingGlobalId);
    // One round trip, measured directly against the same emulator.
    const oneTrip = await interleavedP50(20, { floor: () => floor.recordings([daily[0]], { session: false, link: false }) });
    for (const e of Object.values(sandbox.emulators)) e.resetCounters();
    const cpuBefore = process.cpuUsage();
    const load = await loadTestSpread(`${server.url}/graphql`, LINK_QUERY, ids, seconds, connections);
    const cpu = process.cpuUsage(cpuBefore);
    // CPU of this process (server and emulators, not autocannon) per request: what one free core could serve.
    const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / (load.requestsPerSec * seconds);
    const [load1] = loadavg();
    const log = sandbox.emulators.daily.log;
    const bound = sandbox.providers.daily.maxConcurrency;
    const routes = [...sandbox.emulators.daily.counters].map(([route, n]) => `${route} ${n}`).join(', ');
    return [
      `Mesh-shaped run: Daily \`recording(id) { status accessLink(validForSecs: 1800) { url } }\`, autocannon ${connections} connections x ${seconds} s, ${latencyMs} ms per vendor call, ids over ${ids.length} Daily recordings, default settings (no caching).`,
      `  ${load.requestsPerSec.toFixed(1)} req/s; p50 ${load.p50} ms, p97.5 ${load.p97_5} ms; one round trip ${oneTrip.floor.toFixed(1)} ms, p50 / round trip ${(load.p50 / oneTrip.floor).toFixed(2)}x; non-2xx ${load.non2xx}, errors ${load.errors}.`,
      `  Daily calls: ${routes}; most in flight at once ${mostInFlight(log)} (bound DAILY_MAX_CONCURRENCY ${bound}).`,
      `  CPU of the server and emulators: ${cpuMsPerRequest.toFixed(2)} ms per request (${(1000 / cpuMsPerRequest).toFixed(0)} requests/s on one free core); machine load average ${load1.toFixed(1)} over the last minute.`,
    ];
  } finally {
    await server.close();
    await floor.close();
    await sandbox.close();
  }
}
