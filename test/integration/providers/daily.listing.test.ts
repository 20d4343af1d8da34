import type { RecordingData } from '../../../src/domain/model';
import { ErrorCode } from '../../../src/errors/error-codes';
import { recordingGlobalId } from '../../../src/loaders/create-loaders';
import { createDailyProvider } from '../../../src/providers/daily';
import { mapDailyRecording } from '../../../src/providers/daily/daily.mapper';
import type { ListFilter, ListPosition, RecordingProvider } from '../../../src/providers/recording-provider';
import { compareTimeline, timelineTime } from '../../../src/providers/shared/timeline';
import { startDailySandbox } from '../../../src/sandbox/daily/daily.emulator';
import { expectedIds, walkListing } from '../../support/walk-listing';

type Sandbox = Awaited<ReturnType<typeof startDailySandbox>>;

describe('Daily listRecordings over HTTP against the Daily emulator', () => {
  let sandbox: Sandbox;
  let provider: RecordingProvider;
  let all: RecordingData[];
  let sorted: RecordingData[];

  beforeAll(async () => {
    sandbox = await startDailySandbox({ seed: 5, recordingsPerVendor: 300 });
    provider = createDailyProvider(sandbox.config);
    all = sandbox.data.recordings.map(mapDailyRecording);
    sorted = [...all].sort(compareTimeline);
  });
  afterAll(async () => {
    await provider.close();
    await sandbox.emulator.close();
  });
  beforeEach(() => sandbox.emulator.resetCounters());

  const at = (i: number) => new Date(timelineTime(sorted[i])!);
  /** The session with the most recordings. */
  const busySession = () => {
    const counts = new Map<string, { key: readonly string[]; n: number }>();
    for (const r of all) if (r.sessionKey) counts.set(r.sessionKey.join('/'), { key: r.sessionKey, n: (counts.get(r.sessionKey.join('/'))?.n ?? 0) + 1 });
    return [...counts.values()].sort((a, b) => b.n - a.n)[0].key;
  };
  const filters: Array<[string, () => ListFilter]> = [
    ['no filter', () => ({})],
    ['a date window with bounds on recordings', () => ({ startedAfter: at(200), startedBefore: at(60) })],
    ['a meeting session', () => ({ sessionKey: busySession() })],
    ['a status', () => ({ statuses: ['FAILED', 'RECORDING'] })],
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

  it('pushes the room down, asks for the page size wanted, and resumes after the last id handed out', async () => {
    const key = busySession();
    await walkListing(provider, { sessionKey: key }, { limit: 2, take: 1 });
    const log = sandbox.emulator.log.filter((e) => e.route === 'recordings.list');
    expect(log.length).toBeGreaterThan(1);
    expect(log.every((e) => e.query.room_name?.[0] === key[0] && e.query.limit?.[0] === '2' && e.status === 200)).toBe(true);
    expect(log[0].query.starting_after).toBeUndefined();
    expect(log[1].query.starting_after?.[0]).toEqual(expect.any(String));
  });

  it('ends the listing at the first recording older than startedAfter, without walking further', async () => {
    const filter = { startedAfter: at(30) };
    const page = await provider.listRecordings({ filter, limit: 100, after: null }, {});
    expect(page.next).toBeNull();
    expect(page.items.map((i) => recordingGlobalId(i.recording))).toEqual(expectedIds(all, filter));
    expect(page.items.length).toBeGreaterThanOrEqual(31);
    expect(sandbox.emulator.counters.get('recordings.list')).toBe(1);
    // The last item's position says "nothing more": resuming there costs no call.
    const rest = await provider.listRecordings({ filter, limit: 100, after: page.items.at(-1)!.position }, {});
    expect(rest).toEqual({ items: [], next: null });
    expect(sandbox.emulator.counters.get('recordings.list')).toBe(1);
  });

  it('keeps the page size within 1..100 whatever the limit asked', async () => {
    await provider.listRecordings({ filter: {}, limit: 0, after: null }, {});
    await provider.listRecordings({ filter: {}, limit: 10_000, after: null }, {});
    expect(sandbox.emulator.log.map((e) => [e.query.limit?.[0], e.status])).toEqual([
      ['1', 200],
      ['100', 200],
    ]);
  });

  it.each<[string, ListPosition]>([
    ['a dot segment id', { startingAfter: '../x' }],
    ['another adapter\'s shape', { page: '/x', taken: 0 }],
    ['a number', { startingAfter: 5 }],
    ['an extra field', { startingAfter: 'abc', more: 1 }],
  ])('refuses a malformed position (%s) before any call', async (_name, after) => {
    await expect(provider.listRecordings({ filter: {}, limit: 5, after }, {})).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'daily' });
    expect(sandbox.emulator.totalCalls()).toBe(0);
  });
});

describe('Daily listRecordings over a bulk-seeded emulator', () => {
  it('pages through 10,000 generated recordings plus the demo ones, each once, in timeline order', async () => {
    const sandbox = await startDailySandbox({ seed: 2, recordingsPerVendor: 10_000 });
    const provider = createDailyProvider(sandbox.config);
    try {
      const all = sandbox.data.recordings.map(mapDailyRecording);
      expect(all).toHaveLength(10_024);
      const { ids, calls } = await walkListing(provider, {}, { limit: 100 });
      expect(ids).toEqual(expectedIds(all, {}));
      expect(calls).toBe(101);
    } finally {
      await provider.close();
      await sandbox.emulator.close();
    }
  });
});
