import { demoRecordings } from '../../../src/demo/demo-data';
import { ErrorCode } from '../../../src/errors/error-codes';
import { recordingGlobalId } from '../../../src/ids/global-id';
import type { RequestLogEntry } from '../../../src/sandbox/emulator';
import { gql } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

const query = (secs: number) => `query ($id: ID!) { recording(id: $id) { status accessLink(validForSecs: ${secs}) { validForSecs } } }`;
const overlapped = (a: RequestLogEntry, b: RequestLogEntry) => Math.max(a.receivedAt, b.receivedAt) < Math.min(a.answeredAt, b.answeredAt);

/**
 * Daily with DAILY_RECORDINGS_BUCKET and the cross-request cache on: the cache asks for links
 * 1.5 times longer than the client, and the prefetched call (docs/performance.md, "Prefetched
 * links") must follow the same customer-bucket rule as the link itself (docs/vendors/daily.md).
 */
describe('Daily links in a customer bucket, through the cross-request cache', () => {
  let s: SandboxApp;
  const ready = demoRecordings().daily.filter((r) => r.status === 'READY');

  beforeAll(async () => {
    s = await startSandboxApp(
      { CACHE: 'on' },
      { providers: (emulated) => ({ ...emulated, daily: { ...emulated.daily, recordingsBucket: { name: 'acme-recordings' } } }) },
    );
  });
  afterAll(() => s.close());
  beforeEach(() => s.resetCounters());
  afterEach(() => {
    s.sandbox.emulators.daily.latencyMs = 0;
  });

  it('refuses a validity under 900 s before any call: the prefetch does not ask Daily for it either', async () => {
    const daily = s.sandbox.emulators.daily;
    // A prefetched link call would arrive while the recording's own call waits.
    daily.latencyMs = 100;
    const res = await gql(s.app.url, query(700), { id: recordingGlobalId(ready[3]) });
    expect(res.body.errors?.map((e) => ({ path: e.path, code: e.extensions?.code }))).toEqual([
      { path: ['recording', 'accessLink'], code: ErrorCode.BAD_USER_INPUT },
    ]);
    expect(Object.fromEntries(daily.counters)).toEqual({ 'recordings.get': 1 });
  });

  it("prefetches a validity above 28,800 s (the cache asks for more than 43,200 s) and grants Daily's 43,200 s", async () => {
    const daily = s.sandbox.emulators.daily;
    daily.latencyMs = 100;
    const res = await gql(s.app.url, query(40_000), { id: recordingGlobalId(ready[4]) });
    expect(res.body.errors).toBeUndefined();
    const link = (res.body.data?.recording as { accessLink: { validForSecs: number } }).accessLink;
    expect(link.validForSecs).toBeGreaterThanOrEqual(40_000);
    expect(link.validForSecs).toBeLessThanOrEqual(43_200);
    // One link call, started with the recording's own: both arrive before either is answered.
    expect(daily.log.map((l) => l.route).sort()).toEqual(['recordings.access-link', 'recordings.get']);
    expect(daily.log.find((l) => l.route === 'recordings.access-link')?.query.valid_for_secs).toEqual(['43200']);
    expect(overlapped(daily.log[0], daily.log[1])).toBe(true);
  });
});
