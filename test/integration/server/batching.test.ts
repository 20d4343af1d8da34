import type { RunningApp } from '../../../src/app';
import { canHaveLink } from '../../../src/domain/link-rule';
import type { RecordingData } from '../../../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../../../src/domain/provider-name';
import { encodeGlobalId, recordingGlobalId } from '../../../src/ids/global-id';
import { seedCloudflare } from '../../../src/sandbox/cloudflare/cloudflare.seed';
import { demoRecordings } from '../../../src/demo/demo-data';
import type { RequestLogEntry } from '../../../src/sandbox/emulator';
import type { Sandbox } from '../../../src/sandbox/start-sandbox';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { gql } from '../../support/graphql-client';

const distinct = (values: string[]) => new Set(values).size;
const sessionOf = (r: RecordingData) => JSON.stringify(r.sessionKey);

/**
 * The exact number of vendor calls the benchmark's scenarios make, over the emulators'
 * per-route counters, and proof that vendors are called in parallel.
 */
describe('batching across vendors', () => {
  let sandbox: Sandbox;
  let app: RunningApp;
  const demo = demoRecordings();

  let running: SandboxApp;

  beforeAll(async () => {
    running = await startSandboxApp();
    ({ sandbox, app } = running);
  });
  afterAll(() => running.close());
  beforeEach(() => running.resetCounters());

  const counts = () => Object.fromEntries(PROVIDER_NAMES.map((p) => [p, Object.fromEntries(sandbox.emulators[p].counters)]));
  const noDuplicates = () => {
    for (const e of Object.values(sandbox.emulators)) {
      const keys = e.log.map((l) => `${l.path}?${JSON.stringify(l.query)}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  };

  it('scenario 2: 100 recordings over five vendors with session and link cost exactly the minimum', async () => {
    const many = PROVIDER_NAMES.flatMap((p) => demo[p].slice(0, 20));
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { status session { name } accessLink { url expiresAt } } } }`;
    const ids = many.map(recordingGlobalId);
    // The link rule (docs/api.md): a recording that cannot have a file gets no link.
    const refused = many.filter((r) => !canHaveLink(r.status));
    const refusedAt = (p: ProviderName) => refused.filter((r) => r.provider === p).length;
    expect(refusedAt('daily') + refusedAt('bird')).toBeGreaterThan(0);

    // The first time this server meets these recordings: `session { name }` waits for each
    // recording's answer anyway, so its link call waits too and is made only where the rule
    // allows one (docs/performance.md, "Prefetched links"): no call is made for nothing.
    const res = await gql(app.url, query, { ids });
    expect((res.body.data?.nodes as unknown[]).filter(Boolean)).toHaveLength(100);
    const of = (p: ProviderName) => many.filter((r) => r.provider === p);
    const withSession = (p: ProviderName) => of(p).filter((r) => r.sessionKey);
    const nodes = res.body.data?.nodes as Array<{ id: string; accessLink: unknown } | null>;
    for (const r of refused) expect(nodes.find((n) => n?.id === recordingGlobalId(r))?.accessLink).toBeNull();
    // Only recordings that can have a file cost a link call.
    const linkable = (p: ProviderName) => of(p).filter((r) => canHaveLink(r.status)).length;
    const cfMeetings = new Map(seedCloudflare().sessions.map((s) => [s.id, s.associated_id]));
    expect(counts()).toEqual({
      // A GET each; one list per room; a link each that can have one.
      daily: {
        'recordings.get': 20,
        'recordings.list': distinct(withSession('daily').map((r) => r.sessionKey![0])),
        'recordings.access-link': linkable('daily'),
      },
      // A GET each; one list per call or conference; links need no call.
      signalwire: { 'recordings.get': 20, 'recordings.list': distinct(withSession('signalwire').map(sessionOf)) },
      // One call per session serves files, session and tokens (the operation's link validity is known up front).
      zoom: { 'sessions.recordings': distinct(of('zoom').map((r) => r.key[0])) },
      // A GET each; one list per sourceId; a media redirect each that can have one.
      bird: {
        'recordings.get': 20,
        'recordings.list': distinct(withSession('bird').map((r) => r.sessionKey![1])),
        'recordings.media': linkable('bird'),
      },
      // A GET each; session details each; one list per meeting; links need no call.
      cloudflare: {
        'recordings.get': 20,
        'sessions.get': distinct(withSession('cloudflare').map(sessionOf)),
        'recordings.list': distinct(withSession('cloudflare').map((r) => cfMeetings.get(r.sessionKey![0])!)),
      },
    });
    noDuplicates();
  });

  it.each(PROVIDER_NAMES)('scenario 3: a %s session with all its recordings and links costs exactly the minimum', async (provider) => {
    const recs = demo[provider].filter((r) => r.sessionKey);
    const key = recs[0].sessionKey!;
    const inSession = recs.filter((r) => sessionOf(r) === JSON.stringify(key)).length;
    const linkable = recs.filter((r) => sessionOf(r) === JSON.stringify(key) && canHaveLink(r.status)).length;
    const res = await gql(app.url, `query($id: ID!) { session(id: $id) { name recordings { id accessLink { url } } } }`, {
      id: encodeGlobalId('Session', provider, key),
    });
    expect((res.body.data?.session as { recordings: unknown[] }).recordings).toHaveLength(inSession);
    const expected: Record<ProviderName, Record<string, number>> = {
      daily: { 'recordings.list': 1, 'recordings.access-link': linkable },
      signalwire: { 'recordings.list': 1 },
      zoom: { 'sessions.recordings': 1 },
      bird: { 'recordings.list': 1, 'recordings.media': linkable },
      cloudflare: { 'sessions.get': 1, 'recordings.list': 1 },
    };
    expect(Object.fromEntries(sandbox.emulators[provider].counters)).toEqual(expected[provider]);
    noDuplicates();
  });

  it('calls the five vendors in parallel, not one after another', async () => {
    for (const e of Object.values(sandbox.emulators)) e.latencyMs = 200;
    try {
      const ids = PROVIDER_NAMES.map((p) => recordingGlobalId(demo[p][0]));
      await gql(app.url, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
      const first = PROVIDER_NAMES.map((p) => sandbox.emulators[p].log[0]);
      expect(first.every(Boolean)).toBe(true);
      // Every vendor's call had arrived before any of them was answered.
      expect(Math.max(...first.map((l) => l.receivedAt))).toBeLessThan(Math.min(...first.map((l) => l.answeredAt)));
    } finally {
      for (const e of Object.values(sandbox.emulators)) e.latencyMs = 0;
    }
  });

  /** Most calls of `entries` in flight at one moment, from the emulator's own times. */
  const mostInFlight = (entries: RequestLogEntry[]): number =>
    Math.max(...entries.map((at) => entries.filter((e) => e.receivedAt <= at.receivedAt && at.receivedAt < e.answeredAt).length));

  it('overlaps calls within a vendor up to its concurrency bound, and a whole dependent query takes a fraction of its calls', async () => {
    // A bound below the calls one vendor gets, so the test sees it hold.
    const bound = 8;
    const small = await startSandboxApp({}, { maxConcurrency: bound });
    const emulators = small.sandbox.emulators;
    for (const e of Object.values(emulators)) e.latencyMs = 200;
    try {
      const perVendor = 15;
      const ids = PROVIDER_NAMES.flatMap((p) => demo[p].slice(0, perVendor).map(recordingGlobalId));
      const res = await gql(
        small.app.url,
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { session { name } accessLink { url } } } }`,
        { ids },
      );
      // The demo data holds deliberate edge cases (a Daily link that is blocked): only links may fail.
      for (const error of (res.body.errors ?? []) as Array<{ path: unknown[] }>) expect(error.path.at(-1)).toBe('accessLink');
      expect((res.body.data?.nodes as unknown[]).filter(Boolean)).toHaveLength(ids.length);

      // (a) The vendors without a batch endpoint get one GET per recording (Daily and Bird a
      // link call each beside it): those calls run side by side, as many at once as the
      // vendor's bound allows and never more.
      for (const p of ['daily', 'signalwire', 'bird', 'cloudflare'] as const) {
        expect(emulators[p].log.filter((e) => e.route === 'recordings.get')).toHaveLength(perVendor);
        expect(small.sandbox.providers[p]!.maxConcurrency).toBe(bound);
        expect({ vendor: p, inFlight: mostInFlight(emulators[p].log) }).toEqual({ vendor: p, inFlight: bound });
      }

      // (b) Recordings, then sessions and links that depend on them, over all five vendors:
      // from the first call received to the last answered is well under the calls' sum.
      const log = Object.values(emulators).flatMap((e) => e.log);
      const sum = log.reduce((total, e) => total + (e.answeredAt - e.receivedAt), 0);
      const span = Math.max(...log.map((e) => e.answeredAt)) - Math.min(...log.map((e) => e.receivedAt));
      expect(log.length).toBeGreaterThan(PROVIDER_NAMES.length * 2);
      expect(span).toBeLessThan(sum / 3);
    } finally {
      await small.close();
    }
  });
});
