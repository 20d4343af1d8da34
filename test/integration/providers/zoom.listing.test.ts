import { request } from 'undici';
import type { RecordingData } from '../../../src/domain/model';
import type { ListFilter, ListPosition, RecordingProvider } from '../../../src/providers/recording-provider';
import { createZoomProvider } from '../../../src/providers/zoom';
import { signZoomJwt } from '../../../src/providers/zoom/zoom.jwt';
import { ZOOM_LIST_LOOKBACK_MONTHS } from '../../../src/providers/zoom/zoom.listing';
import { mapZoomSession } from '../../../src/providers/zoom/zoom.mapper';
import { demoRecordings } from '../../../src/demo/demo-data';
import type { RequestLogEntry } from '../../../src/sandbox/emulator';
import { SANDBOX_EPOCH } from '../../../src/sandbox/seed-random';
import { startZoomSandbox, ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET } from '../../../src/sandbox/zoom/zoom.emulator';
import { seedZoom, type ZoomDataset } from '../../../src/sandbox/zoom/zoom.seed';
import {
  expectBulkWalk,
  expectedIds,
  expectPositionRefused,
  globalIds,
  listingFixture,
  midPageEveryThird,
  WALK_CASES,
  walkListing,
} from '../../support/walk-listing';

const DAY_MS = 86_400_000;
const SEED = 3;
const BULK = 400;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** 00:00 UTC of the same day ZOOM_LIST_LOOKBACK_MONTHS months ago (a shorter month's last day if need be). */
function lookbackStart(nowMs: number): number {
  const d = new Date(nowMs);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth() - ZOOM_LIST_LOOKBACK_MONTHS];
  return Date.UTC(y, m, Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate()));
}

/** The list calls' ranges, each checked against Zoom's one-month rule. */
function listRanges(log: readonly RequestLogEntry[]): Array<{ from: string; to: string }> {
  const ranges = log
    .filter((e) => e.route === 'recordings.list')
    .map((e) => ({ from: e.query.from?.[0] ?? '', to: e.query.to?.[0] ?? '' }));
  for (const { from, to } of ranges) {
    const monthLater = new Date(dayMs(from));
    monthLater.setUTCMonth(monthLater.getUTCMonth() + 1);
    expect(dayMs(to)).toBeGreaterThanOrEqual(dayMs(from));
    expect(dayMs(to)).toBeLessThan(monthLater.getTime());
  }
  return ranges;
}

/** Mapped files of a dataset as the normal list and the session call show them (no trash). */
const mapped = (d: ZoomDataset): RecordingData[] =>
  d.sessions.flatMap((s) => mapZoomSession({ ...s, recording_files: s.recording_files?.filter((f) => !f.deleted_time) }).recordings);

/** A copy of a demo session moved to `startMs`, with new ids so it is its own session. */
function movedSession(d: ZoomDataset, index: number, startMs: number, tag: string) {
  const s = d.sessions[index];
  const shift = (t: string | null | undefined) => (t ? iso(Date.parse(t) - Date.parse(s.start_time!) + startMs) : undefined);
  const files = (list: typeof s.recording_files) =>
    (list ?? []).map((f, i) => ({
      ...f,
      id: f.id ? `${tag}-${i}-${f.id.slice(0, 8)}` : f.id,
      recording_start: shift(f.recording_start),
      recording_end: shift(f.recording_end),
      deleted_time: null,
    }));
  return {
    ...s,
    session_id: `${tag}AAAAAAAAAAAAAAAAAA==`,
    start_time: iso(startMs),
    recording_files: files(s.recording_files),
    participant_audio_files: files(s.participant_audio_files),
    participant_video_files: files(s.participant_video_files),
  };
}

type Sandbox = Awaited<ReturnType<typeof startZoomSandbox>>;
const create = (s: Sandbox) => createZoomProvider(s.config);
const map = (s: Sandbox) => mapped(s.data);

describe('Zoom listRecordings over HTTP against the Zoom emulator', () => {
  const f = listingFixture(() => startZoomSandbox({ seed: SEED, recordingsPerVendor: BULK }), create, map);
  beforeEach(() => {
    f.sandbox.clock.skewMs = 0;
  });

  const apiGet = async (query: string) => {
    const token = signZoomJwt(ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET, Date.now(), 600);
    const res = await request(`${f.sandbox.emulator.url}/v2/videosdk/recordings?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
  };

  it('seeds the bulk on top of the unchanged demo data, as demoRecordings names it', () => {
    expect(f.all.length).toBe(36 + BULK);
    expect(globalIds(demoRecordings(SEED, BULK).zoom).sort()).toEqual(globalIds(f.all).sort());
    expect(seedZoom(SEED).sessions).toEqual(f.sandbox.data.sessions.slice(0, 6));
    const months = new Set(f.sandbox.data.sessions.map((s) => s.start_time!.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(6);
  });

  it.each(WALK_CASES)('walks every recording once in timeline order, limit %i, %s', async (limit, _what, take) => {
    const walk = await walkListing(f.provider, {}, { limit, take, emulator: f.sandbox.emulator });
    expect(globalIds(walk.recordings)).toEqual(expectedIds(f.all, { startedAfter: new Date(lookbackStart(Date.now())) }));
    expect(globalIds(walk.recordings)).toEqual(expectedIds(f.all, {}));
    expect(walk.maxVendorCallsPerStep).toBeLessThanOrEqual(2);
    const ranges = listRanges(f.sandbox.emulator.log);
    // Windows walked newest first, never overlapping, from tomorrow (Zoom's own default end).
    expect(ranges[0].to).toBe(utcDay(Date.now() + DAY_MS));
    const windows = [...new Map(ranges.map((r) => [r.to, r.from])).entries()];
    windows.slice(1).forEach(([to], i) => expect(to).toBe(utcDay(dayMs(windows[i][1]) - DAY_MS)));
    // The page size follows the limit (within Zoom's 1..300).
    expect(new Set(f.sandbox.emulator.log.map((e) => e.query.page_size[0]))).toEqual(new Set([String(limit)]));
  });

  it('pushes a date range down as month windows, and checks status and bounds locally', async () => {
    const filter: ListFilter = {
      startedAfter: new Date(SANDBOX_EPOCH - 120 * DAY_MS + 3_600_000),
      startedBefore: new Date(SANDBOX_EPOCH - 20 * DAY_MS - 7_200_000),
      statuses: ['READY'],
    };
    const walk = await walkListing(f.provider, filter, { limit: 9, take: (n) => Math.max(1, n - 2), emulator: f.sandbox.emulator });
    const expected = expectedIds(f.all, filter);
    expect(expected.length).toBeGreaterThan(50);
    expect(globalIds(walk.recordings)).toEqual(expected);
    const ranges = listRanges(f.sandbox.emulator.log);
    expect(ranges[0].to).toBe(utcDay(filter.startedBefore!.getTime()));
    // One day before the bound: a session that began the day before its recording.
    expect(ranges.at(-1)!.from).toBe(utcDay(filter.startedAfter!.getTime() - DAY_MS));
    expect(new Set(ranges.map((r) => r.to)).size).toBeGreaterThanOrEqual(4);
  });

  it('lists one session through the per-session call the loaders share, and nothing else', async () => {
    const session = f.sandbox.data.sessions[3];
    const ctx = () => ({ memo: new Map<string, Promise<unknown>>() });
    const walk = await walkListing(
      f.provider,
      { sessionKey: [session.session_id] },
      { limit: 2, take: () => 2, ctx, emulator: f.sandbox.emulator },
    );
    const expected = expectedIds(f.all, { sessionKey: [session.session_id] });
    expect(expected.length).toBeGreaterThan(4);
    expect(globalIds(walk.recordings)).toEqual(expected);
    expect(f.sandbox.emulator.counters.get('recordings.list')).toBeUndefined();
    expect(f.sandbox.emulator.log.every((e) => e.route === 'sessions.recordings')).toBe(true);

    f.sandbox.emulator.resetCounters();
    const shared = { memo: new Map<string, Promise<unknown>>() };
    const [s] = await f.provider.getSessions([[session.session_id]], shared);
    const page = await f.provider.listRecordings(
      { filter: { sessionKey: [session.session_id], statuses: ['UNKNOWN'] }, limit: 10, after: null },
      shared,
    );
    expect(s).not.toBeInstanceOf(Error);
    expect(page.items.map((i) => i.recording.providerStatus)).toEqual(['processing']);
    expect(page.next).toBeNull();
    expect(f.sandbox.emulator.totalCalls()).toBe(1);

    const none = await f.provider.listRecordings({ filter: { sessionKey: ['AAAAAAAAAAAAAAAAAAAAAA=='] }, limit: 10, after: null }, {});
    expect(none).toEqual({ items: [], next: null });
  });

  it('restarts a window whose page token expired and skips what it already handed out', async () => {
    const filter: ListFilter = { startedAfter: new Date(SANDBOX_EPOCH - 60 * DAY_MS) };
    // Walk until a position that holds a page token, two items into its page.
    let after: ListPosition | null = null;
    let page = await f.provider.listRecordings({ filter, limit: 5, after }, {});
    while (!page.next || typeof page.next.token !== 'string')
      page = await f.provider.listRecordings({ filter, limit: 5, after: page.next }, {});
    page = await f.provider.listRecordings({ filter, limit: 5, after: page.next }, {});
    expect(page.items.length).toBeGreaterThan(2);
    after = page.items[1].position;
    expect(typeof after.token).toBe('string');
    const rest = async (start: ListPosition | null): Promise<RecordingData[]> => {
      const out: RecordingData[] = [];
      for (let next = start; next;) {
        const p = await f.provider.listRecordings({ filter, limit: 5, after: next }, {});
        out.push(...p.items.map((i) => i.recording));
        next = p.next;
      }
      return out;
    };
    const fresh = await rest(after);
    expect(fresh.length).toBeGreaterThan(20);

    f.sandbox.emulator.resetCounters();
    f.sandbox.clock.skewMs = 15 * 60_000 + 1_000;
    const aged = await f.provider.listRecordings({ filter, limit: 5, after }, {});
    // The expired token (400, code 300), then the window's first page again, within one call.
    expect(f.sandbox.emulator.log.map((e) => [e.status, e.query.next_page_token === undefined])).toEqual([
      [400, false],
      [200, true],
    ]);
    const agedAll = [...aged.items.map((i) => i.recording), ...(await rest(aged.next))];
    expect(globalIds(agedAll)).toEqual(globalIds(fresh));
  });

  it('emulates the documented list: page_size bounds, one-month ranges, expiring tokens bound to their range', async () => {
    const to = utcDay(SANDBOX_EPOCH);
    const from = utcDay(SANDBOX_EPOCH - 20 * DAY_MS);
    expect(await apiGet(`from=${from}&to=${to}&page_size=301`)).toEqual({
      status: 400,
      body: { code: 300, message: 'page_size must be between 1 and 300.' },
    });
    expect((await apiGet(`from=${utcDay(SANDBOX_EPOCH - 40 * DAY_MS)}&to=${to}`)).status).toBe(400);
    const first = await apiGet(`from=${from}&to=${to}&page_size=2`);
    expect(first.body).toMatchObject({ from, to, page_size: 2 });
    const starts = (first.body.sessions as Array<{ start_time: string }>).map((s) => s.start_time);
    expect([...starts].sort().reverse()).toEqual(starts);
    const token = first.body.next_page_token as string;
    expect(token).not.toBe('');
    expect((await apiGet(`from=${from}&to=${to}&page_size=2&next_page_token=${token}`)).status).toBe(200);
    expect((await apiGet(`from=${utcDay(SANDBOX_EPOCH - 21 * DAY_MS)}&to=${to}&page_size=2&next_page_token=${token}`)).status).toBe(400);
    f.sandbox.clock.skewMs = 16 * 60_000;
    expect(await apiGet(`from=${from}&to=${to}&page_size=2&next_page_token=${token}`)).toEqual({
      status: 400,
      body: { code: 300, message: 'The next page token is invalid or expired.' },
    });
    // Omitted, the page size is 30.
    expect((await apiGet(`from=${utcDay(SANDBOX_EPOCH - 28 * DAY_MS)}&to=${to}`)).body.page_size).toBe(30);
  });

  it('answers a filter starting three or more days ahead with an empty Zoom part and no call', async () => {
    for (const days of [3, 4, 40]) {
      f.sandbox.emulator.resetCounters();
      const startedAfter = new Date(Date.now() + days * DAY_MS);
      await expect(f.provider.listRecordings({ filter: { startedAfter }, limit: 20, after: null }, {})).resolves.toEqual({
        items: [],
        next: null,
      });
      await expect(
        f.provider.listRecordings(
          { filter: { startedAfter, startedBefore: new Date(startedAfter.getTime() + 9 * DAY_MS) }, limit: 20, after: null },
          {},
        ),
      ).resolves.toEqual({ items: [], next: null });
      expect(f.sandbox.emulator.totalCalls()).toBe(0);
    }
  });

  it("reads a list page without `sessions` (optional in Zoom's SDK types) as an empty page", async () => {
    const empty = await apiGet(`from=${utcDay(SANDBOX_EPOCH + 2 * DAY_MS)}&to=${utcDay(SANDBOX_EPOCH + 3 * DAY_MS)}`);
    expect(empty).toEqual({ status: 200, body: expect.not.objectContaining({ sessions: expect.anything() }) });
    f.sandbox.emulator.resetCounters();
    const startedAfter = new Date(SANDBOX_EPOCH + DAY_MS + 3_600_000);
    await expect(f.provider.listRecordings({ filter: { startedAfter }, limit: 20, after: null }, {})).resolves.toEqual({
      items: [],
      next: null,
    });
    expect(f.sandbox.emulator.totalCalls()).toBe(1);
  });

  it.each<[string, ListPosition, () => ListFilter]>([
    ['a window missing its fields', { since: 0 }, () => ({})],
    ['a day that is not a date', { since: 0, to: 'yesterday', token: null, size: 5, done: 0, skip: 0 }, () => ({})],
    ['a page size of 0', { since: 0, to: '2026-01-01', token: null, size: 0, done: 0, skip: 0 }, () => ({})],
    ["a session listing's position in the account walk", { skip: 0 }, () => ({})],
    ['a negative skip in a session listing', { skip: -1 }, () => ({ sessionKey: [f.sandbox.data.sessions[0].session_id] })],
  ])('refuses a malformed position (%s) before any call', (_name, after, filter) => expectPositionRefused(f, after, filter()));

  describe('with sessions far apart', () => {
    let sparse: Awaited<ReturnType<typeof startZoomSandbox>>;
    let p: RecordingProvider;
    const base = seedZoom(4);
    const lookback = lookbackStart(Date.now());
    const dataset: ZoomDataset = {
      sessions: [
        ...base.sessions,
        movedSession(base, 0, SANDBOX_EPOCH - 100 * DAY_MS, 'mid'),
        // The first day a listing without startedAfter covers: the day after the look-back day.
        movedSession(base, 1, lookback + DAY_MS + 3 * 3_600_000, 'edge'),
        // On the look-back day itself: inside the range asked for, before the listing's bound.
        movedSession(base, 2, lookback + 3 * 3_600_000, 'brink'),
        // Before the look-back window: only an explicit startedAfter reaches it.
        movedSession(base, 4, lookback - 2 * DAY_MS, 'old'),
      ],
    };
    beforeAll(async () => {
      sparse = await startZoomSandbox({}, dataset);
      p = createZoomProvider(sparse.config);
    });
    afterAll(async () => {
      await p.close();
      await sparse.emulator.close();
    });

    it('stops an unbounded listing at the look-back window, with empty windows costing one call each', async () => {
      const walk = await walkListing(p, {}, { limit: 50, emulator: sparse.emulator });
      const everything = mapped(dataset);
      expect(globalIds(walk.recordings)).toEqual(expectedIds(everything, { startedAfter: new Date(lookback + DAY_MS) }));
      expect(walk.recordings.some((r) => r.key[0].startsWith('edge'))).toBe(true);
      expect(walk.recordings.some((r) => r.key[0].startsWith('brink') || r.key[0].startsWith('old'))).toBe(false);
      const ranges = listRanges(sparse.emulator.log);
      // Exactly six months back, never six months and a day (Zoom serves the last six months).
      expect(ranges.at(-1)!.from).toBe(utcDay(lookback));
      expect(Math.min(...ranges.map((r) => dayMs(r.from)))).toBe(lookback);
      // Seven windows cover six months; two empty ones in a row end a call with nothing.
      expect(ranges.length).toBe(sparse.emulator.totalCalls());
      expect(walk.maxVendorCallsPerStep).toBe(2);
      expect(walk.emptyPages).toBeGreaterThan(0);

      const older = await walkListing(p, { startedAfter: new Date(lookback - 3 * DAY_MS) }, { limit: 50, emulator: sparse.emulator });
      expect(older.recordings.filter((r) => r.key[0].startsWith('old')).length).toBeGreaterThan(3);
      expect(globalIds(older.recordings)).toEqual(expectedIds(everything, { startedAfter: new Date(lookback - 3 * DAY_MS) }));
    });
  });

  it('pages a bulk-seeded emulator (2,000 more recordings) exactly', () =>
    expectBulkWalk(() => startZoomSandbox({ seed: 9, recordingsPerVendor: 2_000 }), create, map, {
      limit: 100,
      take: midPageEveryThird,
      total: 2_036,
      maxVendorCallsPerStep: 2,
    }));
});
