import { recordingGlobalId } from '../../../src/ids/global-id';
import { createBirdProvider } from '../../../src/providers/bird';
import { mapBirdRecording } from '../../../src/providers/bird/bird.mapper';
import type { ListFilter, ListPosition } from '../../../src/providers/recording-provider';
import { startBirdSandbox } from '../../../src/sandbox/bird/bird.emulator';
import {
  busiestSession,
  expectBulkWalk,
  expectedIds,
  expectExactWalks,
  expectPageSizeBounded,
  expectPositionRefused,
  listingFixture,
  walkListing,
} from '../../support/walk-listing';

type Sandbox = Awaited<ReturnType<typeof startBirdSandbox>>;
const create = (s: Sandbox) => createBirdProvider(s.config);
const map = (s: Sandbox) => s.data.recordings.map(mapBirdRecording);

describe('Bird listRecordings over HTTP against the Bird emulator', () => {
  const f = listingFixture(() => startBirdSandbox({ seed: 5, recordingsPerVendor: 300 }), create, map);

  it.each<[string, () => ListFilter]>([
    ['no filter', () => ({})],
    ['a date window with bounds on recordings', () => ({ startedAfter: f.at(200), startedBefore: f.at(60) })],
    ['a call', () => ({ sessionKey: busiestSession(f.all, 'call') })],
    ['a conference and statuses', () => ({ sessionKey: busiestSession(f.all, 'conference'), statuses: ['READY'] })],
    ['statuses', () => ({ statuses: ['PENDING', 'PROCESSING', 'UNKNOWN'] })],
  ])('yields exactly the matching recordings in timeline order, whatever the page size or resume point (%s)', (_name, filter) =>
    expectExactWalks(f.provider, f.all, filter()),
  );

  it('matches the documented absent and failed recordings with a FAILED filter', async () => {
    const walk = await walkListing(f.provider, { statuses: ['FAILED'] }, { limit: 10 });
    const failed = f.sandbox.data.recordings.filter((r) => r.status === 'absent' || r.status === 'failed');
    expect(failed.map((r) => r.status).sort()).toEqual(['absent', 'failed']);
    expect(walk.recordings.map((r) => r.nativeId).sort()).toEqual(failed.map((r) => r.id).sort());
  });

  it('pushes the source id, the dates (startAt a day early) and the limit down, and follows nextPageToken', async () => {
    const call = busiestSession(f.all, 'call');
    const startedAfter = new Date('2020-03-10T10:00:00.000Z');
    const startedBefore = new Date('2100-09-26T14:00:00.000Z');
    await walkListing(f.provider, { sessionKey: call, startedAfter, startedBefore }, { limit: 1 });
    const log = f.sandbox.emulator.log;
    expect(log[0].query).toEqual({
      sourceId: [call[1]],
      startAt: ['2020-03-09T10:00:00.000Z'],
      endAt: ['2100-09-26T14:00:00.000Z'],
      limit: ['1'],
    });
    expect(log.length).toBeGreaterThan(1);
    expect(log.slice(1).every((e) => e.query.pageToken?.[0] && e.query.sourceId?.[0] === call[1] && e.status === 200)).toBe(true);
  });

  it('re-fetches a page with its own limit on resume mid-page, and starts a fresh page with the limit asked now', async () => {
    const first = await f.provider.listRecordings({ filter: {}, limit: 10, after: null }, {});
    const mid = await f.provider.listRecordings({ filter: {}, limit: 40, after: first.items[3].position }, {});
    expect(mid.items.map((i) => i.recording)).toEqual(first.items.slice(4).map((i) => i.recording));
    const fresh = await f.provider.listRecordings({ filter: {}, limit: 40, after: first.next }, {});
    expect(fresh.items.map((i) => recordingGlobalId(i.recording))).toEqual(expectedIds(f.all, {}).slice(10, 50));
    expect(f.sandbox.emulator.log.map((e) => e.query.limit?.[0])).toEqual(['10', '10', '40']);
    expect(f.sandbox.emulator.log[1].query.pageToken).toBeUndefined();
  });

  it('keeps the limit within 1..99 whatever the limit asked', () => expectPageSizeBounded(f, 'limit', 99));

  it.each<[string, ListPosition]>([
    ['items consumed without the page limit', { pageToken: 'abc', taken: 3 }],
    ['more consumed than the page holds', { pageToken: 'abc', limit: 5, taken: 6 }],
    ['an oversized token', { pageToken: 'x'.repeat(8001), taken: 0 }],
    ['a numeric token', { pageToken: 7, taken: 0 }],
    ['a limit out of range', { pageToken: null, limit: 100, taken: 1 }],
    ["another adapter's shape", { startingAfter: 'abc' }],
  ])('refuses a malformed position (%s) before any call', (_name, after) => expectPositionRefused(f, after));
});

describe('Bird listRecordings over a bulk-seeded emulator', () => {
  it('pages through 10,000 generated recordings plus the demo ones, each once, in timeline order, one vendor call per full page', async () => {
    const walk = await expectBulkWalk(() => startBirdSandbox({ seed: 2, recordingsPerVendor: 10_000 }), create, map, {
      limit: 99,
      total: 10_024,
      maxVendorCallsPerStep: 1,
    });
    // Counted at the vendor, not in the walker.
    expect([walk.calls, walk.vendorCalls]).toEqual([Math.ceil(10_024 / 99), Math.ceil(10_024 / 99)]);
  });
});
