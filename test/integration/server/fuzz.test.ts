import fc from 'fast-check';
import type { RunningApp } from '../../../src/app';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { ErrorCode } from '../../../src/errors/error-codes';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import type { Sandbox } from '../../../src/sandbox/start-sandbox';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { gql } from '../../support/graphql-client';

/**
 * Every code a client may get for bad input or a vendor's answer. INTERNAL_SERVER_ERROR is
 * left out on purpose: it is what a crash (a thrown non-coded error) is masked as.
 */
const CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

/** Arbitrary strings as ids and arguments: always a clean coded answer, never a crash or a stray vendor call. */
describe('fuzzing ids and arguments', () => {
  let sandbox: Sandbox;
  let app: RunningApp;
  let running: SandboxApp;
  let realCursor: string;

  beforeAll(async () => {
    running = await startSandboxApp();
    ({ sandbox, app } = running);
    const first = await gql<{ recordings: { pageInfo: { endCursor: string } } }>(
      app.url,
      '{ recordings(first: 2) { pageInfo { endCursor } } }',
    );
    realCursor = first.body.data!.recordings.pageInfo.endCursor;
  });
  afterAll(() => running.close());

  // Strings shaped like ids often enough to get past the prefix check.
  const idLike = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc
      .tuple(
        fc.constantFrom('Recording', 'Session', 'Other'),
        fc.constantFrom(...PROVIDER_NAMES, 'x'),
        fc.array(fc.string({ maxLength: 40, unit: 'binary' }), { minLength: 0, maxLength: 3 }),
      )
      .map(([t, p, segs]) => `gid://recording-graph/${t}/${p}/${segs.join('/')}`),
    fc
      .array(fc.constantFrom('..', '.', '%2F', '%2E%2E', '%252F', '/', 'a', '%', '?', '#'), { maxLength: 6 })
      .map((parts) => `gid://recording-graph/Recording/zoom/${parts.join('')}/x`),
  );

  // Any JSON value where a typed variable is expected: wrong types must be refused, not crash.
  const anything = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  );

  // Date-ish strings: valid, out of range, half-formed, and anything else.
  const dateLike = fc.oneof(
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.constantFrom(
      '2025-02-30T00:00:00Z',
      '0000-00-00',
      '9999-12-31T23:59:59.999Z',
      '+275760-09-13T00:00:00.000Z',
      '2025-01-01',
      'now',
      '',
    ),
    anything,
  );

  // Cursors: arbitrary strings, and a real one truncated, extended or with one character changed.
  const cursorsAround = (real: string) =>
    fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.nat({ max: real.length }).map((n) => real.slice(0, n)),
      fc
        .tuple(fc.nat({ max: real.length - 1 }), fc.constantFrom('A', '_', '-', '=', '.', '%'))
        .map(([i, c]) => real.slice(0, i) + c + real.slice(i + 1)),
      fc.string({ maxLength: 20 }).map((tail) => real + tail),
      anything,
    );

  async function expectCleanAnswer(query: string, variables: Record<string, unknown>) {
    const res = await gql(app.url, query, variables);
    expect([200, 400]).toContain(res.status);
    for (const error of res.body.errors ?? []) expect(CODES).toContain(error.extensions?.code);
  }

  afterEach(() => {
    for (const e of Object.values(sandbox.emulators)) {
      expect(e.counters.get('unmatched') ?? 0).toBe(0);
      for (const entry of e.log) expect(entry.path).not.toMatch(/(^|\/)\.\.?(\/|$)/);
    }
  });

  it('node(id:) and accessLink(validForSecs:)', async () => {
    await fc.assert(
      fc.asyncProperty(idLike, fc.integer({ min: -1_000_000, max: 2_000_000 }), (id, v) =>
        expectCleanAnswer(`query($id: ID!, $v: Int) { node(id: $id) { id ... on Recording { accessLink(validForSecs: $v) { url } } } }`, {
          id,
          v,
        }),
      ),
      { numRuns: 150 },
    );
  });

  it('nodes(ids:), including more ids than allowed and values of the wrong type', async () => {
    const ids = fc.oneof(fc.array(idLike, { maxLength: 12 }), fc.array(idLike, { minLength: 251, maxLength: 260 }), anything);
    await fc.assert(
      fc.asyncProperty(ids, (value) =>
        expectCleanAnswer(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { status session { id } } } }`, { ids: value }),
      ),
      { numRuns: 60 },
    );
  });

  it('session(id:) with its recordings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(idLike, anything), (id) =>
        expectCleanAnswer(`query($id: ID!) { session(id: $id) { id name recordings { id status } } }`, { id }),
      ),
      { numRuns: 100 },
    );
  });

  describe('documents built to be costly: fragments spread inside fragments, many aliases', () => {
    /** A document whose fields multiply through `levels` fragments of `fanout` spreads each, under `aliases` root fields. */
    const costly = fc.record({
      levels: fc.integer({ min: 1, max: 4 }),
      fanout: fc.integer({ min: 1, max: 30 }),
      leaf: fc.constantFrom('id', 'status', 'accessLink { url }', 'session { id }', 'session { recordings { id } }'),
      aliases: fc.integer({ min: 1, max: 30 }),
      root: fc.constantFrom('nodes', 'recordings', 'session'),
      ids: fc.integer({ min: 0, max: 250 }),
    });

    it('answers each cleanly, and a refused one costs no vendor call', async () => {
      const demo = demoRecordings().daily;
      const ids = (n: number) => Array.from({ length: n }, (_, i) => recordingGlobalId(demo[i % demo.length]));
      const session = `gid://recording-graph/Session/daily/${demo[0].sessionKey!.map(encodeURIComponent).join('/')}`;
      await fc.assert(
        fc.asyncProperty(costly, async ({ levels, fanout, leaf, aliases, root, ids: n }) => {
          const fragments = Array.from({ length: levels }, (_, i) =>
            i === levels - 1
              ? `fragment F${i} on Recording { ${`${leaf} `.repeat(fanout)}}`
              : `fragment F${i} on Recording { ${`...F${i + 1} `.repeat(fanout)}}`,
          ).join(' ');
          const field = (i: number) =>
            root === 'nodes'
              ? `a${i}: nodes(ids: $ids) { ...F0 }`
              : root === 'recordings'
                ? `a${i}: recordings(first: 100) { nodes { ...F0 } }`
                : `a${i}: session(id: $sid) { recordings { ...F0 } }`;
          const variables = root === 'nodes' ? { ids: ids(n) } : root === 'session' ? { sid: session } : {};
          const header = root === 'nodes' ? 'query($ids: [ID!]!)' : root === 'session' ? 'query($sid: ID!)' : 'query';
          running.resetCounters();
          const res = await gql(
            app.url,
            `${header} { ${Array.from({ length: aliases }, (_, i) => field(i)).join(' ')} } ${fragments}`,
            variables,
          );
          expect([200, 400]).toContain(res.status);
          for (const error of res.body.errors ?? []) expect(CODES).toContain(error.extensions?.code);
          if (res.status === 400) expect(running.vendorCalls()).toBe(0);
          // Far more fields than any cost measure walks: refused, never run unmeasured.
          if (aliases * fanout ** levels > 20_000) expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        }),
        {
          numRuns: 40,
          examples: [
            [{ levels: 3, fanout: 25, leaf: 'accessLink { url }', aliases: 1, root: 'nodes', ids: 250 }],
            [{ levels: 3, fanout: 25, leaf: 'id', aliases: 20, root: 'nodes', ids: 250 }],
          ],
        },
      );
    });
  });

  it('recordings(filter:, first:, after:)', async () => {
    const filter = fc.oneof(
      fc.record(
        {
          providers: fc.oneof(
            fc.array(fc.constantFrom('DAILY', 'SIGNALWIRE', 'ZOOM', 'BIRD', 'CLOUDFLARE', 'daily', 'OTHER'), { maxLength: 3 }),
            anything,
          ),
          statuses: fc.oneof(fc.array(fc.constantFrom('READY', 'FAILED', 'PROCESSING', 'ready', 'NOPE'), { maxLength: 3 }), anything),
          sessionId: fc.oneof(idLike, anything),
          startedAfter: dateLike,
          startedBefore: dateLike,
        },
        { requiredKeys: [] },
      ),
      anything,
    );
    const first = fc.oneof(fc.integer({ min: -5, max: 105 }), fc.integer(), anything);
    await fc.assert(
      fc.asyncProperty(filter, first, cursorsAround(realCursor), fc.boolean(), (f, n, after, withAfter) =>
        expectCleanAnswer(
          `query($filter: RecordingFilter, $first: Int, $after: String) { recordings(filter: $filter, first: $first, after: $after) { edges { cursor node { id } } nodes { session { id } } pageInfo { hasNextPage endCursor } } }`,
          { filter: f, first: n, ...(withAfter ? { after } : {}) },
        ),
      ),
      { numRuns: 150 },
    );
  });
});
