import 'reflect-metadata';
import { Socket } from 'node:net';
import { Agent, request } from 'undici';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import { PROVIDER_NAMES } from '../src/domain/provider-name';
import { encodeGlobalId, recordingGlobalId } from '../src/ids/global-id';
import { demoRecordings } from '../src/demo/demo-data';
import type { Fault } from '../src/sandbox/emulator';
import { startSandbox } from '../src/sandbox/start-sandbox';

const TIMELINE_PAGE =
  'query($after: String) { recordings(first: 25, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }';

/**
 * `npm run soak`: mixed queries against the sandbox for a fixed time while vendor faults
 * come and go; reports answers by error code, heap growth after GC, and sockets left open.
 * Loopback only; bounded in time; stops by itself.
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => process.memoryUsage().heapUsed / 1024 / 1024;
const openSockets = (): number =>
  (process as unknown as { _getActiveHandles(): unknown[] })
    ._getActiveHandles()
    // stdout and stderr are sockets too when piped.
    .filter((h) => h instanceof Socket && h !== process.stdout && h !== process.stderr && h !== process.stdin).length;

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc (npm run soak does)');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    VENDOR_HEADERS_TIMEOUT_MS: '1000',
    VENDOR_BODY_TIMEOUT_MS: '1000',
    VENDOR_BREAKER_COOLDOWN_MS: '2000',
  });
  const sandbox = await startSandbox({ latencyMs: 5, vendorHttp: config.vendorHttp });
  const app = await startApp({ ...config, sandbox: false, providers: sandbox.providers });
  const client = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 1_000 });
  const demo = demoRecordings();
  const all = PROVIDER_NAMES.flatMap((p) => demo[p]);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
  let timelineAfter: string | null = null;
  const queries: Array<() => { query: string; variables?: Record<string, unknown> }> = [
    () => ({
      query: 'query($id: ID!) { recording(id: $id) { id status accessLink { url expiresAt } } }',
      variables: { id: recordingGlobalId(pick(all)) },
    }),
    () => ({
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { session { name } accessLink { url } } } }',
      variables: { ids: Array.from({ length: 20 }, () => recordingGlobalId(pick(all))) },
    }),
    () => {
      const r = pick(all.filter((x) => x.sessionKey));
      return {
        query: 'query($id: ID!) { session(id: $id) { name recordings { id accessLink { url } } } }',
        variables: { id: encodeGlobalId('Session', r.provider, r.sessionKey!) },
      };
    },
    () => ({
      query: 'query($id: ID!) { recording(id: $id) { id } }',
      variables: { id: `gid://recording-graph/Recording/${pick(PROVIDER_NAMES)}/${Math.random().toString(36)}..` },
    }),
    () => ({
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { accessLink { url } } } }',
      variables: { ids: Array.from({ length: 201 }, () => recordingGlobalId(pick(all))) },
    }),
    // The timeline, walked page by page across the faults (the walk starts over at its end).
    () => ({ query: TIMELINE_PAGE, variables: { after: timelineAfter } }),
  ];
  const faults: Fault[] = [
    { kind: 'status', status: 429, retryAfter: '1', times: 3 },
    { kind: 'status', status: 503, times: 8 },
    { kind: 'stall', ms: 2_000, times: 2 },
    { kind: 'malformed', variant: 'truncated', times: 2 },
  ];

  const byCode = new Map<string, number>();
  const count = (code: string) => byCode.set(code, (byCode.get(code) ?? 0) + 1);
  const send = async () => {
    const res = await request(`${app.url}/graphql`, {
      method: 'POST',
      dispatcher: client,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(pick(queries)()),
    });
    const body = (await res.body.json()) as {
      data?: { recordings?: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const pageInfo = body.data?.recordings?.pageInfo;
    // endCursor is set after a page with a vendor error too: the walk resumes that vendor.
    if (pageInfo) timelineAfter = pageInfo.endCursor ?? null;
    if (!body.errors?.length) count('ok');
    for (const e of body.errors ?? []) count(e.extensions?.code ?? 'NO_CODE');
  };

  // Warm up, then measure the heap from a settled point.
  for (let i = 0; i < 50; i++) await send();
  // The emulators share this process: drop their request logs so only the server's heap is compared.
  const dropLogs = () => Object.values(sandbox.emulators).forEach((e) => e.resetCounters());
  dropLogs();
  gc();
  const heapBefore = heapMb();
  const end = Date.now() + SECONDS * 1000;
  const faultTimer = setInterval(() => sandbox.emulators[pick(PROVIDER_NAMES)].injectFault(pick(faults)), 1_000);
  let requests = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        await send().catch(() => count('CLIENT_ERROR'));
        requests += 1;
      }
    }),
  );
  clearInterval(faultTimer);
  for (const e of Object.values(sandbox.emulators)) e.clearFaults();
  await new Promise((r) => setTimeout(r, 3_000));
  dropLogs();
  gc();
  const heapAfter = heapMb();
  await client.close();
  await app.close();
  await sandbox.close();
  await new Promise((r) => setTimeout(r, 200));

  console.log(`Soak: ${SECONDS} s, ${CONCURRENCY} concurrent clients, ${requests} requests, faults injected every second`);
  console.log('Answers by code (a response can carry several errors):');
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${code.padEnd(24)} ${n}`);
  console.log(
    `Heap after GC: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after (${(heapAfter - heapBefore).toFixed(1)} MB growth)`,
  );
  console.log(`Open sockets after shutdown: ${openSockets()}`);
  if (byCode.has('NO_CODE') || byCode.has('INTERNAL_SERVER_ERROR') || openSockets() > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
