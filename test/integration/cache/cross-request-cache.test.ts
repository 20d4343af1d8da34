import type { RecordingData } from '../../../src/domain/model';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { gql } from '../../support/graphql-client';

const QUERY =
  'query ($id: ID!) { node(id: $id) { ... on Recording { id status accessLink(validForSecs: 600) { url expiresAt validForSecs } } } }';

/** Across requests, through the server, against the emulators (CACHE on). */
describe('the cross-request cache', () => {
  let s: SandboxApp;
  const daily = demoRecordings().daily;
  const ready = daily.find((r) => r.status === 'READY')!;
  const changing = daily.find((r) => r.status !== 'READY' && r.status !== 'FAILED' && r.status !== 'DELETED' && r.status !== 'UNKNOWN');

  beforeAll(async () => {
    s = await startSandboxApp({ CACHE: 'on', CACHE_CHANGING_TTL_SECS: '0' });
  });
  afterAll(() => s.close());
  beforeEach(() => s.resetCounters());

  const read = (rec: RecordingData, headers: Record<string, string> = {}) => gql(s.app.url, QUERY, { id: recordingGlobalId(rec) }, headers);

  it('serves a recording in a final state, and its link, from the cache on the next request', async () => {
    const first = await read(ready);
    expect(first.body.errors).toBeUndefined();
    const calls = s.vendorCalls();
    expect(calls).toBeGreaterThan(0);
    const second = await read(ready);
    expect(s.vendorCalls()).toBe(calls);
    const link = (second.body.data as { node: { accessLink: { url: string; expiresAt: string; validForSecs: number } } }).node.accessLink;
    expect(link.url).toBe((first.body.data as { node: { accessLink: { url: string } } }).node.accessLink.url);
    // The link's real remaining validity: at least what was asked, not far more.
    expect(link.validForSecs).toBeGreaterThanOrEqual(600);
    expect(link.validForSecs).toBeLessThanOrEqual(900);
    expect(Math.abs(Date.parse(link.expiresAt) - Date.now() - link.validForSecs * 1000)).toBeLessThan(2_000);
  });

  it('fetches a recording still changing again on every request (CACHE_CHANGING_TTL_SECS=0)', async () => {
    expect(changing).toBeDefined();
    await read(changing!);
    const calls = s.vendorCalls();
    await read(changing!);
    expect(s.vendorCalls()).toBeGreaterThan(calls);
  });

  it('reads nothing from the cache for a request with Cache-Control: no-cache', async () => {
    await read(ready);
    const calls = s.vendorCalls();
    await read(ready, { 'cache-control': 'no-cache' });
    expect(s.vendorCalls()).toBeGreaterThan(calls);
  });

  it('makes no link call for links it serves from the cache, prefetched or not (Daily and Bird)', async () => {
    // The link prefetch (src/graphql/load-recording.ts) starts a link call with the recording
    // load; it must look at the cache first, or every cached read is a vendor call anyway.
    // Asked 400 s: Bird presigns for a fixed 600 s (docs/vendors/bird.md), so its link can be reused.
    const read400 = (rec: RecordingData) => gql(s.app.url, QUERY.replace('600', '400'), { id: recordingGlobalId(rec) });
    const bird = demoRecordings().bird.find((r) => r.status === 'READY')!;
    const recs = [daily.filter((r) => r.status === 'READY')[2], bird];
    for (const rec of recs) expect((await read400(rec)).body.errors).toBeUndefined();
    const { daily: d, bird: b } = s.sandbox.emulators;
    const before = { daily: d.totalCalls(), bird: b.totalCalls() };
    for (let i = 0; i < 10; i += 1) {
      const answers = await Promise.all(recs.map((rec) => read400(rec)));
      expect(answers.every((a) => a.body.errors === undefined)).toBe(true);
    }
    // A prefetch is fired and forgotten: one last vendor round trip lets any straggler arrive.
    await read(daily.filter((r) => r.status === 'READY')[3]);
    expect(d.totalCalls()).toBe(before.daily + 2);
    expect(b.totalCalls()).toBe(before.bird);
  });

  it('makes one vendor call for 100 concurrent requests for one recording (single flight)', async () => {
    const other = daily.filter((r) => r.status === 'READY')[1];
    s.sandbox.emulators.daily.latencyMs = 100;
    try {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => gql(s.app.url, 'query ($id: ID!) { node(id: $id) { id } }', { id: recordingGlobalId(other) })),
      );
      expect(answers.every((a) => a.body.errors === undefined)).toBe(true);
      expect(s.sandbox.emulators.daily.counters.get('recordings.get')).toBe(1);
    } finally {
      s.sandbox.emulators.daily.latencyMs = 0;
    }
  });
  it('makes one link call for 50 concurrent requests for one recording with its link (prefetched, single flight)', async () => {
    const other = daily.filter((r) => r.status === 'READY')[4];
    const { daily: d } = s.sandbox.emulators;
    d.latencyMs = 100;
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => read(other)));
      expect(answers.every((a) => a.body.errors === undefined)).toBe(true);
      const urls = new Set(answers.map((a) => (a.body.data as { node: { accessLink: { url: string } } }).node.accessLink.url));
      expect(urls.size).toBe(1);
      expect(d.counters.get('recordings.get')).toBe(1);
      expect(d.counters.get('recordings.access-link')).toBe(1);
    } finally {
      d.latencyMs = 0;
    }
  });
});
