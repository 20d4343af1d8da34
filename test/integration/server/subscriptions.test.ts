import { request } from 'undici';
import { recordingGlobalId, sessionGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { collectSse, collectWs, wsClient } from '../../support/subscription-clients';
import { waitUntil } from '../../support/wait-until';
import { nowSecs, sign5 } from '../../support/webhook-signing';

const DAILY_SECRET = Buffer.from('daily-secret-for-the-subscription-test').toString('base64');
const ZOOM_TOKEN = 'zoom-token-for-the-subscription-test';
const KEY = 'subscription-test-api-key-0123456789';
const OTHER_KEY = 'subscription-test-other-key-98765';
const demo = demoRecordings();
const ready = demo.daily.find((r) => r.status === 'READY')!;

const EVENTS = `subscription ($filter: RecordingEventFilter) {
  recordingEvents(filter: $filter) { type provider providerEvent recordingId sessionId recording { id status accessLink { url } } }
}`;

let app: SandboxApp;

async function postDaily(recordingId: string, type = 'recording.ready-to-download', baseUrl = app.app.url): Promise<number> {
  const body = JSON.stringify({
    version: '1.0.0',
    type,
    id: `e-${Math.random()}`,
    payload: { recording_id: recordingId, room_name: 'r' },
    event_ts: Date.now() / 1000,
  });
  const res = await request(`${baseUrl}/webhooks/daily`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sign5.daily(DAILY_SECRET, nowSecs(), body) },
    body,
  });
  await res.body.text();
  return res.statusCode;
}

beforeAll(async () => {
  app = await startSandboxApp({
    DAILY_WEBHOOK_SECRET: DAILY_SECRET,
    ZOOM_WEBHOOK_SECRET_TOKEN: ZOOM_TOKEN,
    API_KEYS: `${KEY},${OTHER_KEY}`,
    QUERY_MAX_DEPTH: '6',
  });
});

afterAll(async () => {
  await app.close();
});

describe('Subscription.recordingEvents', () => {
  it('over graphql-ws: a verified webhook arrives as READY with a resolvable accessLink', async () => {
    const client = wsClient(app.app.url, { Authorization: `Bearer ${KEY}` });
    const sub = collectWs(client, EVENTS);
    await waitUntil(() => app.app.live.operations.subscriberCount === 1, 'the subscription is live');
    expect(await postDaily(ready.nativeId)).toBe(200);
    await waitUntil(() => sub.results.length === 1, 'the event arrives');
    expect(sub.results[0].errors).toBeUndefined();
    expect(sub.results[0].data).toEqual({
      recordingEvents: {
        type: 'READY',
        provider: 'DAILY',
        providerEvent: 'recording.ready-to-download',
        recordingId: recordingGlobalId(ready),
        sessionId: sessionGlobalId({ provider: 'daily', key: ready.sessionKey! }),
        recording: { id: recordingGlobalId(ready), status: 'READY', accessLink: { url: expect.stringMatching(/^https?:\/\//) } },
      },
    });
    sub.stop();
    await waitUntil(() => app.app.live.operations.subscriberCount === 0, 'the subscription ends');
    await client.dispose();
  });

  it('over SSE: the same event arrives, with the API key on the request', async () => {
    const sub = collectSse(app.app.url, EVENTS, { authorization: `Bearer ${KEY}` });
    await waitUntil(() => app.app.live.operations.subscriberCount === 1, 'the subscription is live');
    expect(await postDaily(ready.nativeId)).toBe(200);
    await waitUntil(() => sub.results.length === 1, 'the event arrives');
    expect(sub.results[0]).toEqual({
      data: {
        recordingEvents: expect.objectContaining({
          type: 'READY',
          recordingId: recordingGlobalId(ready),
          recording: expect.objectContaining({ accessLink: { url: expect.any(String) } }),
        }),
      },
    });
    sub.stop();
    await waitUntil(() => app.app.live.operations.subscriberCount === 0, 'the subscription ends');
  });

  it('filters by provider, session and type on the server', async () => {
    const client = wsClient(app.app.url, { Authorization: `Bearer ${KEY}` });
    const zoomOnly = collectWs(client, EVENTS, { filter: { providers: ['ZOOM'] } });
    const otherSession = collectWs(client, EVENTS, {
      filter: { sessionId: sessionGlobalId({ provider: 'daily', key: ['room', '8e0b0b58-5d0b-4e4b-9a31-7a9f4c3b2d1e'] }) },
    });
    const started = collectWs(client, EVENTS, { filter: { types: ['STARTED'] } });
    const all = collectWs(client, EVENTS, {
      filter: { providers: ['DAILY'], types: ['READY'], sessionId: sessionGlobalId({ provider: 'daily', key: ready.sessionKey! }) },
    });
    await waitUntil(() => app.app.live.operations.subscriberCount === 4, 'the subscriptions are live');
    await postDaily(ready.nativeId);
    await waitUntil(() => all.results.length === 1, 'the matching subscription gets the event');
    await app.app.live.processor.idle();
    expect([zoomOnly.results, otherSession.results, started.results]).toEqual([[], [], []]);
    await client.dispose();
  });

  it('subscribers of the same operation share its execution: one event costs the vendor calls of one subscriber', async () => {
    const headers = { Authorization: `Bearer ${KEY}` };
    const one = wsClient(app.app.url, headers);
    const first = collectWs(one, EVENTS);
    await waitUntil(() => app.app.live.operations.subscriberCount === 1, 'the subscription is live');
    app.resetCounters();
    await postDaily(ready.nativeId);
    await waitUntil(() => first.results.length === 1, 'the event arrives');
    const callsForOne = app.vendorCalls();
    expect(callsForOne).toBeGreaterThan(0);

    // Two more of the same operation, one over SSE (same document, variables and key).
    const two = wsClient(app.app.url, headers);
    const second = collectWs(two, EVENTS);
    const third = collectSse(app.app.url, EVENTS, { authorization: `Bearer ${KEY}` });
    // And one with other variables: an operation of its own.
    const other = collectWs(two, EVENTS, { filter: { providers: ['DAILY'] } });
    await waitUntil(() => app.app.live.operations.subscriberCount === 4, 'the subscriptions are live');
    expect(app.app.live.operations.operationCount).toBe(2);
    app.resetCounters();
    await postDaily(ready.nativeId);
    await waitUntil(
      () => [first, second, third, other].every((s) => s.results.length >= 1) && first.results.length === 2,
      'the event arrives',
    );
    expect(second.results[0]).toEqual(first.results[1]);
    expect(third.results[0]).toEqual(first.results[1]);
    expect(other.results[0]).toEqual(first.results[1]);
    expect(first.results[1].errors).toBeUndefined();
    // The webhook's own completion, plus one execution per distinct operation (two here).
    const webhookCalls = 1;
    expect(app.vendorCalls()).toBe(webhookCalls + 2 * (callsForOne - webhookCalls));
    for (const s of [first, second, third, other]) s.stop();
    await waitUntil(() => app.app.live.operations.subscriberCount === 0, 'the subscriptions end');
    await Promise.all([one.dispose(), two.dispose()]);
  });

  it('never shares an execution between API keys: the same operation under two keys runs twice', async () => {
    const one = wsClient(app.app.url, { Authorization: `Bearer ${KEY}` });
    const other = wsClient(app.app.url, { Authorization: `Bearer ${OTHER_KEY}` });
    const a = collectWs(one, EVENTS);
    const b = collectWs(other, EVENTS);
    await waitUntil(() => app.app.live.operations.subscriberCount === 2, 'the subscriptions are live');
    expect(app.app.live.operations.operationCount).toBe(2);
    await postDaily(ready.nativeId);
    await waitUntil(() => a.results.length === 1 && b.results.length === 1, 'both get the event');
    expect(b.results[0]).toEqual(a.results[0]);
    a.stop();
    b.stop();
    await waitUntil(() => app.app.live.operations.subscriberCount === 0, 'the subscriptions end');
    await Promise.all([one.dispose(), other.dispose()]);
  });

  it('checks API_KEYS at connection: none or a wrong one is refused (4403 / 401)', async () => {
    const client = wsClient(app.app.url, { Authorization: 'Bearer wrong-key-wrong-key-wrong' });
    const sub = collectWs(client, EVENTS);
    await waitUntil(() => sub.completed, 'the connection is refused');
    expect((sub.error as { code?: number }).code).toBe(4403);
    await client.dispose();
    const res = await request(`${app.app.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: EVENTS }),
    });
    await res.body.text();
    expect(res.statusCode).toBe(401);
  });

  it('spends a fresh run-time budget on every event: the deadline runs from the event, not from subscribing', async () => {
    const short = await startSandboxApp({ DAILY_WEBHOOK_SECRET: DAILY_SECRET, REQUEST_DEADLINE_MS: '1500' });
    try {
      const client = wsClient(short.app.url);
      const sub = collectWs(client, EVENTS);
      await waitUntil(() => short.app.live.operations.subscriberCount === 1, 'the subscription is live');
      await new Promise((r) => setTimeout(r, 1_800));
      expect(await postDaily(ready.nativeId, undefined, short.app.url)).toBe(200);
      await waitUntil(() => sub.results.length === 1, 'the event arrives');
      expect(sub.results[0].errors).toBeUndefined();
      expect(sub.results[0].data).toEqual({
        recordingEvents: expect.objectContaining({ recording: expect.objectContaining({ accessLink: { url: expect.any(String) } }) }),
      });
      await client.dispose();
    } finally {
      await short.close();
    }
  });

  it('applies the query limits: too deep is QUERY_TOO_COMPLEX, a query is refused, before subscribing', async () => {
    const client = wsClient(app.app.url, { Authorization: `Bearer ${KEY}` });
    const deep = collectWs(
      client,
      'subscription { recordingEvents { recording { session { recordings { session { recordings { id } } } } } } }',
    );
    await waitUntil(() => deep.completed, 'the subscription is refused');
    expect(JSON.stringify(deep.error)).toContain('QUERY_TOO_COMPLEX');
    const badSession = collectWs(client, EVENTS, { filter: { sessionId: 'not-an-id' } });
    await waitUntil(() => badSession.completed || badSession.results.length > 0, 'the subscription is refused');
    expect(JSON.stringify(badSession)).toContain('BAD_USER_INPUT');
    const query = collectWs(client, '{ __typename }');
    await waitUntil(() => query.completed, 'the query is refused');
    expect(JSON.stringify(query.error)).toContain('Only subscriptions run here');
    expect(app.app.live.operations.subscriberCount).toBe(0);
    await client.dispose();
  });
});
