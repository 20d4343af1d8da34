import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { RecordingEventData } from '../../../src/domain/recording-event';
import { demoRecordings } from '../../../src/demo/demo-data';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { waitUntil } from '../../support/wait-until';
import { nowSecs, sign5 } from '../../support/webhook-signing';

const DAILY_SECRET = Buffer.from('daily-secret-for-the-receiver-test').toString('base64');
const SW_KEY = 'signalwire-signing-key';
const ZOOM_TOKEN = 'zoom-secret-token';
const BIRD_KEY = 'bird-signing-key';
const PUBLIC_URL = 'https://recordings.example.com';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

let app: SandboxApp;
let keyServer: Server;
let keyFetches = 0;
const events: RecordingEventData[] = [];

async function post(path: string, body: string, headers: Record<string, string>, contentType = 'application/json') {
  const res = await request(`${app.app.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  keyServer = createServer((_req, res) => {
    keyFetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ success: true, data: { publicKey: publicKey.export({ type: 'spki', format: 'pem' }) } }));
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  app = await startSandboxApp({
    DAILY_WEBHOOK_SECRET: DAILY_SECRET,
    SIGNALWIRE_SIGNING_KEY: SW_KEY,
    ZOOM_WEBHOOK_SECRET_TOKEN: ZOOM_TOKEN,
    BIRD_WEBHOOK_SIGNING_KEY: BIRD_KEY,
    CLOUDFLARE_WEBHOOK_KEY_URL: `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/.well-known/webhooks.json`,
    PUBLIC_URL,
    WEBHOOK_MAX_BODY_BYTES: '4096',
  });
  app.app.live.bus.subscribe((e) => events.push(e));
});

afterAll(async () => {
  await app.close();
  await new Promise((resolve) => keyServer.close(resolve));
});

beforeEach(() => {
  events.length = 0;
});

describe('POST /webhooks/<vendor>', () => {
  const demo = demoRecordings();

  it('Daily: a signed ready-to-download is answered 200 and published as READY with its session completed', async () => {
    const rec = demo.daily[0];
    const body = JSON.stringify({
      version: '1.0.0',
      type: 'recording.ready-to-download',
      id: 'e1',
      payload: { recording_id: rec.nativeId, room_name: 'r', status: 'finished' },
      event_ts: Date.now() / 1000,
    });
    const answer = await post('/webhooks/daily', body, sign5.daily(DAILY_SECRET, nowSecs(), body));
    expect(answer).toEqual({ status: 200, body: { status: 'accepted', events: 1 } });
    await waitUntil(() => events.length === 1, 'the event is published');
    // The payload names no session: one call to Daily completed it.
    expect(events[0]).toEqual(
      expect.objectContaining({ provider: 'daily', type: 'READY', recordingKey: rec.key, sessionKey: rec.sessionKey }),
    );
  });

  it('a replayed delivery is answered 200 and changes nothing; a bad signature is 401', async () => {
    const rec = demo.zoom[0];
    const body = JSON.stringify({
      event: 'session.recording_paused',
      event_ts: Date.now(),
      payload: { object: { session_id: rec.key[0] } },
    });
    const headers = sign5.zoom(ZOOM_TOKEN, nowSecs(), body);
    expect((await post('/webhooks/zoom', body, headers)).status).toBe(200);
    expect(await post('/webhooks/zoom', body, headers)).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await post('/webhooks/zoom', body, sign5.zoom('not-the-token', nowSecs(), body))).toEqual({
      status: 401,
      body: { error: 'BAD_SIGNATURE' },
    });
    expect(await post('/webhooks/zoom', body, {})).toEqual({ status: 401, body: { error: 'MISSING_SIGNATURE' } });
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    expect(await post('/webhooks/zoom', body, sign5.zoom(ZOOM_TOKEN, stale, body))).toEqual({
      status: 401,
      body: { error: 'STALE_TIMESTAMP' },
    });
    await app.app.live.processor.idle();
    expect(events.map((e) => e.type)).toEqual(['PAUSED']);
    expect(events[0].sessionKey).toEqual([rec.key[0]]);
  });

  it("Zoom's endpoint.url_validation is answered with the token and its HMAC, and only when signed", async () => {
    const body = JSON.stringify({
      event: 'endpoint.url_validation',
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
      event_ts: Date.now(),
    });
    const answer = await post('/webhooks/zoom', body, sign5.zoom(ZOOM_TOKEN, nowSecs(), body));
    expect(answer.status).toBe(200);
    expect(answer.body.plainToken).toBe('qgg8vlvZRS6UYooatFL8Aw');
    expect(answer.body.encryptedToken).toMatch(/^[0-9a-f]{64}$/);
    expect((await post('/webhooks/zoom', body, {})).status).toBe(401);
  });

  it('SignalWire and Bird verify the URL under PUBLIC_URL, not the address the request reached', async () => {
    const rec = demo.signalwire.find((r) => r.status === 'READY')!;
    const params = { RecordingSid: rec.nativeId, RecordingStatus: 'completed', CallSid: rec.sessionKey?.[1] ?? 'CA1' };
    const form = new URLSearchParams(params).toString();
    const good = sign5.signalwireForm(SW_KEY, `${PUBLIC_URL}/webhooks/signalwire`, params);
    const local = sign5.signalwireForm(SW_KEY, `${app.app.url}/webhooks/signalwire`, params);
    expect((await post('/webhooks/signalwire', form, local, 'application/x-www-form-urlencoded')).status).toBe(401);
    expect((await post('/webhooks/signalwire', form, good, 'application/x-www-form-urlencoded')).status).toBe(200);
    await waitUntil(() => events.length === 1, 'the event is published');
    expect(events[0]).toEqual(expect.objectContaining({ provider: 'signalwire', type: 'READY', recordingKey: rec.key }));
  });

  it("Bird: a completed call refreshes that call's recordings into events", async () => {
    const rec = demo.bird.find((r) => r.sessionKey?.[0] === 'call')!;
    const callId = rec.sessionKey![1];
    const body = JSON.stringify({ service: 'channels', event: 'voice.outbound', payload: { id: callId, status: 'completed' } });
    const answer = await post('/webhooks/bird', body, sign5.bird(BIRD_KEY, nowSecs(), `${PUBLIC_URL}/webhooks/bird`, body, 'bird-req-1'));
    expect(answer.status).toBe(200);
    await waitUntil(() => events.length > 0, 'the event is published');
    expect(events.every((e) => e.provider === 'bird' && e.sessionKey?.[1] === callId)).toBe(true);
    expect(events.map((e) => e.recordingKey)).toContainEqual(rec.key);
  });

  it('Cloudflare: the key is fetched from the key URL once and cached; the delivery id is rtk-uuid', async () => {
    const rec = demo.cloudflare[0];
    const body = JSON.stringify({
      event: 'recording.statusUpdate',
      recording: { id: rec.nativeId, status: 'UPLOADED' },
      meeting: { id: 'm', sessionId: rec.sessionKey?.[0] },
    });
    expect((await post('/webhooks/cloudflare', body, sign5.cloudflare(privateKey, body, 'uuid-1'))).status).toBe(200);
    expect((await post('/webhooks/cloudflare', `${body} `, sign5.cloudflare(privateKey, body, 'uuid-2'))).status).toBe(401);
    expect((await post('/webhooks/cloudflare', body, sign5.cloudflare(privateKey, body, 'uuid-1'))).body).toEqual({ status: 'duplicate' });
    expect(keyFetches).toBe(1);
    await waitUntil(() => events.length === 1, 'the event is published');
    expect(events[0]).toEqual(expect.objectContaining({ provider: 'cloudflare', type: 'READY', recordingKey: rec.key }));
  });

  it('an oversized body is 413 before any check; an unknown event type is acknowledged and ignored', async () => {
    const big = JSON.stringify({ type: 'recording.started', payload: { pad: 'x'.repeat(5000) } });
    expect((await post('/webhooks/daily', big, sign5.daily(DAILY_SECRET, nowSecs(), big))).status).toBe(413);
    const other = JSON.stringify({ type: 'meeting.started', id: 'm', payload: {}, event_ts: 1 });
    expect(await post('/webhooks/daily', other, sign5.daily(DAILY_SECRET, nowSecs(), other))).toEqual({
      status: 200,
      body: { status: 'accepted', events: 0 },
    });
    await app.app.live.processor.idle();
    expect(events).toEqual([]);
  });
});

describe('a vendor without a secret', () => {
  it('has no receiver: 404, whatever is sent', async () => {
    const bare = await startSandboxApp();
    try {
      for (const vendor of ['daily', 'signalwire', 'zoom', 'bird', 'cloudflare', 'nobody']) {
        const res = await request(`${bare.app.url}/webhooks/${vendor}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        await res.body.text();
        expect(res.statusCode).toBe(404);
      }
    } finally {
      await bare.close();
    }
  });
});
