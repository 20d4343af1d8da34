import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { RecordingStatus } from '../../../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../../../src/domain/provider-name';
import { ErrorCode } from '../../../src/errors/error-codes';
import { planListing } from '../../../src/graphql/listing/listing-plan';
import type { RecordingFilterInput } from '../../../src/graphql/listing/recording-filter.input';
import { CursorCodec } from '../../../src/timeline/cursor';
import { readTimelineConnection } from '../../../src/timeline/timeline-connection';
import { MAX_VENDOR_CALLS_PER_PAGE } from '../../../src/timeline/timeline-page';
import { recordingGlobalId } from '../../../src/ids/global-id';
import type { ProviderRegistry } from '../../../src/providers/provider-registry';
import { compareTimeline } from '../../../src/timeline/order';
import { matchesFilter } from '../../../src/timeline/filter';
import { inMemoryVendor, recordingOf, type RecordingShape } from '../../support/in-memory-vendor';

/**
 * Model-based tests of the timeline engine: several in-memory vendors, each keeping the
 * listing contract over its own generated data with its own page size (so a vendor's page
 * boundary falls anywhere in ours), walked page by page through signed cursors, exactly as
 * `Query.recordings` does. The model: the filtered union of all vendors, sorted by
 * `compareTimeline`.
 */

const BASE = Date.UTC(2026, 0, 1);
const STATUSES: RecordingStatus[] = ['READY', 'PROCESSING', 'FAILED'];
const SESSIONS = ['s-0', 's-1', 's-2'];
// A narrow range of minutes, so equal times (ties broken by id) are common.
const minute = fc.option(
  fc.integer({ min: 0, max: 30 }).map((m) => new Date(BASE + m * 60_000)),
  { freq: 4 },
);

interface VendorWorld {
  name: ProviderName;
  shapes: RecordingShape[];
  pageSize: number;
  honoursLimit: boolean;
  failingCalls: number[];
}

const vendorArb = (name: ProviderName, withFailures: boolean): fc.Arbitrary<VendorWorld> =>
  fc.record({
    name: fc.constant(name),
    shapes: fc.array(
      fc.record({ startedAt: minute, createdAt: minute, status: fc.constantFrom(...STATUSES), session: fc.constantFrom(...SESSIONS) }),
      { maxLength: 25 },
    ),
    pageSize: fc.integer({ min: 1, max: 7 }),
    honoursLimit: fc.boolean(),
    failingCalls: withFailures ? fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }) : fc.constant([]),
  });

const vendorsArb = (withFailures: boolean) =>
  fc
    .uniqueArray(fc.constantFrom(...PROVIDER_NAMES), { minLength: 1, maxLength: 5 })
    .chain((names) => fc.tuple(...names.map((n) => vendorArb(n, withFailures))));

const filterArb: fc.Arbitrary<RecordingFilterInput> = fc
  .record(
    {
      providers: fc.uniqueArray(fc.constantFrom(...PROVIDER_NAMES), { minLength: 1 }),
      statuses: fc.uniqueArray(fc.constantFrom(...STATUSES), { minLength: 1 }),
      startedAfter: minute,
      startedBefore: minute,
      session: fc.tuple(fc.constantFrom(...PROVIDER_NAMES), fc.constantFrom(...SESSIONS)),
    },
    { requiredKeys: [] },
  )
  .map(({ session, ...f }) => {
    const filter: RecordingFilterInput = { ...f };
    if (f.startedAfter && f.startedBefore && f.startedAfter >= f.startedBefore) delete filter.startedBefore;
    if (session && (!f.providers || f.providers.includes(session[0])))
      filter.sessionId = `gid://recording-graph/Session/${session[0]}/${session[1]}`;
    return filter;
  });

/** A session id names a configured vendor (one that is not is refused before the walk, tested elsewhere). */
function withinWorld(filter: RecordingFilterInput, worlds: readonly VendorWorld[]): RecordingFilterInput {
  const vendor = filter.sessionId?.split('/')[4];
  return vendor && !worlds.some((w) => w.name === vendor) ? { ...filter, sessionId: undefined } : filter;
}

/** Vendors, a filter over them and a page size. */
const scenario = (withFailures: boolean) =>
  fc
    .record({ worlds: vendorsArb(withFailures), filter: filterArb, first: fc.integer({ min: 1, max: 12 }) })
    .map((s) => ({ ...s, filter: withinWorld(s.filter, s.worlds) }));

function build(worlds: readonly VendorWorld[]) {
  const vendors = worlds.map((v) => ({
    world: v,
    ...inMemoryVendor({
      name: v.name,
      recordings: v.shapes.map((shape, i) => recordingOf(v.name, `r${i}`, shape)),
      pageSize: v.pageSize,
      honoursLimit: v.honoursLimit,
      failingCalls: new Set(v.failingCalls),
    }),
  }));
  const registry: ProviderRegistry = Object.fromEntries(vendors.map((v) => [v.provider.name, v.provider]));
  return { vendors, registry };
}

/** What the listing must yield: every recording of the filtered vendors that matches, in timeline order. */
function expected(worlds: readonly VendorWorld[], filter: RecordingFilterInput): string[] {
  const sessionVendor = filter.sessionId?.split('/')[4];
  const sessionKey = filter.sessionId ? [filter.sessionId.split('/')[5]] : undefined;
  return worlds
    .filter((v) => (!filter.providers || filter.providers.includes(v.name)) && (!sessionVendor || sessionVendor === v.name))
    .flatMap((v) => v.shapes.map((shape, i) => recordingOf(v.name, `r${i}`, shape)))
    .filter((r) =>
      matchesFilter(r, {
        startedAfter: filter.startedAfter ?? undefined,
        startedBefore: filter.startedBefore ?? undefined,
        statuses: filter.statuses ?? undefined,
        sessionKey,
      }),
    )
    .sort(compareTimeline)
    .map(recordingGlobalId);
}

/**
 * Walks from `after` to the end, as a client does: it follows `endCursor` while
 * `hasNextPage`, and also retries from `endCursor` after a page that reported a vendor error.
 * Checks every page's own guarantees on the way.
 */
async function walk(
  built: ReturnType<typeof build>,
  filter: RecordingFilterInput,
  first: number,
  codec: CursorCodec,
  after: string | null = null,
) {
  const seen: string[] = [];
  const cursors: string[] = [];
  for (let pages = 0; ; pages++) {
    if (pages > 2_000) throw new Error('the walk does not end');
    const plan = planListing(filter, first, built.registry);
    const callsBefore = built.vendors.map((v) => v.calls.length);
    const page = await readTimelineConnection({ ...plan, after }, codec, {});
    expect(page.edges.length).toBeLessThanOrEqual(first);
    const failedNow = new Set<ProviderName>();
    built.vendors.forEach((v, i) => {
      const made = v.calls.slice(callsBefore[i]);
      // Bounded work per page, and never more asked for than the page needs.
      expect(made.length).toBeLessThanOrEqual(MAX_VENDOR_CALLS_PER_PAGE);
      for (const q of made) expect(q.limit).toBeLessThanOrEqual(first);
      for (let c = callsBefore[i]; c < v.calls.length; c++) if (v.world.failingCalls.includes(c)) failedNow.add(v.provider.name);
    });
    // Each failing vendor is named, with its code, and only those.
    expect(page.failures.map((f) => f.provider).sort()).toEqual([...failedNow].sort());
    for (const f of page.failures) expect(f.error).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: f.provider });
    seen.push(...page.edges.map((e) => recordingGlobalId(e.recording)));
    cursors.push(...page.edges.map((e) => e.cursor));
    if (!page.hasNextPage && page.failures.length === 0) break;
    expect(page.endCursor).not.toBeNull();
    after = page.endCursor;
  }
  return { seen, cursors };
}

describe('the timeline engine, against a model', () => {
  it('yields exactly the filtered union in timeline order, whatever the page sizes, and calls only the filtered vendors', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(false), async ({ worlds, filter, first }) => {
        const built = build(worlds);
        const { seen } = await walk(built, filter, first, new CursorCodec(randomBytes(32)));
        expect(seen).toEqual(expected(worlds, filter));
        const sessionVendor = filter.sessionId?.split('/')[4];
        for (const v of built.vendors) {
          const excluded =
            (filter.providers && !filter.providers.includes(v.provider.name)) || (sessionVendor && sessionVendor !== v.provider.name);
          if (excluded) expect(v.calls).toEqual([]);
          else expect(v.calls.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('resumes from any edge cursor with exactly what follows that edge', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(false), fc.nat(), fc.integer({ min: 1, max: 12 }), async ({ worlds, filter, first }, pick, secondFirst) => {
        const codec = new CursorCodec(randomBytes(32));
        const { seen, cursors } = await walk(build(worlds), filter, first, codec);
        fc.pre(cursors.length > 0);
        const k = pick % cursors.length;
        // A fresh set of vendors (a restart) with the same data and another page size.
        const rest = await walk(build(worlds), filter, secondFirst, codec, cursors[k]);
        expect(rest.seen).toEqual(seen.slice(k + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('never loses or repeats a recording of a vendor that fails on some calls, and names it on each page it failed', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(true), async ({ worlds, filter, first }) => {
        const built = build(worlds);
        const { seen } = await walk(built, filter, first, new CursorCodec(randomBytes(32)));
        expect(new Set(seen).size).toBe(seen.length);
        expect([...seen].sort()).toEqual([...expected(worlds, filter)].sort());
      }),
      { numRuns: 300 },
    );
  });
});
