import 'reflect-metadata';
import { request } from 'undici';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import { recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import { startSandbox } from '../src/sandbox/start-sandbox';
import { startBareApollo } from './bare-apollo';
import { createFloor } from './floor';
import { ONE_QUERY } from './lib/queries';
import { percentile } from './lib/stats';

/**
 * `npm run bench:overhead`: where scenario 1's time goes, for the server, a bare Apollo
 * Server (bench/bare-apollo.ts) and the floor, at a given vendor latency
 * (BENCH_LATENCY_MS, default 50). From the emulator's log of the one vendor
 * call, each run splits into the time before the call reached the vendor and the time after
 * the vendor answered; the p50 of each part shows whether a gap over the floor is a delay in
 * one place or the same CPU path running slower.
 *
 * BENCH_GAP_MS (default 0) spends that long before each run away from this code, idle
 * (BENCH_GAP=idle, a timer) or busy (BENCH_GAP=busy, a loop): with BENCH_LATENCY_MS=0 it
 * shows whether what slows the path down is the vendor's wait or any time spent elsewhere.
 */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 0);
const GAP_BUSY = process.env.BENCH_GAP === 'busy';

async function gap(): Promise<void> {
  if (GAP_MS <= 0) return;
  if (!GAP_BUSY) return new Promise((resolve) => setTimeout(resolve, GAP_MS));
  const end = performance.now() + GAP_MS;
  while (performance.now() < end);
}
const RUNS = 200;
const WARMUP = 20;

async function main(): Promise<void> {
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
  const app = await startApp({
    ...loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', CACHE: 'off' }),
    sandbox: false,
    providers: sandbox.providers,
  });
  const bare = await startBareApollo(sandbox.providers.daily);
  const floor = createFloor(sandbox.providers);
  const one = demoRecordings().daily[1];
  const body = JSON.stringify({ query: ONE_QUERY, variables: { id: recordingGlobalId(one) } });
  const log = sandbox.emulators.daily.log;
  const bareBody = JSON.stringify({ query: ONE_QUERY, variables: { id: one.nativeId } });
  const parts = {
    server: { total: [] as number[], before: [] as number[], after: [] as number[] },
    bare: { total: [] as number[], before: [] as number[], after: [] as number[] },
    floor: { total: [] as number[], before: [] as number[], after: [] as number[] },
  };
  const postTo = async (url: string, payload: string) =>
    (await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload })).body.json();
  const measure = async (into: (typeof parts)['server'], run: () => Promise<unknown>, keep: boolean) => {
    await gap();
    log.length = 0;
    const t0 = performance.now();
    await run();
    const t1 = performance.now();
    if (!keep) return;
    into.total.push(t1 - t0);
    into.before.push(log[0].receivedAt - t0);
    into.after.push(t1 - log[0].answeredAt);
  };
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      await measure(parts.server, () => postTo(app.url, body), i >= WARMUP);
      await measure(parts.bare, () => postTo(bare.url, bareBody), i >= WARMUP);
      await measure(parts.floor, () => floor.recordings([one], { session: false, link: false }), i >= WARMUP);
    }
  } finally {
    await app.close();
    await bare.close();
    await floor.close();
    await sandbox.close();
  }
  const p50 = (xs: number[]) => percentile(xs, 50).toFixed(2);
  const gapNote = GAP_MS > 0 ? `, ${GAP_MS} ms ${GAP_BUSY ? 'busy' : 'idle'} before each run` : '';
  console.log(
    `Scenario 1 at ${LATENCY_MS} ms vendor latency${gapNote}, p50 of ${RUNS} runs (ms): total / before the vendor call / after its answer`,
  );
  for (const [name, p] of Object.entries(parts)) console.log(`  ${name.padEnd(6)} ${p50(p.total)} / ${p50(p.before)} / ${p50(p.after)}`);
  // Issue #16's own-overhead row (its target, 1.25x, is for BENCH_LATENCY_MS=0).
  const ratio = percentile(parts.server.total, 50) / percentile(parts.bare.total, 50);
  console.log(`  server / bare Apollo Server, p50 of the total: ${ratio.toFixed(2)}x (issue #16's target at 0 ms vendor latency: 1.25x)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
