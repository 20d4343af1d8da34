import { request } from 'undici';
import { createCloudflareProvider } from '../../../src/providers/cloudflare';
import type { CloudflareRecording } from '../../../src/providers/cloudflare/cloudflare.api-types';
import { mapCloudflareRecording } from '../../../src/providers/cloudflare/cloudflare.mapper';
import type { ListFilter, ListPosition } from '../../../src/providers/recording-provider';
import { startCloudflareSandbox } from '../../../src/sandbox/cloudflare/cloudflare.emulator';
import { seedCloudflare } from '../../../src/sandbox/cloudflare/cloudflare.seed';
import { demoRecordings } from '../../../src/demo/demo-data';
import { SANDBOX_EPOCH } from '../../../src/sandbox/seed-random';
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
const SEED = 7;
const BULK = 300;

type Sandbox = Awaited<ReturnType<typeof startCloudflareSandbox>>;
const create = (s: Sandbox) => createCloudflareProvider(s.config, { now: () => SANDBOX_EPOCH });
const map = (s: Sandbox) => s.data.recordings.map(mapCloudflareRecording);

describe('Cloudflare listRecordings over HTTP against the RealtimeKit emulator', () => {
  const f = listingFixture(() => startCloudflareSandbox({ seed: SEED, recordingsPerVendor: BULK }), create, map);

  const lists = () => f.sandbox.emulator.log.filter((e) => e.route === 'recordings.list');
  const raw = async (query: string) => {
    const res = await request(
      `${f.sandbox.emulator.url}/client/v4/accounts/${f.sandbox.config.accountId}/realtime/kit/${f.sandbox.config.appId}/recordings?${query}`,
      {
        headers: { authorization: `Bearer ${f.sandbox.config.apiToken}` },
      },
    );
    return { status: res.statusCode, body: (await res.body.json()) as { data: CloudflareRecording[]; paging: Record<string, number> } };
  };

  it('seeds the bulk on top of the unchanged demo data, over six months of sessions', () => {
    expect(f.all.length).toBe(26 + BULK);
    expect(globalIds(demoRecordings(SEED, BULK).cloudflare).sort()).toEqual(globalIds(f.all).sort());
    const demo = seedCloudflare(SEED);
    expect(f.sandbox.data.recordings.filter((r) => demo.recordings.some((d) => d.id === r.id)).length).toBe(26);
    expect(f.sandbox.data.sessions.slice(0, 9)).toEqual(demo.sessions);
    expect(new Set(f.sandbox.data.recordings.map((r) => r.invoked_time!.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
    expect(new Set(f.sandbox.data.recordings.map((r) => r.session_id)).size).toBeGreaterThan(60);
  });

  it.each(WALK_CASES)('walks every recording once in timeline order, limit %i, %s', async (limit, _what, take) => {
    const walk = await walkListing(f.provider, {}, { limit, take, emulator: f.sandbox.emulator });
    expect(globalIds(walk.recordings)).toEqual(expectedIds(f.all, {}));
    expect(walk.maxVendorCallsPerStep).toBe(1);
    for (const e of lists()) {
      expect(e.query).toMatchObject({ sort_by: ['invokedTime'], sort_order: ['DESC'] });
      expect(Number(e.query.per_page[0])).toBeGreaterThanOrEqual(limit);
      expect(Number(e.query.per_page[0])).toBeLessThanOrEqual(100);
      expect(Number(e.query.page_no[0])).toBeGreaterThanOrEqual(1);
    }
    // A listing resumed mid-page asks for a page that starts where it stopped when it can.
    if (take) expect(lists().some((e) => e.query.per_page[0] !== String(limit))).toBe(true);
  });

  it('pushes status down (the key repeated, not status[]) when every asked status can be expressed, and filters locally otherwise', async () => {
    const pushable: ListFilter = { statuses: ['READY', 'PROCESSING'] };
    const walk = await walkListing(f.provider, pushable, { limit: 25, take: (n) => Math.max(1, n - 3), emulator: f.sandbox.emulator });
    expect(globalIds(walk.recordings)).toEqual(expectedIds(f.all, pushable));
    expect(
      lists().every(
        (e) => JSON.stringify(e.query.status) === JSON.stringify(['UPLOADED', 'UPLOADING']) && e.query['status[]'] === undefined,
      ),
    ).toBe(true);

    f.sandbox.emulator.resetCounters();
    const local: ListFilter = { statuses: ['READY', 'FAILED', 'PAUSED'] };
    const walk2 = await walkListing(f.provider, local, { limit: 25, emulator: f.sandbox.emulator });
    const expected = expectedIds(f.all, local);
    expect(new Set(walk2.recordings.map((r) => r.status))).toEqual(new Set(['READY', 'FAILED', 'PAUSED']));
    expect(globalIds(walk2.recordings)).toEqual(expected);
    expect(lists().every((e) => e.query.status === undefined && e.query['status[]'] === undefined)).toBe(true);
    expect(walk2.maxVendorCallsPerStep).toBeLessThanOrEqual(2);
  });

  it('pushes the time range down as start_time (an hour early) and end_time', async () => {
    const filter: ListFilter = { startedAfter: new Date(SANDBOX_EPOCH - 90 * DAY_MS), startedBefore: new Date(SANDBOX_EPOCH - 5 * DAY_MS) };
    const walk = await walkListing(f.provider, filter, { limit: 40, take: (n) => Math.ceil(n / 2), emulator: f.sandbox.emulator });
    const expected = expectedIds(f.all, filter);
    expect(expected.length).toBeGreaterThan(100);
    expect(globalIds(walk.recordings)).toEqual(expected);
    for (const e of lists()) {
      expect(e.query.start_time).toEqual([new Date(SANDBOX_EPOCH - 90 * DAY_MS - 3_600_000).toISOString()]);
      expect(e.query.end_time).toEqual([filter.startedBefore!.toISOString()]);
    }
    // The vendor bounds the walk: whole pages of 40 cost one call per 40 recordings it
    // holds in the pushed range, and none past it.
    f.sandbox.emulator.resetCounters();
    await walkListing(f.provider, filter, { limit: 40, emulator: f.sandbox.emulator });
    const [lo, hi] = [filter.startedAfter!.getTime() - 3_600_000, filter.startedBefore!.getTime()];
    const inRange = f.sandbox.data.recordings.filter((r) => Date.parse(r.invoked_time!) >= lo && Date.parse(r.invoked_time!) <= hi).length;
    expect(lists().length).toBe(Math.ceil(inRange / 40));
  });

  it('lists a session through its meeting: the details once, then meeting_id pushed down', async () => {
    const session = f.sandbox.data.sessions[2];
    const filter: ListFilter = { sessionKey: [session.id] };
    const expected = expectedIds(f.all, filter);
    expect(expected.length).toBeGreaterThan(1);
    const walk = await walkListing(f.provider, filter, { limit: 1, take: () => 1, emulator: f.sandbox.emulator });
    expect(globalIds(walk.recordings)).toEqual(expected);
    expect(f.sandbox.emulator.counters.get('sessions.get')).toBe(1);
    expect(lists().every((e) => e.query.meeting_id?.[0] === session.associated_id)).toBe(true);
    expect(walk.maxVendorCallsPerStep).toBeLessThanOrEqual(2);

    // In a request that already loaded the session, its details cost nothing more.
    f.sandbox.emulator.resetCounters();
    const ctx = { memo: new Map<string, Promise<unknown>>() };
    await f.provider.getSessions([[session.id]], ctx);
    const before = f.sandbox.emulator.counters.get('sessions.get');
    const page = await f.provider.listRecordings({ filter, limit: 50, after: null }, ctx);
    expect(globalIds(page.items.map((i) => i.recording))).toEqual(expected);
    expect(f.sandbox.emulator.counters.get('sessions.get')).toBe(before);

    const none = await f.provider.listRecordings(
      { filter: { sessionKey: ['00000000-0000-4000-8000-000000000000'] }, limit: 5, after: null },
      {},
    );
    expect(none).toEqual({ items: [], next: null });
  });

  it.each<[string, ListPosition]>([
    ['a negative offset', { offset: -1, meeting: null }],
    ['no meeting', { offset: 3 }],
    ['a fractional offset', { offset: 1.5, meeting: null }],
    ['a dot segment meeting', { offset: 0, meeting: '../x' }],
    ['an extra field', { offset: 0, meeting: null, extra: 1 }],
  ])('refuses a malformed position (%s) before any call', (_name, after) => expectPositionRefused(f, after));

  it('emulates the documented list: default and maximum per_page, paging object, newest first in a total order', async () => {
    const first = await raw('');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(20);
    expect(first.body.paging).toEqual({ total_count: f.all.length, start_offset: 0, end_offset: 19 });
    const times = first.body.data.map((r) => r.invoked_time!);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await raw('per_page=101')).status).toBe(400);
    const asc = await raw('sort_by=invokedTime&sort_order=ASC&per_page=100&page_no=4');
    const desc = await raw('sort_by=invokedTime&sort_order=DESC&per_page=25&page_no=1');
    expect(
      asc.body.data
        .slice(-25)
        .map((r) => r.id)
        .reverse(),
    ).toEqual(desc.body.data.map((r) => r.id));
    // The documented parameter is `status`, repeated; `status[]` is refused, as is a status it cannot filter on.
    expect((await raw('status[]=UPLOADED')).status).toBe(400);
    expect((await raw('status=ERRORED')).status).toBe(400);
    expect((await raw('status=UPLOADED&status=UPLOADING')).status).toBe(200);
  });

  it('pages a bulk-seeded emulator (2,000 more recordings) exactly, one vendor call per step', () =>
    expectBulkWalk(() => startCloudflareSandbox({ seed: 11, recordingsPerVendor: 2_000 }), create, map, {
      limit: 100,
      take: midPageEveryThird,
      total: 2_026,
      maxVendorCallsPerStep: 1,
    }));
});

describe('Cloudflare where its documents leave a choice open: either side works', () => {
  it('lists every recording exactly once from an API whose page_no counts from 0, learning it from paging.start_offset with one extra call', async () => {
    const sandbox = await startCloudflareSandbox({ seed: SEED, recordingsPerVendor: BULK, pageNumbering: 'zero-based' });
    const provider = create(sandbox);
    try {
      const all = map(sandbox);
      const walk = await walkListing(provider, {}, { limit: 50, emulator: sandbox.emulator });
      expect(globalIds(walk.recordings)).toEqual(expectedIds(all, {}));
      const pages = sandbox.emulator.log.filter((e) => e.route === 'recordings.list').map((e) => e.query.page_no[0]);
      // Page 1 came back as the second page (start_offset 50): asked again as page 0, then 0-based on.
      expect(pages.slice(0, 3)).toEqual(['1', '0', '1']);
      expect(pages.length).toBe(Math.ceil(all.length / 50) + 1);
    } finally {
      await provider.close();
      await sandbox.emulator.close();
    }
  });

  it('keeps 1-based numbering against the default emulator (page 1 starts at offset 0): no extra call', async () => {
    const sandbox = await startCloudflareSandbox({ seed: SEED });
    const provider = create(sandbox);
    try {
      await walkListing(provider, {}, { limit: 10, emulator: sandbox.emulator });
      const pages = sandbox.emulator.log.filter((e) => e.route === 'recordings.list').map((e) => e.query.page_no[0]);
      expect(pages).toEqual(['1', '2', '3']);
    } finally {
      await provider.close();
      await sandbox.emulator.close();
    }
  });

  it('reads session details whether the session is data.session or data itself', async () => {
    for (const sessionShape of ['nested', 'flat'] as const) {
      const sandbox = await startCloudflareSandbox({ seed: SEED, sessionShape });
      const provider = create(sandbox);
      try {
        const s = sandbox.data.sessions[1];
        const [session] = await provider.getSessions([[s.id]], {});
        expect(session).toMatchObject({ nativeId: s.id, name: s.meeting_display_name });
        const listed = await walkListing(provider, { sessionKey: [s.id] }, { limit: 10 });
        expect(listed.recordings.length).toBeGreaterThan(0);
        expect(listed.recordings.every((r) => r.sessionKey?.[0] === s.id)).toBe(true);
      } finally {
        await provider.close();
        await sandbox.emulator.close();
      }
    }
  });
});
