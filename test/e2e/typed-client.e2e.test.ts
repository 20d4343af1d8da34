import { canHaveLink } from '../../src/domain/link-rule';
import {
  ManyDocument,
  RecordingDocument,
  SessionDocument,
  TimelineDocument,
  type ManyQuery,
  type RecordingFilter,
  type RecordingQuery,
  type SessionQuery,
  type TimelineQuery,
} from '../../src/clients/generated/graphql';
import { execute } from '../../src/clients/request';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/provider-name';
import { encodeGlobalId, recordingGlobalId } from '../../src/ids/global-id';
import { compareTimeline } from '../../src/timeline/order';
import { demoRecordings } from '../../src/demo/demo-data';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';

type ManyNode = NonNullable<ManyQuery['nodes'][number]>;
type ManyRecording = Extract<ManyNode, { provider: unknown }>;

/**
 * A plain TypeScript client, the way a frontend would use the generated code: the
 * committed example operations (src/clients/operations) as typed document nodes, sent with
 * fetch to the server started as `npm start` starts it (sandbox mode). Every field read
 * here is type-checked against schema/schema.graphql by `npm run typecheck`, so a schema
 * change that breaks these operations breaks the build before it breaks a client.
 */
describe('typed client from codegen against the running server', () => {
  let server: SpawnedServer;
  let endpoint: string;
  const demo = demoRecordings();
  const ready = (p: ProviderName) => demo[p].find((r) => r.status === 'READY' && r.sessionKey)!;

  beforeAll(async () => {
    server = await spawnServer({ NODE_ENV: 'development' });
    endpoint = `${server.url}/graphql`;
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it.each(PROVIDER_NAMES)('Recording: a %s recording with its session, storage and link, as typed data', async (provider) => {
    const rec = ready(provider);
    const { data, errors } = await execute(endpoint, RecordingDocument, { id: recordingGlobalId(rec) });
    expect(errors).toEqual([]);
    const recording: NonNullable<RecordingQuery['recording']> = data!.recording!;
    expect(recording).toMatchObject({
      id: recordingGlobalId(rec),
      provider: provider.toUpperCase(),
      nativeId: rec.nativeId,
      status: 'READY',
    });
    expect(recording.storage?.kind).toBe(rec.storage?.kind);
    expect(recording.session?.id).toBe(encodeGlobalId('Session', provider, rec.sessionKey!));
    expect(recording.session?.recordings.map((r) => r.id)).toContain(recording.id);
    if (recording.startedAt !== null) expect(Number.isNaN(Date.parse(recording.startedAt))).toBe(false);
    expect(recording.accessLink).not.toBeNull();
    expect(new URL(recording.accessLink!.url).protocol).toMatch(/^https?:$/);
    expect(['ATTACHMENT', 'INLINE', 'UNKNOWN']).toContain(recording.accessLink!.disposition);
  });

  it('Many: one recording per vendor through nodes(ids:), in order', async () => {
    const ids = PROVIDER_NAMES.map((p) => recordingGlobalId(ready(p)));
    const { data, errors } = await execute(endpoint, ManyDocument, { ids });
    expect(errors).toEqual([]);
    const nodes = data!.nodes.filter((n): n is ManyRecording => n !== null && 'provider' in n);
    expect(nodes.map((n) => n.id)).toEqual(ids);
    expect(nodes.map((n) => n.provider)).toEqual(PROVIDER_NAMES.map((p) => p.toUpperCase()));
    expect(nodes.every((n) => n.status === 'READY' && n.session !== null)).toBe(true);
  });

  it('Session: a session with every recording and its link', async () => {
    const rec = ready('daily');
    const id = encodeGlobalId('Session', 'daily', rec.sessionKey!);
    const { data, errors } = await execute(endpoint, SessionDocument, { id });
    const session: NonNullable<SessionQuery['session']> = data!.session!;
    expect(session.id).toBe(id);
    const inSession = demo.daily.filter((r) => JSON.stringify(r.sessionKey) === JSON.stringify(rec.sessionKey));
    expect(session.recordings.map((r) => r.id).sort()).toEqual(inSession.map(recordingGlobalId).sort());
    expect(session.recordings.length).toBeGreaterThan(0);
    // The link rule (docs/api.md): READY recordings get a link, the others a coded error on it.
    const linkable = new Set(inSession.filter((r) => canHaveLink(r.status)).map(recordingGlobalId));
    for (const r of session.recordings) {
      if (linkable.has(r.id)) expect(r.accessLink?.url).toMatch(/^https?:\/\//);
      else expect(r.accessLink).toBeNull();
    }
    expect(errors.map((e) => e.extensions?.code)).toEqual(
      session.recordings.filter((r) => !linkable.has(r.id)).map(() => 'UNSUPPORTED_BY_PROVIDER'),
    );
  });

  it('Timeline: walks every READY recording across the five vendors, newest first, page by page', async () => {
    const filter: RecordingFilter = { statuses: ['READY'] };
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const { data, errors } = await execute(endpoint, TimelineDocument, { filter, first: 7, after });
      expect(errors).toEqual([]);
      const page: TimelineQuery['recordings'] = data!.recordings;
      expect(page.edges.every((e) => e.node.status === 'READY')).toBe(true);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    const expected = Object.values(demo)
      .flat()
      .filter((r) => r.status === 'READY')
      .sort(compareTimeline)
      .map(recordingGlobalId);
    expect(seen).toEqual(expected);
  });

  it('gets the coded error a client branches on, typed alongside partial data', async () => {
    const { data, errors } = await execute(endpoint, RecordingDocument, { id: 'gid://recording-graph/Recording/daily/not a uuid' });
    expect(data?.recording ?? null).toBeNull();
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
