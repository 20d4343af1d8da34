import type { RecordingData } from '../../src/domain/model';
import { PROVIDER_NAMES } from '../../src/domain/provider-name';
import { encodeGlobalId, recordingGlobalId } from '../../src/ids/global-id';
import { demoRecordings } from '../../src/demo/demo-data';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/app-config';
import { BIRD_SANDBOX_ACCESS_KEY, BIRD_SANDBOX_WORKSPACE_ID } from '../../src/sandbox/bird/bird.emulator';
import {
  CLOUDFLARE_SANDBOX_ACCOUNT_ID,
  CLOUDFLARE_SANDBOX_API_TOKEN,
  CLOUDFLARE_SANDBOX_APP_ID,
} from '../../src/sandbox/cloudflare/cloudflare.emulator';
import { DAILY_SANDBOX_API_KEY } from '../../src/sandbox/daily/daily.emulator';
import { SIGNALWIRE_SANDBOX_API_TOKEN } from '../../src/sandbox/signalwire/signalwire.emulator';
import { SIGNALWIRE_SANDBOX_PROJECT_ID } from '../../src/sandbox/signalwire/signalwire.seed';
import { ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET } from '../../src/sandbox/zoom/zoom.emulator';
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
  /** The server's JSON log lines so far (anything else it wrote is left out). */
  const logLines = (): Array<{ msg?: string; playground?: string; query?: string; emulators?: Record<string, string> }> =>
    server.output.flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });

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
    for (const p of PROVIDER_NAMES) expect(log).toMatch(new RegExp(`"${p}":"http://127\\.0\\.0\\.1:\\d+`));
  });

  it('prints the playground URL and a demo query that answers as it is', async () => {
    const line = logLines().find((l) => l.playground);
    expect(line?.playground).toBe(`${server.url}/graphql`);
    expect(line?.msg).toContain(`open ${server.url}/graphql in a browser`);
    const res = await gql(server.url, line!.query!);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.recording).toMatchObject({ provider: 'DAILY', status: 'READY' });
  });

  it('lists each emulator as its base-URL variable takes it: the logged URLs serve a server configured with them', async () => {
    const line = logLines().find((l) => l.emulators)!;
    const urls = line.emulators!;
    expect(urls.daily).toMatch(/\/v1$/);
    const configured = await startApp(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DAILY_API_KEY: DAILY_SANDBOX_API_KEY,
        DAILY_API_URL: urls.daily,
        SIGNALWIRE_PROJECT_ID: SIGNALWIRE_SANDBOX_PROJECT_ID,
        SIGNALWIRE_API_TOKEN: SIGNALWIRE_SANDBOX_API_TOKEN,
        SIGNALWIRE_SPACE_URL: urls.signalwire,
        ZOOM_API_KEY: ZOOM_SANDBOX_API_KEY,
        ZOOM_API_SECRET: ZOOM_SANDBOX_API_SECRET,
        ZOOM_API_URL: urls.zoom,
        BIRD_ACCESS_KEY: BIRD_SANDBOX_ACCESS_KEY,
        BIRD_WORKSPACE_ID: BIRD_SANDBOX_WORKSPACE_ID,
        BIRD_API_URL: urls.bird,
        CLOUDFLARE_API_TOKEN: CLOUDFLARE_SANDBOX_API_TOKEN,
        CLOUDFLARE_ACCOUNT_ID: CLOUDFLARE_SANDBOX_ACCOUNT_ID,
        CLOUDFLARE_APP_ID: CLOUDFLARE_SANDBOX_APP_ID,
        CLOUDFLARE_API_URL: urls.cloudflare,
      }),
    );
    try {
      expect(configured.sandbox).toBeUndefined();
      const ids = PROVIDER_NAMES.map((p) => recordingGlobalId(demo[p].find((r) => r.status === 'READY')!));
      const res = await gql(configured.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
      expect(res.body.errors).toBeUndefined();
      expect((res.body.data?.nodes as Array<{ id: string }>).map((n) => n.id)).toEqual(ids);
    } finally {
      await configured.close();
    }
  });

  describe.each(PROVIDER_NAMES)('%s', (provider) => {
    const ready = (): RecordingData => demo[provider].find((r) => r.status === 'READY' && r.sessionKey)!;

    it('serves a demo recording with its session, storage and a link', async () => {
      const rec = ready();
      const res = await gql(
        server.url,
        `query($id: ID!) { recording(id: $id) { ${RECORDING_FIELDS} session { id kind recordings { id } } accessLink { url expiresAt validForSecs format disposition } } }`,
        {
          id: recordingGlobalId(rec),
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const got = res.body.data?.recording as Record<string, unknown> & {
        session: { id: string; recordings: Array<{ id: string }> };
        accessLink: { url: string } | null;
      };
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
      const res = await gql(server.url, `query($id: ID!) { recording(id: $id) { id } }`, {
        id: encodeGlobalId('Recording', provider, missing),
      });
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
    const res = await gql(server.url, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { provider session { id } } } }`, {
      ids,
    });
    expect((res.body.data?.nodes as Array<{ id: string }>).map((n) => n?.id)).toEqual(ids);
  });
});
