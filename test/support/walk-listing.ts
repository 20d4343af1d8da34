import type { RecordingData } from '../../src/domain/model';
import { ErrorCode } from '../../src/errors/error-codes';
import { recordingGlobalId } from '../../src/ids/global-id';
import type { ListFilter, ListPage, ListPosition, RecordingProvider } from '../../src/providers/recording-provider';
import type { CallContext } from '../../src/domain/call-context';
import { compareTimeline, timelineTime } from '../../src/timeline/order';
import { matchesFilter } from '../../src/timeline/filter';
import type { Emulator } from '../../src/sandbox/emulator';
import { vendorLifecycle } from './vendor-lifecycle';

export interface WalkOptions {
  /** What each call asks for. */
  limit: number;
  /**
   * How many items of a page the caller takes before it asks again, as the timeline (src/timeline)
   * does when it stops mid-page: it then resumes from the last taken item's position.
   * A number, or a function of the page's length and the step; default: the whole page,
   * resuming from `next`.
   */
  take?: number | ((pageLength: number, step: number) => number);
  ctx?: () => CallContext;
  /** When given, the most vendor calls one listRecordings call cost is measured on it. */
  emulator?: Emulator;
}

export interface Walk {
  recordings: RecordingData[];
  /** Their global ids, in walk order. */
  ids: string[];
  /** listRecordings calls made; with `emulator`, the vendor calls they cost and the most any one of them cost. */
  calls: number;
  vendorCalls: number;
  maxVendorCallsPerStep: number;
  /** Pages that came back empty while the listing went on. */
  emptyPages: number;
}

/** What a client would get back through a cursor: positions survive a JSON round trip. */
const viaJson = (page: ListPage): ListPage => ({
  items: page.items.map((i) => ({ recording: i.recording, position: JSON.parse(JSON.stringify(i.position)) as ListPosition })),
  next: page.next === null ? null : (JSON.parse(JSON.stringify(page.next)) as ListPosition),
});

/**
 * Walks an adapter's listing the way the timeline (src/timeline) does: from `after: null` until
 * `next` is null, every position through JSON as a cursor would carry it.
 */
export async function walkListing(provider: RecordingProvider, filter: ListFilter, options: WalkOptions): Promise<Walk> {
  const walk: Walk = { recordings: [], ids: [], calls: 0, vendorCalls: 0, maxVendorCallsPerStep: 0, emptyPages: 0 };
  const { take, emulator } = options;
  let after: ListPosition | null = null;
  for (;;) {
    const before = emulator?.totalCalls() ?? 0;
    const page = viaJson(await provider.listRecordings({ filter, limit: options.limit, after }, options.ctx?.() ?? {}));
    const vendorCalls = (emulator?.totalCalls() ?? 0) - before;
    walk.vendorCalls += vendorCalls;
    walk.maxVendorCallsPerStep = Math.max(walk.maxVendorCallsPerStep, vendorCalls);
    if (++walk.calls > 20_000) throw new Error('the listing does not end');
    const wanted = typeof take === 'function' ? take(page.items.length, walk.calls) : (take ?? page.items.length);
    const taken = Math.max(1, Math.min(page.items.length, wanted));
    if (page.items.length === 0) walk.emptyPages++;
    const consumed = page.items.slice(0, taken).map((i) => i.recording);
    walk.recordings.push(...consumed);
    walk.ids.push(...consumed.map(recordingGlobalId));
    if (taken < page.items.length) after = page.items[taken - 1].position;
    else if (page.next) after = page.next;
    else return walk;
  }
}

/** What a listing must yield: the matching recordings, each once, in timeline order. */
export function expectedIds(all: readonly RecordingData[], filter: ListFilter): string[] {
  return all
    .filter((r) => matchesFilter(r, filter))
    .sort(compareTimeline)
    .map(recordingGlobalId);
}

/** Page sizes and resume points every vendor is walked with: vendor pages end mid-way through the timeline (src/timeline)'s pages and the other way round. */
const WALKS: WalkOptions[] = [{ limit: 3, take: 2 }, { limit: 7 }, { limit: 50, take: 20 }, { limit: 5000 }];

/** Every walk yields exactly the recordings that match, each once, in timeline order. */
export async function expectExactWalks(provider: RecordingProvider, all: readonly RecordingData[], filter: ListFilter): Promise<void> {
  const expected = expectedIds(all, filter);
  expect(expected.length).toBeGreaterThan(0);
  for (const opts of WALKS) {
    const { ids } = await walkListing(provider, filter, opts);
    expect(ids).toEqual(expected);
  }
}

/** The session key (of a kind, when given) with the most recordings. */
export function busiestSession(all: readonly RecordingData[], kind?: string): readonly string[] {
  const counts = new Map<string, { key: readonly string[]; n: number }>();
  for (const r of all) {
    if (!r.sessionKey || (kind && r.sessionKey[0] !== kind)) continue;
    const id = r.sessionKey.join('/');
    counts.set(id, { key: r.sessionKey, n: (counts.get(id)?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0].key;
}

export interface ListingFixture<S> {
  sandbox: S;
  provider: RecordingProvider;
  /** The seed's recordings through the adapter's mapper. */
  all: RecordingData[];
  /** The timeline time of the i-th recording in timeline order. */
  at(i: number): Date;
}

/** One emulator (demo data plus 300 bulk recordings) and its adapter for a listing suite. */
export function listingFixture<S extends { emulator: Emulator }>(
  start: () => Promise<S>,
  create: (sandbox: S) => RecordingProvider,
  map: (sandbox: S) => RecordingData[],
): ListingFixture<S> {
  let sorted: RecordingData[] = [];
  const f = { at: (i: number) => new Date(timelineTime(sorted[i])!) } as ListingFixture<S>;
  beforeAll(async () => {
    f.sandbox = await start();
    f.provider = create(f.sandbox);
    f.all = map(f.sandbox);
    sorted = [...f.all].sort(compareTimeline);
  });
  vendorLifecycle(() => ({ provider: f.provider, emulator: f.sandbox.emulator }));
  return f;
}

/**
 * A malformed position is BAD_USER_INPUT from this vendor, both where the timeline (src/timeline)
 * parses a cursor and where listRecordings reads it, and no vendor call is made.
 */
export async function expectPositionRefused(
  f: ListingFixture<{ emulator: Emulator }>,
  after: ListPosition,
  filter: ListFilter = {},
): Promise<void> {
  const refusal = { code: ErrorCode.BAD_USER_INPUT, provider: f.provider.name };
  expect(() => f.provider.parseListPosition(after, filter)).toThrow(expect.objectContaining(refusal));
  await expect(f.provider.listRecordings({ filter, limit: 5, after }, {})).rejects.toMatchObject(refusal);
  expect(f.sandbox.emulator.totalCalls()).toBe(0);
}

/** A caller that stops mid-page every third call, as the timeline (src/timeline) does when another vendor's recordings come first. */
export const midPageEveryThird: WalkOptions['take'] = (n, step) => (step % 3 === 0 ? Math.floor(n / 2) : n);

/**
 * A bulk-seeded emulator (its own, closed afterwards) walked to its end: it holds `total`
 * recordings, the walk yields each once in timeline order, and no listRecordings call costs
 * more than `maxVendorCallsPerStep` vendor calls. Returns the walk for the vendor's own
 * checks (call counts, counted at the vendor).
 */
export async function expectBulkWalk<S extends { emulator: Emulator }>(
  start: () => Promise<S>,
  create: (sandbox: S) => RecordingProvider,
  map: (sandbox: S) => RecordingData[],
  options: Omit<WalkOptions, 'emulator'> & { total: number; maxVendorCallsPerStep: number },
): Promise<Walk> {
  const sandbox = await start();
  const provider = create(sandbox);
  try {
    const all = map(sandbox);
    expect(all).toHaveLength(options.total);
    const walk = await walkListing(provider, {}, { ...options, emulator: sandbox.emulator });
    expect(walk.ids).toEqual(expectedIds(all, {}));
    expect(walk.maxVendorCallsPerStep).toBeLessThanOrEqual(options.maxVendorCallsPerStep);
    return walk;
  } finally {
    await provider.close();
    await sandbox.emulator.close();
  }
}

/** Limits of 0 and 10,000 reach the vendor as its page-size parameter at 1 and at its maximum, and it accepts both. */
export async function expectPageSizeBounded(f: ListingFixture<{ emulator: Emulator }>, param: string, max: number): Promise<void> {
  await f.provider.listRecordings({ filter: {}, limit: 0, after: null }, {});
  await f.provider.listRecordings({ filter: {}, limit: 10_000, after: null }, {});
  expect(f.sandbox.emulator.log.map((e) => [e.query[param]?.[0], e.status])).toEqual([
    ['1', 200],
    [String(max), 200],
  ]);
}

export const globalIds = (recordings: readonly RecordingData[]): string[] => recordings.map(recordingGlobalId);

/**
 * The limits and stopping patterns a vendor's walk can be checked with: whole pages at the
 * smallest, a middling and the largest limit, and a caller that stops mid-page.
 */
export const WALK_CASES: Array<[limit: number, what: string, take: WalkOptions['take']]> = [
  [1, 'whole pages', undefined],
  [13, 'whole pages', undefined],
  [100, 'whole pages', undefined],
  [7, 'stopping mid-page', (n) => Math.ceil(n / 3)],
  [30, 'stopping mid-page', (n, step) => (step % 2 ? 1 : n - 1)],
];
