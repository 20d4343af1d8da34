import type { RecordingData } from '../../../src/domain/model';
import { ErrorCode } from '../../../src/errors/error-codes';
import { recordingGlobalId } from '../../../src/loaders/create-loaders';
import { createBirdProvider } from '../../../src/providers/bird';
import { mapBirdRecording } from '../../../src/providers/bird/bird.mapper';
import type { ListFilter, ListPosition, RecordingProvider } from '../../../src/providers/recording-provider';
import { compareTimeline, timelineTime } from '../../../src/providers/shared/timeline';
import { startBirdSandbox } from '../../../src/sandbox/bird/bird.emulator';
import { expectedIds, walkListing } from '../../support/walk-listing';

type Sandbox = Awaited<ReturnType<typeof startBirdSandbox>>;

describe('Bird listRecordings over HTTP against the Bird emulator', () => {
  let sandbox: Sandbox;
  let provider: RecordingProvider;
  let all: RecordingData[];
  let sorted: RecordingData[];

  beforeAll(async () => {
    sandbox = await startBirdSandbox({ seed: 5, recordingsPerVendor: 300 });
    provider = createBirdProvider(sandbox.config);
    all = sandbox.data.recordings.map(mapBirdRecording);
    sorted = [...all].sort(compareTimeline);
  });
  afterAll(async () => {
    await provider.close();
    await sandbox.emulator.close();
  });
  beforeEach(() => sandbox.emulator.resetCounters());

  const at = (i: number) => new Date(timelineTime(sorted[i])!);
  const sessionOf = (kind: string) => {
    const counts = new Map<string, { key: readonly string[]; n: number }>();
    for (const r of all) if (r.sessionKey?.[0] === kind) counts.set(r.sessionKey[1], { key: r.sessionKey, n: (counts.get(r.sessionKey[1])?.n ?? 0) + 1 });
    return [...counts.values()].sort((a, b) => b.n - a.n)[0].key;
  };

  const filters: Array<[string, () => ListFilter]> = [
    ['no filter', () => ({})],
    ['a date window with bounds on recordings', () => ({ startedAfter: at(200), startedBefore: at(60) })],
    ['a call', () => ({ sessionKey: sessionOf('call') })],
    ['a conference and statuses', () => ({ sessionKey: sessionOf('conference'), statuses: ['READY'] })],
    ['statuses', () => ({ statuses: ['PENDING', 'PROCESSING', 'UNKNOWN'] })],
  ];

  it.each(filters)('yields exactly the matching recordings in timeline order, whatever the page size or resume point (%s)', async (_name, filter) => {
    const f = filter();
    const expected = expectedIds(all, f);
    expect(expected.length).toBeGreaterThan(0);
    for (const opts of [{ limit: 3, take: 2 }, { limit: 7 }, { limit: 50, take: 20 }, { limit: 5000 }]) {
      const { ids } = await walkListing(provider, f, opts);
      expect(ids).toEqual(expected);
    }
  });

  it('pushes the source id, the dates (startAt a day early) and the limit down, and follows nextPageToken', async () => {
    const call = sessionOf('call');
    const startedAfter = new Date('2020-03-10T10:00:00.000Z');
    const startedBefore = new Date('2100-09-26T14:00:00.000Z');
    await walkListing(provider, { sessionKey: call, startedAfter, startedBefore }, { limit: 1 });
    const log = sandbox.emulator.log;
    expect(log[0].query).toEqual({ sourceId: [call[1]], startAt: ['2020-03-09T10:00:00.000Z'], endAt: ['2100-09-26T14:00:00.000Z'], limit: ['1'] });
    expect(log.length).toBeGreaterThan(1);
    expect(log.slice(1).every((e) => e.query.pageToken?.[0] && e.query.sourceId?.[0] === call[1] && e.status === 200)).toBe(true);
  });

  it('re-fetches a page with its own limit on resume mid-page, and starts a fresh page with the limit asked now', async () => {
    const first = await provider.listRecordings({ filter: {}, limit: 10, after: null }, {});
    const mid = await provider.listRecordings({ filter: {}, limit: 40, after: first.items[3].position }, {});
    expect(mid.items.map((i) => i.recording)).toEqual(first.items.slice(4).map((i) => i.recording));
    const fresh = await provider.listRecordings({ filter: {}, limit: 40, after: first.next }, {});
    expect(fresh.items.map((i) => recordingGlobalId(i.recording))).toEqual(expectedIds(all, {}).slice(10, 50));
    expect(sandbox.emulator.log.map((e) => e.query.limit?.[0])).toEqual(['10', '10', '40']);
    expect(sandbox.emulator.log[1].query.pageToken).toBeUndefined();
  });

  it('keeps the limit within 1..99 whatever the limit asked', async () => {
    await provider.listRecordings({ filter: {}, limit: 0, after: null }, {});
    await provider.listRecordings({ filter: {}, limit: 10_000, after: null }, {});
    expect(sandbox.emulator.log.map((e) => [e.query.limit?.[0], e.status])).toEqual([
      ['1', 200],
      ['99', 200],
    ]);
  });

  it('resumes after the last recording of all without a call', async () => {
    const page = await provider.listRecordings({ filter: { startedBefore: at(all.length - 3) }, limit: 99, after: null }, {});
    const calls = sandbox.emulator.totalCalls();
    expect(page.next).toBeNull();
    const rest = await provider.listRecordings({ filter: { startedBefore: at(all.length - 3) }, limit: 99, after: page.items.at(-1)!.position }, {});
    expect(rest).toEqual({ items: [], next: null });
    expect(sandbox.emulator.totalCalls()).toBe(calls);
  });

  it.each<[string, ListPosition]>([
    ['items consumed without the page limit', { pageToken: 'abc', taken: 3 }],
    ['more consumed than the page holds', { pageToken: 'abc', limit: 5, taken: 6 }],
    ['an oversized token', { pageToken: 'x'.repeat(8001), taken: 0 }],
    ['a numeric token', { pageToken: 7, taken: 0 }],
    ['a limit out of range', { pageToken: null, limit: 100, taken: 1 }],
    ['another adapter\'s shape', { startingAfter: 'abc' }],
  ])('refuses a malformed position (%s) before any call', async (_name, after) => {
    await expect(provider.listRecordings({ filter: {}, limit: 5, after }, {})).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'bird' });
    expect(sandbox.emulator.totalCalls()).toBe(0);
  });
});

describe('Bird listRecordings over a bulk-seeded emulator', () => {
  it('pages through 10,000 generated recordings plus the demo ones, each once, in timeline order', async () => {
    const sandbox = await startBirdSandbox({ seed: 2, recordingsPerVendor: 10_000 });
    const provider = createBirdProvider(sandbox.config);
    try {
      const all = sandbox.data.recordings.map(mapBirdRecording);
      expect(all).toHaveLength(10_024);
      const { ids, calls } = await walkListing(provider, {}, { limit: 99 });
      expect(ids).toEqual(expectedIds(all, {}));
      expect(calls).toBe(Math.ceil(10_024 / 99));
    } finally {
      await provider.close();
      await sandbox.emulator.close();
    }
  });
});
