import { canHaveLink } from '../../../src/domain/link-rule';
import type { RecordingData } from '../../../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../../../src/domain/provider-name';
import { encodeGlobalId, recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import type { Emulator, RequestLogEntry } from '../../../src/sandbox/emulator';
import { gql, type GraphQLResponse } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

/**
 * Every call starts as soon as what it needs is known, and what is known costs nothing
 * (docs/performance.md), proven over the emulators' own request logs; and the answers stay
 * exactly those of lazy resolution, compared with a server that resolves every field in
 * GraphQL's nesting order (RECORDING_GRAPH_BATCHING=off: no memo, hence no prefetch).
 */
describe('latency: calls at the depth of their real dependencies', () => {
  let running: SandboxApp;
  let lazy: SandboxApp;
  const demo = demoRecordings();

  beforeAll(async () => {
    [running, lazy] = await Promise.all([startSandboxApp(), startSandboxApp({ RECORDING_GRAPH_BATCHING: 'off' })]);
  });
  afterAll(async () => {
    await Promise.all([running.close(), lazy.close()]);
  });
  beforeEach(() => {
    for (const app of [running, lazy]) {
      app.resetCounters();
      for (const e of Object.values(app.sandbox.emulators)) {
        e.clearFaults();
        e.latencyMs = 0;
      }
    }
  });

  const emulator = (vendor: ProviderName, app = running): Emulator => app.sandbox.emulators[vendor];
  const calls = (vendor: ProviderName, app = running) => Object.fromEntries(emulator(vendor, app).counters);
  const allCalls = (app = running) => Object.fromEntries(PROVIDER_NAMES.map((p) => [p, calls(p, app)]));
  /** Both sides, same operation; the lazy server's answer is the reference. */
  const both = async (query: string, variables: Record<string, unknown>) => {
    const [fast, slow] = await Promise.all([gql(running.app.url, query, variables), gql(lazy.app.url, query, variables)]);
    return { fast, slow };
  };
  const shape = (res: GraphQLResponse) => ({
    data: res.body.data,
    errors: (res.body.errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code, message: e.message })),
  });

  /** A recording whose link the vendor grants (the demo data holds a Daily link that is refused). */
  const linkable = async (vendor: ProviderName): Promise<RecordingData> => {
    for (const rec of demo[vendor].filter((r) => r.status === 'READY')) {
      const res = await gql(lazy.app.url, `query($id: ID!) { recording(id: $id) { accessLink { url } } }`, { id: recordingGlobalId(rec) });
      if (!res.body.errors && (res.body.data?.recording as { accessLink: unknown } | null)?.accessLink) return rec;
    }
    throw new Error(`no ${vendor} demo recording with a link`);
  };

  const LINK_ROUTE = { daily: 'recordings.access-link', bird: 'recordings.media' } as const;
  const overlapped = (a: RequestLogEntry, b: RequestLogEntry) =>
    Math.max(a.receivedAt, b.receivedAt) < Math.min(a.answeredAt, b.answeredAt);

  describe.each(['daily', 'bird'] as const)('%s: recording + link', (vendor) => {
    it('starts the link call with the recording call: both arrive before either is answered', async () => {
      const rec = await linkable(vendor);
      running.resetCounters();
      emulator(vendor).latencyMs = 150;
      const query = `query($id: ID!) { recording(id: $id) { status accessLink(validForSecs: 1800) { url } } }`;
      const res = await gql(running.app.url, query, { id: recordingGlobalId(rec) });
      expect(res.body.errors).toBeUndefined();
      const log = emulator(vendor).log;
      expect(log.map((l) => l.route).sort()).toEqual([LINK_ROUTE[vendor], 'recordings.get'].sort());
      expect(overlapped(log[0], log[1])).toBe(true);
      // The same answer, shape for shape, as resolving in nesting order (the URL is minted anew).
      const slow = await gql(lazy.app.url, query, { id: recordingGlobalId(rec) });
      expect(Object.keys((res.body.data?.recording as { accessLink: object }).accessLink)).toEqual(['url']);
      expect((res.body.data?.recording as { status: string }).status).toBe((slow.body.data?.recording as { status: string }).status);
    });

    it('does the same under nodes(ids:) and federation _entities', async () => {
      const rec = await linkable(vendor);
      running.resetCounters();
      emulator(vendor).latencyMs = 150;
      const id = recordingGlobalId(rec);
      await gql(running.app.url, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { accessLink { url } } } }`, { ids: [id] });
      let log = emulator(vendor).log;
      expect(log).toHaveLength(2);
      expect(overlapped(log[0], log[1])).toBe(true);

      running.resetCounters();
      const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Recording { id accessLink { url } } } }`;
      const res = await gql(running.app.url, entities, { r: [{ __typename: 'Recording', id }] });
      expect(res.body.errors).toBeUndefined();
      log = emulator(vendor).log;
      expect(log).toHaveLength(2);
      expect(overlapped(log[0], log[1])).toBe(true);
    });

    it('never mints a planned link that the operation does not select', async () => {
      const rec = await linkable(vendor);
      running.resetCounters();
      const id = recordingGlobalId(rec);
      const skipped = [
        [`query($id: ID!, $on: Boolean!) { recording(id: $id) { status accessLink @include(if: $on) { url } } }`, { id, on: false }],
        [`query($id: ID!, $off: Boolean!) { recording(id: $id) { status ... @skip(if: $off) { accessLink { url } } } }`, { id, off: true }],
        [`query($id: ID!) { recording(id: $id) { status ...L @skip(if: true) } } fragment L on Recording { accessLink { url } }`, { id }],
        // A link only under a Session branch: this id is a recording's.
        [`query($id: ID!) { node(id: $id) { id ... on Session { recordings { accessLink { url } } } } }`, { id }],
        // Out of bounds: refused before any call, as without the prefetch.
        [`query($id: ID!) { recording(id: $id) { status accessLink(validForSecs: 0) { url } } }`, { id }],
      ] as const;
      for (const [query, variables] of skipped) {
        const { fast, slow } = await both(query, variables);
        expect(shape(fast)).toEqual(shape(slow));
      }
      expect(calls(vendor)).toEqual({ 'recordings.get': skipped.length });
    });

    it('puts a prefetched call’s failure on the same path as resolving in order', async () => {
      const rec = await linkable(vendor);
      const query = `query($id: ID!) { recording(id: $id) { id status accessLink { url } } }`;
      for (const app of [running, lazy]) emulator(vendor, app).injectFault({ kind: 'status', status: 500, route: LINK_ROUTE[vendor] });
      const { fast, slow } = await both(query, { id: recordingGlobalId(rec) });
      expect(fast.body.errors?.map((e) => e.path)).toEqual([['recording', 'accessLink']]);
      expect(shape(fast)).toEqual(shape(slow));
    });

    it('answers a link the status rule refuses as without the prefetch: the prefetched answer is dropped', async () => {
      const rec = demo[vendor].find((r) => !canHaveLink(r.status))!;
      const { fast, slow } = await both(`query($id: ID!) { recording(id: $id) { id status accessLink { url } } }`, {
        id: recordingGlobalId(rec),
      });
      expect(fast.body.errors?.map((e) => e.path)).toEqual([['recording', 'accessLink']]);
      expect(shape(fast)).toEqual(shape(slow));
      // The lazy server never asked; this one did, alongside the recording (its first sight of
      // it), and kept nothing of it.
      expect(calls(vendor, lazy)).toEqual({ 'recordings.get': 1 });
      expect(calls(vendor)).toEqual({ 'recordings.get': 1, [LINK_ROUTE[vendor]]: 1 });

      // Now the server knows its status: asked again, no link call, the same answer.
      running.resetCounters();
      const again = await gql(running.app.url, `query($id: ID!) { recording(id: $id) { id status accessLink { url } } }`, {
        id: recordingGlobalId(rec),
      });
      expect(shape(again)).toEqual(shape(slow));
      expect(calls(vendor)).toEqual({ 'recordings.get': 1 });
    });

    it('when the session is loaded anyway, waits for the recording: the link runs beside the session call, and none is made for a refused recording', async () => {
      // A server that has met none of these recordings: what follows holds at first sight.
      const fresh = await startSandboxApp();
      try {
        const e = fresh.sandbox.emulators[vendor];
        const ready = demo[vendor].find((r) => r.sessionKey && r.status === 'READY' && r.knownLink !== null)!;
        const refused = demo[vendor].find((r) => r.sessionKey && !canHaveLink(r.status))!;
        const query = `query($id: ID!) { recording(id: $id) { status session { name } accessLink(validForSecs: 1800) { url } } }`;
        e.latencyMs = 100;
        const res = await gql(fresh.app.url, query, { id: recordingGlobalId(ready) });
        expect(res.body.errors).toBeUndefined();
        const [get, ...second] = e.log;
        expect(get.route).toBe('recordings.get');
        expect(second.map((l) => l.route).sort()).toEqual([LINK_ROUTE[vendor], 'recordings.list'].sort());
        // Two round trips, as the session needs: the link call starts once the recording has answered, beside the list.
        for (const l of second) expect(l.receivedAt).toBeGreaterThanOrEqual(get.answeredAt);
        expect(overlapped(second[0], second[1])).toBe(true);

        fresh.resetCounters();
        const slow = await gql(lazy.app.url, query, { id: recordingGlobalId(refused) });
        const fast = await gql(fresh.app.url, query, { id: recordingGlobalId(refused) });
        expect(shape(fast)).toEqual(shape(slow));
        expect(Object.fromEntries(e.counters)).toEqual({ 'recordings.get': 1, 'recordings.list': 1 });

        // A session field that is skipped loads nothing: the link is prefetched again.
        fresh.resetCounters();
        const skipped = `query($id: ID!) { recording(id: $id) { status session @skip(if: true) { name } accessLink(validForSecs: 1800) { url } } }`;
        expect((await gql(fresh.app.url, skipped, { id: recordingGlobalId(ready) })).body.errors).toBeUndefined();
        expect(e.log).toHaveLength(2);
        expect(overlapped(e.log[0], e.log[1])).toBe(true);
      } finally {
        await fresh.close();
      }
    });

    it('with the cross-request cache, mints one link per recording and none while it is cached', async () => {
      const rec = await linkable(vendor);
      const cached = await startSandboxApp({ CACHE: 'on' });
      try {
        const query = `query($id: ID!) { recording(id: $id) { status accessLink(validForSecs: 1800) { url } } }`;
        const first = await gql(cached.app.url, query, { id: recordingGlobalId(rec) });
        expect(first.body.errors).toBeUndefined();
        expect(Object.fromEntries(cached.sandbox.emulators[vendor].counters)).toEqual({ 'recordings.get': 1, [LINK_ROUTE[vendor]]: 1 });
        cached.resetCounters();
        const second = await gql(cached.app.url, query, { id: recordingGlobalId(rec) });
        expect(second.body.data).toEqual(first.body.data);
        // Bird presigns for a fixed 600 s, less than the 1800 s asked: never reusable (docs/vendors/bird.md).
        expect(Object.fromEntries(cached.sandbox.emulators[vendor].counters)).toEqual(
          vendor === 'daily' ? {} : { [LINK_ROUTE[vendor]]: 1 },
        );
      } finally {
        await cached.close();
      }
    });

    it('reports nothing of a prefetched link whose recording does not exist', async () => {
      const missing = encodeGlobalId('Recording', vendor, [
        vendor === 'daily' ? 'no-such-recording' : '00000000-0000-4000-8000-000000000000',
      ]);
      const { fast, slow } = await both(`query($id: ID!) { recording(id: $id) { id accessLink { url } } }`, { id: missing });
      expect(fast.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['recording'], 'NOT_FOUND']]);
      expect(shape(fast)).toEqual(shape(slow));
    });
  });

  it.each(PROVIDER_NAMES)(
    '%s: session { id nativeId provider kind } costs no call, and says what the session itself says',
    async (vendor) => {
      const rec = demo[vendor].find((r) => r.sessionKey)!;
      const id = recordingGlobalId(rec);
      await gql(running.app.url, `query($id: ID!) { recording(id: $id) { id } }`, { id });
      const alone = allCalls();
      running.resetCounters();
      const res = await gql(
        running.app.url,
        `query($id: ID!) { recording(id: $id) { id session { __typename id nativeId provider kind } } }`,
        { id },
      );
      expect(res.body.errors).toBeUndefined();
      expect(allCalls()).toEqual(alone);
      // The session loaded by its own id answers the same four fields.
      const session = (res.body.data?.recording as { session: { id: string } }).session;
      const loaded = await gql(running.app.url, `query($id: ID!) { session(id: $id) { __typename id nativeId provider kind } }`, {
        id: session.id,
      });
      expect(loaded.body.data?.session).toEqual(session);
      expect(session.id).toBe(encodeGlobalId('Session', vendor, rec.sessionKey!));
    },
  );

  it('a session field the recording does not hold still loads the session, on the same path as before', async () => {
    const rec = demo.daily.find((r) => r.sessionKey)!;
    const query = `query($id: ID!) { recording(id: $id) { session { id name } } }`;
    const { fast, slow } = await both(query, { id: recordingGlobalId(rec) });
    expect(calls('daily')).toEqual({ 'recordings.get': 1, 'recordings.list': 1 });
    expect(shape(fast)).toEqual(shape(slow));
  });

  it('the timeline with session { id } makes exactly the calls it makes without it', async () => {
    const page = (fields: string) => `{ recordings(first: 20) { nodes { id ${fields} } } }`;
    const without = await gql(running.app.url, page(''));
    const before = allCalls();
    running.resetCounters();
    const withSession = await gql(running.app.url, page('session { id nativeId provider kind }'));
    expect(withSession.body.errors).toBeUndefined();
    expect(allCalls()).toEqual(before);
    const ids = (res: GraphQLResponse) => (res.body.data?.recordings as { nodes: Array<{ id: string }> }).nodes.map((n) => n.id);
    expect(ids(withSession)).toEqual(ids(without));
  });
});
