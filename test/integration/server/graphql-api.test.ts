import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/app-config';
import { encodeGlobalId } from '../../../src/ids/global-id';
import { startDailySandbox } from '../../../src/sandbox/daily/daily.emulator';
import type { DailyDataset } from '../../../src/sandbox/daily/daily.seed';
import type { Emulator } from '../../../src/sandbox/emulator';
import { gql } from '../../support/graphql-client';

const API_KEY = 'test-api-key-0123456789abcdef';

describe('GraphQL API over HTTP (Daily only)', () => {
  let emulator: Emulator;
  let data: DailyDataset;
  let app: RunningApp;
  const auth = { authorization: `Bearer ${API_KEY}` };
  const post = (query: string, variables?: Record<string, unknown>) => gql(app.url, query, variables, auth);

  beforeAll(async () => {
    const sandbox = await startDailySandbox({ seed: 3 });
    ({ emulator, data } = sandbox);
    // No cross-request cache: these cases count each request's own calls (the cache has its own suite).
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      API_KEYS: API_KEY,
      DAILY_API_KEY: sandbox.config.apiKey,
      DAILY_API_URL: sandbox.config.baseUrl,
      CACHE: 'off',
    });
    app = await startApp(config);
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });
  beforeEach(() => emulator.resetCounters());

  const idOf = (i: number) => encodeGlobalId('Recording', 'daily', [data.recordings[i].id]);

  it('answers a recording with its normalized fields and no link call when accessLink is not selected', async () => {
    const rec = data.recordings.find((r) => r.status === 'finished' && !r.tracks?.length)!;
    const id = encodeGlobalId('Recording', 'daily', [rec.id]);
    const res = await post(
      `query($id: ID!) { recording(id: $id) { id provider nativeId status providerStatus format durationSecs startedAt storage { kind path } } }`,
      { id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.recording).toEqual({
      id,
      provider: 'DAILY',
      nativeId: rec.id,
      status: 'READY',
      providerStatus: 'finished',
      format: 'MP4',
      durationSecs: rec.duration,
      startedAt: new Date(rec.start_ts! * 1000).toISOString(),
      storage: { kind: 'PROVIDER_MANAGED', path: rec.s3key },
    });
    expect(emulator.counters.get('recordings.access-link')).toBeUndefined();
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('round-trips every id it hands out through node(id:)', async () => {
    const first = await post(`query($id: ID!) { recording(id: $id) { id session { id recordings { id } } } }`, { id: idOf(1) });
    const rec = first.body.data?.recording as { id: string; session: { id: string; recordings: Array<{ id: string }> } };
    const ids = [rec.id, rec.session.id, ...rec.session.recordings.map((r) => r.id)];
    const again = await post(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids });
    expect(again.body.errors).toBeUndefined();
    expect((again.body.data?.nodes as Array<{ id: string }>).map((n) => n.id)).toEqual(ids);
  });

  it('mints a link only when asked, with the expiry Daily granted', async () => {
    const rec = data.recordings.find((r) => !data.extras.get(r.id)?.customerBucket && !data.extras.get(r.id)?.accessBlocked)!;
    const id = encodeGlobalId('Recording', 'daily', [rec.id]);
    const res = await post(
      `query($id: ID!) { recording(id: $id) { accessLink(validForSecs: 600) { url expiresAt validForSecs disposition } } }`,
      { id },
    );
    const link = (res.body.data?.recording as { accessLink: { url: string; expiresAt: string; validForSecs: number } }).accessLink;
    expect(link.url.startsWith(`${emulator.url}/recordings/`)).toBe(true);
    expect(link.validForSecs).toBeGreaterThan(590);
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now() + 590_000);
    expect(emulator.log.filter((e) => e.route === 'recordings.access-link').map((e) => e.query.valid_for_secs)).toEqual([['600']]);
  });

  it('refuses validForSecs out of 1..604800 with BAD_USER_INPUT and no link call', async () => {
    const res = await post(`query($id: ID!) { recording(id: $id) { id accessLink(validForSecs: 0) { url } } }`, { id: idOf(0) });
    expect(res.body.errors?.[0]).toMatchObject({ path: ['recording', 'accessLink'], extensions: { code: 'BAD_USER_INPUT' } });
    expect((res.body.data?.recording as { id: string }).id).toBe(idOf(0));
    expect(emulator.counters.get('recordings.access-link')).toBeUndefined();
  });

  it('answers a malformed id with BAD_USER_INPUT and makes no vendor call', async () => {
    for (const id of [
      'nope',
      'gid://recording-graph/Recording/daily/..',
      'gid://recording-graph/Session/daily/abc',
      'gid://recording-graph/Recording/daily/a%2F..%2Fb',
    ]) {
      const res = await post(`query($id: ID!) { recording(id: $id) { id } }`, { id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.data).toEqual({ recording: null });
    }
    expect(emulator.totalCalls()).toBe(0);
  });

  it('answers an id of a vendor that is not configured with PROVIDER_NOT_CONFIGURED', async () => {
    const res = await post(`{ recording(id: "gid://recording-graph/Recording/bird/5b74ee9e-9d45-473a-82cd-f1f7feea6bbd") { id } }`);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'PROVIDER_NOT_CONFIGURED', provider: 'bird' });
  });

  it('answers a recording Daily does not have with null and NOT_FOUND', async () => {
    const res = await post(`{ recording(id: "gid://recording-graph/Recording/daily/00000000-0000-4000-8000-000000000000") { id } }`);
    expect(res.body.data).toEqual({ recording: null });
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', provider: 'daily' });
  });

  it('fetches a recording asked for twice (aliases, repeated nodes ids) once', async () => {
    const id = idOf(2);
    const res = await post(
      `query($id: ID!) { a: recording(id: $id) { id } b: recording(id: $id) { status } nodes(ids: [$id, $id]) { id } }`,
      { id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(emulator.counters.get('recordings.get')).toBe(1);
  });

  it('keeps partial data: a failing id in nodes is null with an error at its index', async () => {
    const res = await post(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [idOf(0), 'garbage', idOf(1)] });
    const nodes = res.body.data?.nodes as Array<{ id: string } | null>;
    expect(nodes[0]?.id).toBe(idOf(0));
    expect(nodes[1]).toBeNull();
    expect(nodes[2]?.id).toBe(idOf(1));
    expect(res.body.errors).toEqual([expect.objectContaining({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it('needs the API key: 401 UNAUTHENTICATED without it or with a wrong one', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-key-wrong-key-123' }, { authorization: API_KEY }];
    for (const headers of attempts) {
      const res = await gql(app.url, '{ __typename }', undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await post('{ __typename }')).status).toBe(200);
  });
});
