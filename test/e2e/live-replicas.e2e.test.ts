import { request } from 'undici';
import { recordingGlobalId } from '../../src/ids/global-id';
import { demoRecordings } from '../../src/demo/demo-data';
import { startTestRedis, type TestRedis } from '../support/redis-server';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';
import { collectWs, wsClient } from '../support/subscription-clients';
import { waitUntil } from '../support/wait-until';
import { nowSecs, sign5 } from '../support/webhook-signing';

const SECRET = Buffer.from('daily-secret-shared-by-both-replicas').toString('base64');
const ready = demoRecordings().daily.find((r) => r.status === 'READY')!;
const EVENTS = 'subscription { recordingEvents { id type recordingId recording { status } } }';

/** Resolves once the replica reports one live subscription on /metrics. */
async function subscribed(server: SpawnedServer): Promise<void> {
  for (;;) {
    const res = await request(`${server.url}/metrics`);
    if (/^recording_graph_subscribers 1$/m.test(await res.body.text())) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('two replicas sharing a Redis', () => {
  let redis: TestRedis;
  let a: SpawnedServer;
  let b: SpawnedServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    const env = { NODE_ENV: 'test', REDIS_URL: redis.url, DAILY_WEBHOOK_SECRET: SECRET };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('deliver a webhook received by one to subscribers on both, once each; a replay to the other changes nothing', async () => {
    const onA = wsClient(a.url);
    const onB = wsClient(b.url);
    const subA = collectWs(onA, EVENTS);
    const subB = collectWs(onB, EVENTS);
    await waitUntil(
      () =>
        a.output.some((l) => l.includes('redis (subscriber): connected')) &&
        b.output.some((l) => l.includes('redis (subscriber): connected')),
      'both replicas joined the fan-out',
    );
    await Promise.all([subscribed(a), subscribed(b)]);
    const body = JSON.stringify({
      version: '1.0.0',
      type: 'recording.ready-to-download',
      id: 'x',
      payload: { recording_id: ready.nativeId, room_name: 'r' },
      event_ts: Date.now() / 1000,
    });
    const headers = { 'content-type': 'application/json', ...sign5.daily(SECRET, nowSecs(), body) };
    const first = await request(`${a.url}/webhooks/daily`, { method: 'POST', headers, body });
    expect(await first.body.json()).toEqual({ status: 'accepted', events: 1 });
    // The same delivery retried to the other replica is recognised through Redis.
    const replay = await request(`${b.url}/webhooks/daily`, { method: 'POST', headers, body });
    expect(await replay.body.json()).toEqual({ status: 'duplicate' });
    // The sandbox's own live recordings (it plays them while anyone subscribes) are other recordings: only this one's events count.
    const mine = (sub: typeof subA) =>
      sub.results
        .map((r) => (r.data as { recordingEvents: { type: string; recordingId: string } }).recordingEvents)
        .filter((e) => e.recordingId === recordingGlobalId(ready));
    await waitUntil(() => mine(subA).length >= 1 && mine(subB).length >= 1, 'both subscribers got the event');
    // Another event after it proves nothing more of the first was coming.
    const second = JSON.stringify({
      version: '1.0.0',
      type: 'recording.started',
      id: 'y',
      payload: { recording_id: ready.nativeId, room_name: 'r' },
      event_ts: Date.now() / 1000,
    });
    await request(`${b.url}/webhooks/daily`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign5.daily(SECRET, nowSecs(), second) },
      body: second,
    });
    await waitUntil(() => mine(subA).length >= 2 && mine(subB).length >= 2, 'both subscribers got the second event');
    for (const sub of [subA, subB]) expect(mine(sub).map((e) => e.type)).toEqual(['READY', 'STARTED']);
    await Promise.all([onA.dispose(), onB.dispose()]);
  });
});
