import type { RecordingData } from '../../src/domain/model';
import { PROVIDER_NAMES } from '../../src/domain/provider-name';
import { encodeGlobalId, recordingGlobalId } from '../../src/ids/global-id';
import { demoRecordings } from '../../src/sandbox/demo-data';
import { gql } from '../support/graphql-client';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';

const RECORDING_FIELDS = `id provider nativeId status providerStatus format durationSecs sizeBytes channels startedAt endedAt createdAt
  storage { kind bucket region path host port username authMethod streamingAllowed }`;

/**
 * The server started the way `npm start` starts it (built `dist/index.js`, no vendor
 * credentials, so in sandbox mode), queried over HTTP for every vendor.
 */
describe('npm start in sandbox mode, end to end', () => {
  let server: SpawnedServer;
  const demo = demoRecordings();

  beforeAll(async () => {
    server = await spawnServer({ NODE_ENV: 'development' });
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('says in its log that it runs in sandbox mode, open, with the emulators on loopback', () => {
    const log = server.output.join('\n');
    expect(log).toMatch(/sandbox mode/);
    expect(log).toMatch(/API_KEYS is not set/);
    for (const p of PROVIDER_NAMES) expect(log).toMatch(new RegExp(`"${p}":"http://127\\.0\\.0\\.1:\\d+"`));
  });

  describe.each(PROVIDER_NAMES)('%s', (provider) => {
    const ready = (): RecordingData => demo[provider].find((r) => r.status === 'READY' && r.sessionKey)!;

    it('serves a demo recording with its session, storage and a link', async () => {
      const rec = ready();
      const res = await gql(server.url, `query($id: ID!) { recording(id: $id) { ${RECORDING_FIELDS} session { id kind recordings { id } } accessLink { url expiresAt validForSecs format disposition } } }`, {
        id: recordingGlobalId(rec),
      });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const got = res.body.data?.recording as Record<string, unknown> & { session: { id: string; recordings: Array<{ id: string }> }; accessLink: { url: string } | null };
      expect(got).toMatchObject({ id: recordingGlobalId(rec), provider: provider.toUpperCase(), nativeId: rec.nativeId, status: 'READY' });
      expect(got.session.id).toBe(encodeGlobalId('Session', provider, rec.sessionKey!));
      expect(got.session.recordings.map((r) => r.id)).toContain(recordingGlobalId(rec));
      if (got.accessLink) expect(got.accessLink.url).toMatch(/^https?:\/\//);
    });

    it('round-trips the session id through node(id:)', async () => {
      const rec = ready();
      const sessionId = encodeGlobalId('Session', provider, rec.sessionKey!);
      const res = await gql(server.url, `query($id: ID!) { node(id: $id) { id ... on Session { recordings { id } } } }`, { id: sessionId });
      expect(res.body.errors).toBeUndefined();
      expect((res.body.data?.node as { id: string }).id).toBe(sessionId);
    });

    it('answers a recording the vendor does not have with null and NOT_FOUND', async () => {
      const rec = ready();
      const missing = [...rec.key];
      missing[missing.length - 1] = provider === 'zoom' ? 'no-such-file' : '00000000-0000-4000-8000-000000000000';
      const res = await gql(server.url, `query($id: ID!) { recording(id: $id) { id } }`, { id: encodeGlobalId('Recording', provider, missing) });
      expect(res.body.data).toEqual({ recording: null });
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', provider });
    });
  });

  it('answers a malformed id with BAD_USER_INPUT', async () => {
    const res = await gql(server.url, `{ recording(id: "gid://recording-graph/Recording/zoom/..") { id } }`);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('serves many recordings across all five vendors in one request', async () => {
    const ids = PROVIDER_NAMES.flatMap((p) => demo[p].slice(0, 5).map(recordingGlobalId));
    const res = await gql(server.url, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { provider session { id } } } }`, { ids });
    expect((res.body.data?.nodes as Array<{ id: string }>).map((n) => n?.id)).toEqual(ids);
  });
});
