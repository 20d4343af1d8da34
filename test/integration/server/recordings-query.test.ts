import type { RecordingData } from '../../../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../../../src/domain/provider-name';
import { MAX_VENDOR_CALLS_PER_PAGE } from '../../../src/timeline/timeline-page';
import { recordingGlobalId, sessionGlobalId } from '../../../src/ids/global-id';
import { compareTimeline } from '../../../src/timeline/order';
import { matchesFilter } from '../../../src/timeline/filter';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql, type GraphQLResponse } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

/**
 * `Query.recordings` end to end: the server and the five vendor emulators in this process,
 * the real adapters between them. The timeline is the sandbox's demo data, whose global ids
 * and order are known without any listing call.
 */

interface Page {
  recordings: {
    edges: Array<{ cursor: string; node: { id: string } }>;
    nodes: Array<{ id: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const LIST = `query($filter: RecordingFilter, $first: Int, $after: String) {
  recordings(filter: $filter, first: $first, after: $after) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } }
}`;

/** An adapter's listRecordings makes at most two vendor list calls (ListQuery.limit's contract). */
const LIST_CALLS_PER_STEP = 2;

const demo = demoRecordings();
const all: RecordingData[] = PROVIDER_NAMES.flatMap((p) => demo[p]);
const timeline = (rs: readonly RecordingData[]) => [...rs].sort(compareTimeline).map(recordingGlobalId);

describe('Query.recordings over the five vendors', () => {
  let running: SandboxApp;
  beforeAll(async () => {
    running = await startSandboxApp();
  });
  afterAll(() => running.close());
  beforeEach(() => {
    running.resetCounters();
    for (const e of Object.values(running.sandbox.emulators)) {
      e.clearFaults();
      e.log.length = 0;
    }
  });

  const listCalls = (vendor: ProviderName) => running.sandbox.emulators[vendor].log.filter((l) => l.route.endsWith('.list')).length;

  /** Follows endCursor while hasNextPage (and after a page that reported an error), checking each page on the way. */
  async function walk(
    variables: { filter?: Record<string, unknown>; first: number },
    onPage?: (res: GraphQLResponse<Page>, index: number) => void,
  ) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; ; i++) {
      if (i > 500) throw new Error('the walk does not end');
      const before = PROVIDER_NAMES.map(listCalls);
      const res: GraphQLResponse<Page> = await gql<Page>(running.app.url, LIST, { ...variables, after });
      onPage?.(res, i);
      const page = res.body.data!.recordings;
      expect(page.edges.length).toBeLessThanOrEqual(variables.first);
      expect(page.nodes).toEqual(page.edges.map((e) => e.node));
      PROVIDER_NAMES.forEach((p, j) =>
        expect(listCalls(p) - before[j]).toBeLessThanOrEqual(MAX_VENDOR_CALLS_PER_PAGE * LIST_CALLS_PER_STEP),
      );
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage && !res.body.errors) return ids;
      after = page.pageInfo.endCursor;
      expect(after).not.toBeNull();
    }
  }

  it.each([1, 7, 20, 100])('walks every demo recording once, newest first across vendors, %p per page', async (first) => {
    const ids = await walk({ first }, (res) => expect(res.body.errors).toBeUndefined());
    expect(ids).toEqual(timeline(all));
  });

  it('resumes from any edge cursor with what follows that edge', async () => {
    const first = await gql<Page>(running.app.url, LIST, { first: 9 });
    const edges = first.body.data!.recordings.edges;
    const next = await gql<Page>(running.app.url, LIST, { first: 5, after: edges[3].cursor });
    expect(next.body.data!.recordings.nodes.map((n) => n.id)).toEqual(timeline(all).slice(4, 9));
  });

  it('pushes the filter down to each vendor and yields exactly what matches', async () => {
    const startedAfter = new Date(Date.UTC(2026, 0, 1));
    const startedBefore = new Date(Date.now());
    const filter = { statuses: ['READY'], startedAfter: startedAfter.toISOString(), startedBefore: startedBefore.toISOString() };
    const ids = await walk({ filter, first: 10 });
    expect(ids).toEqual(timeline(all.filter((r) => matchesFilter(r, { statuses: ['READY'], startedAfter, startedBefore }))));
    expect(ids.length).toBeGreaterThan(0);

    const queries = (vendor: ProviderName) =>
      running.sandbox.emulators[vendor].log.filter((l) => l.route === 'recordings.list').map((l) => l.query);
    // Documented filters (docs/timeline.md): SignalWire DateCreated, Zoom from/to,
    // Bird startAt/endAt, Cloudflare start_time/end_time and status. Daily has none.
    for (const q of queries('signalwire')) expect(Object.keys(q)).toEqual(expect.arrayContaining(['DateCreated>', 'DateCreated<']));
    for (const q of queries('zoom')) expect(Object.keys(q)).toEqual(expect.arrayContaining(['from', 'to']));
    for (const q of queries('bird')) expect(q).toMatchObject({ startAt: [expect.any(String)], endAt: [startedBefore.toISOString()] });
    for (const q of queries('cloudflare')) expect(Object.keys(q)).toEqual(expect.arrayContaining(['start_time', 'end_time']));
    for (const vendor of ['signalwire', 'zoom', 'bird', 'cloudflare'] as const) expect(queries(vendor).length).toBeGreaterThan(0);
  });

  it('asks each vendor for about a page, not for everything', async () => {
    await gql<Page>(running.app.url, LIST, { first: 3 });
    const sizes = running.sandbox.emulators.bird.log.map((l) => Number(l.query.limit?.[0]));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(3);
  });

  it('calls only the vendors the filter names', async () => {
    const ids = await walk({ filter: { providers: ['DAILY', 'BIRD'] }, first: 15 });
    expect(ids).toEqual(timeline([...demo.daily, ...demo.bird]));
    for (const vendor of ['signalwire', 'zoom', 'cloudflare'] as const) expect(running.sandbox.emulators[vendor].totalCalls()).toBe(0);
  });

  it('answers a Zoom filter starting three days ahead with an empty page, no error and no Zoom call', async () => {
    const startedAfter = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await gql<Page>(running.app.url, LIST, { filter: { providers: ['ZOOM'], startedAfter }, first: 10 });
    expect(res.body).toEqual({ data: { recordings: { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
    expect(running.sandbox.emulators.zoom.totalCalls()).toBe(0);
  });

  it("lists one session's recordings, calling only its vendor", async () => {
    const sample = demo.cloudflare.find((r) => r.sessionKey)!;
    const sessionId = sessionGlobalId({ provider: 'cloudflare', key: sample.sessionKey! });
    const ids = await walk({ filter: { sessionId }, first: 2 });
    expect(ids).toEqual(timeline(demo.cloudflare.filter((r) => matchesFilter(r, { sessionKey: sample.sessionKey! }))));
    expect(ids.length).toBeGreaterThan(0);
    for (const vendor of ['daily', 'signalwire', 'zoom', 'bird'] as const) expect(running.sandbox.emulators[vendor].totalCalls()).toBe(0);
  });

  it("shares its vendor calls with the rest of the request: a Zoom session listed is not fetched again for its files' session or links", async () => {
    const sample = demo.zoom.find((r) => r.sessionKey)!;
    const sessionId = sessionGlobalId({ provider: 'zoom', key: sample.sessionKey! });
    const res = await gql<{
      recordings: { nodes: Array<{ session: { name: string | null } | null; accessLink: { url: string } | null }> };
    }>(
      running.app.url,
      `query($filter: RecordingFilter) { recordings(filter: $filter, first: 50) { nodes { id session { name } accessLink { url } } } }`,
      { filter: { sessionId } },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.recordings.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.session !== null && n.accessLink !== null)).toBe(true);
    // One call lists the session's files, names it and mints every link (the operation's one validity).
    expect(Object.fromEntries(running.sandbox.emulators.zoom.counters)).toEqual({ 'sessions.recordings': 1 });
  });

  it('gives partial pages naming a failing vendor, and loses nothing once it recovers', async () => {
    const first = 6;
    const failing = new Set<number>();
    const ids = await walk({ first }, (res, i) => {
      // Bird's list answers 503 to the second page's call and both its retries (the sandbox
      // adapters' defaults: two retries, a circuit opening only after five failures).
      if (i === 0) running.sandbox.emulators.bird.injectFault({ kind: 'status', status: 503, times: 3, route: 'recordings.list' });
      if (!res.body.errors) return;
      failing.add(i);
      expect(res.body.errors).toEqual([
        { message: expect.stringMatching(/^Bird /), path: ['recordings'], extensions: { code: 'PROVIDER_UNAVAILABLE', provider: 'bird' } },
      ]);
      const page = res.body.data!.recordings;
      expect(page.edges.length).toBeGreaterThan(0);
      expect(page.nodes.every((n) => !n.id.includes('/bird/'))).toBe(true);
    });
    expect([...failing]).toEqual([1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(timeline(all).sort());
  });

  it('makes no vendor call for a tampered cursor', async () => {
    const page = await gql<Page>(running.app.url, LIST, { first: 2 });
    const cursor = page.body.data!.recordings.pageInfo.endCursor!;
    running.resetCounters();
    const flipped = cursor.slice(0, 20) + (cursor[20] === 'A' ? 'B' : 'A') + cursor.slice(21);
    const res = await gql<Page>(running.app.url, LIST, { first: 2, after: flipped });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(running.vendorCalls()).toBe(0);
  });
});
