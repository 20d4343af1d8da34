import { recordingGlobalId } from '../../../src/ids/global-id';
import { createDailyProvider } from '../../../src/providers/daily';
import { mapDailyRecording } from '../../../src/providers/daily/daily.mapper';
import type { ListFilter, ListPosition } from '../../../src/providers/recording-provider';
import { startDailySandbox } from '../../../src/sandbox/daily/daily.emulator';
import { startEmulator } from '../../../src/sandbox/emulator';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
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

type Sandbox = Awaited<ReturnType<typeof startDailySandbox>>;
const create = (s: Sandbox) => createDailyProvider(s.config);
const map = (s: Sandbox) => s.data.recordings.map(mapDailyRecording);

describe('Daily listRecordings over HTTP against the Daily emulator', () => {
  const f = listingFixture(() => startDailySandbox({ seed: 5, recordingsPerVendor: 300 }), create, map);

  it.each<[string, () => ListFilter]>([
    ['no filter', () => ({})],
    ['a date window with bounds on recordings', () => ({ startedAfter: f.at(200), startedBefore: f.at(60) })],
    ['a meeting session', () => ({ sessionKey: busiestSession(f.all) })],
    ['statuses', () => ({ statuses: ['FAILED', 'RECORDING'] })],
  ])('yields exactly the matching recordings in timeline order, whatever the page size or resume point (%s)', (_name, filter) =>
    expectExactWalks(f.provider, f.all, filter()),
  );

  it('pushes the room down, asks for the page size wanted, and resumes after the last id handed out', async () => {
    const key = busiestSession(f.all);
    await walkListing(f.provider, { sessionKey: key }, { limit: 2, take: 1 });
    const log = f.sandbox.emulator.log.filter((e) => e.route === 'recordings.list');
    expect(log.length).toBeGreaterThan(1);
    expect(log.every((e) => e.query.room_name?.[0] === key[0] && e.query.limit?.[0] === '2' && e.status === 200)).toBe(true);
    expect(log[0].query.starting_after).toBeUndefined();
    expect(log[1].query.starting_after?.[0]).toEqual(expect.any(String));
  });

  it('ends the listing at the first recording older than startedAfter, without walking further', async () => {
    const filter = { startedAfter: f.at(30) };
    const page = await f.provider.listRecordings({ filter, limit: 100, after: null }, {});
    expect(page.next).toBeNull();
    expect(page.items.map((i) => recordingGlobalId(i.recording))).toEqual(expectedIds(f.all, filter));
    expect(page.items.length).toBeGreaterThanOrEqual(31);
    expect(f.sandbox.emulator.counters.get('recordings.list')).toBe(1);
  });

  it('keeps the page size within 1..100 whatever the limit asked', () => expectPageSizeBounded(f, 'limit', 100));

  it.each<[string, ListPosition]>([
    ['a dot segment id', { startingAfter: '../x' }],
    ["another adapter's shape", { page: '/x', taken: 0 }],
    ['a number', { startingAfter: 5 }],
    ['an extra field', { startingAfter: 'abc', more: 1 }],
  ])('refuses a malformed position (%s) before any call', (_name, after) => expectPositionRefused(f, after));
});

describe('Daily listRecordings over recordings whose ids are outside the documented pattern', () => {
  it('hands out positions after them that it accepts back: the timeline pages past them', async () => {
    const odd = ['rec.with.dots', 'rec with space+plus', 'rec~tilde'];
    const emulator = await startEmulator({
      vendor: 'daily',
      authorize: () => null,
      notFound: () => ({ status: 404, body: {} }),
      routes: [
        {
          name: 'recordings.list',
          method: 'GET',
          pattern: /^\/v1\/recordings$/,
          handle: (req) => {
            const after = req.query.get('starting_after');
            const from = after === null ? 0 : odd.indexOf(after) + 1;
            const data = odd.slice(from, from + 1).map((id, i) => ({
              id,
              room_name: 'room',
              start_ts: 1_700_000_000 - from - i,
              status: 'finished',
              duration: 60,
              mtgSessionId: '257764e6-c74e-4c30-944a-a887a03173a3',
              tracks: [],
            }));
            return { status: 200, body: { total_count: odd.length, data } };
          },
        },
      ],
    });
    const provider = createDailyProvider({ ...sandboxCommon('daily', `${emulator.url}/v1`), apiKey: 'k' });
    try {
      const seen: string[] = [];
      let after: ListPosition | null = null;
      for (let step = 0; step < 5; step++) {
        const page = await provider.listRecordings({ filter: {}, limit: 1, after }, {});
        seen.push(...page.items.map((i) => i.recording.nativeId));
        if (page.next === null) break;
        after = provider.parseListPosition(page.next, {});
      }
      expect(seen).toEqual(odd);
    } finally {
      await provider.close();
      await emulator.close();
    }
  });
});

describe('Daily listRecordings over a bulk-seeded emulator', () => {
  it('pages through 10,000 generated recordings plus the demo ones, each once, in timeline order, one vendor call per full page', async () => {
    const walk = await expectBulkWalk(() => startDailySandbox({ seed: 2, recordingsPerVendor: 10_000 }), create, map, {
      limit: 100,
      total: 10_024,
      maxVendorCallsPerStep: 1,
    });
    // Counted at the vendor, not in the walker.
    expect([walk.calls, walk.vendorCalls]).toEqual([Math.ceil(10_024 / 100), Math.ceil(10_024 / 100)]);
  });
});
