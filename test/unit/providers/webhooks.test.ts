import { createHash, createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { normaliseBird, verifyBird } from '../../../src/providers/bird/bird.webhook';
import { normaliseCloudflare, verifyCloudflareWith } from '../../../src/providers/cloudflare/cloudflare.webhook';
import { normaliseDaily, verifyDaily } from '../../../src/providers/daily/daily.webhook';
import type { WebhookRequest } from '../../../src/providers/shared/webhook';
import { normaliseSignalWire, signalWireSignature, verifySignalWire } from '../../../src/providers/signalwire/signalwire.webhook';
import { normaliseZoom, verifyZoom } from '../../../src/providers/zoom/zoom.webhook';

// Every expected signature below is computed here, with node:crypto and the vendor's
// formula written out again (docs/vendors/<v>.md, "Webhooks"), never with the code under
// test; SignalWire's also matches the worked example the Twilio-compatible scheme publishes.

const NOW = Date.parse('2026-06-03T10:00:00Z');
const NOW_SECS = String(NOW / 1000);
const STALE_SECS = String(NOW / 1000 - 301);

function req(rawBody: string | Buffer, headers: Record<string, string>, url = 'https://recordings.example.com/webhooks/x'): WebhookRequest {
  return { rawBody: Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody), headers, url, now: NOW, toleranceSecs: 300 };
}

describe('Daily webhook verification', () => {
  const secret = Buffer.from('daily-webhook-secret-0123456789').toString('base64');
  const body = JSON.stringify({
    version: '1.0.0',
    type: 'recording.ready-to-download',
    id: 'rec-rtd-c3df927c-f738-4471-a2b7-066fa7e95a6b-1692124192',
    payload: {
      recording_id: '08fa0b24-9220-44c5-846c-3f116cf8e738',
      room_name: 'Xcm97xRZ08b2dePKb78g',
      start_ts: 1692124183,
      status: 'finished',
      duration: 9,
      s3_key: 'k',
    },
    event_ts: 1692124192.0,
  });
  // base64(HMAC-SHA256(base64-decoded secret, timestamp + "." + body))
  const signed = (key: string, ts: string, b: string) =>
    createHmac('sha256', Buffer.from(key, 'base64')).update(`${ts}.${b}`).digest('base64');

  it('accepts the signature over timestamp "." body with the decoded secret', () => {
    const r = req(body, { 'x-webhook-signature': signed(secret, NOW_SECS, body), 'x-webhook-timestamp': NOW_SECS });
    const verdict = verifyDaily(r, secret);
    expect(verdict.ok).toBe(true);
    const outcome = normaliseDaily(r, 'd1');
    expect(outcome.events).toEqual([
      expect.objectContaining({
        type: 'READY',
        provider: 'daily',
        recordingKey: ['08fa0b24-9220-44c5-846c-3f116cf8e738'],
        occurredAt: '2023-08-15T18:29:52.000Z',
      }),
    ]);
  });

  it('refuses a wrong key, a tampered body, a stale timestamp and a missing signature', () => {
    const other = Buffer.from('another-secret-0123456789abcdef').toString('base64');
    expect(
      verifyDaily(req(body, { 'x-webhook-signature': signed(other, NOW_SECS, body), 'x-webhook-timestamp': NOW_SECS }), secret),
    ).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(
      verifyDaily(
        req(body.replace('"duration":9', '"duration":8'), {
          'x-webhook-signature': signed(secret, NOW_SECS, body),
          'x-webhook-timestamp': NOW_SECS,
        }),
        secret,
      ),
    ).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(
      verifyDaily(req(body, { 'x-webhook-signature': signed(secret, STALE_SECS, body), 'x-webhook-timestamp': STALE_SECS }), secret),
    ).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' });
    expect(verifyDaily(req(body, { 'x-webhook-timestamp': NOW_SECS }), secret)).toEqual({ ok: false, reason: 'MISSING_SIGNATURE' });
    // The timestamp is signed: moving it breaks the signature.
    expect(
      verifyDaily(
        req(body, { 'x-webhook-signature': signed(secret, NOW_SECS, body), 'x-webhook-timestamp': String(NOW / 1000 + 1) }),
        secret,
      ).ok,
    ).toBe(false);
  });

  it('acknowledges other event types without events', () => {
    const other = JSON.stringify({ type: 'meeting.started', payload: {}, event_ts: 1 });
    expect(normaliseDaily(req(other, {}), 'x').events).toEqual([]);
  });
});

describe('SignalWire webhook verification (Twilio-compatible)', () => {
  it("matches the scheme's published worked example (form parameters, sorted)", () => {
    // Twilio's webhook-security page: token 12345, this URL and these parameters.
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
    expect(signalWireSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    const form = 'To=%2B18005551212&CallSid=CA1234567890ABCDE&Digits=1234&From=%2B12349013030&Caller=%2B12349013030';
    const r = req(form, { 'x-signalwire-signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' }, 'https://mycompany.com/myapp.php?foo=1&bar=2');
    expect(verifySignalWire(r, '12345').ok).toBe(true);
    expect(verifySignalWire({ ...r, headers: { 'x-twilio-signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' } }, '12345').ok).toBe(true);
    expect(verifySignalWire(r, '54321')).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifySignalWire({ ...r, rawBody: Buffer.from(form.replace('Digits=1234', 'Digits=9999')) }, '12345')).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifySignalWire({ ...r, headers: {} }, '12345')).toEqual({ ok: false, reason: 'MISSING_SIGNATURE' });
  });

  it('accepts the URL signed with or without the default port', () => {
    const form = 'RecordingSid=RE1&RecordingStatus=completed';
    const text = 'https://h.example.com:443/webhooks/signalwireRecordingSidRE1RecordingStatuscompleted';
    const signature = createHmac('sha1', 'key').update(text).digest('base64');
    expect(
      verifySignalWire(req(form, { 'x-signalwire-signature': signature }, 'https://h.example.com/webhooks/signalwire'), 'key').ok,
    ).toBe(true);
  });

  it('checks a JSON body through bodySHA256 in the signed URL', () => {
    const body = '{"RecordingSid":"RE0f5ba39cd7d64d7a95e2cbe1b5d1f2a3","RecordingStatus":"completed","CallSid":"CA1"}';
    const sha = createHash('sha256').update(body).digest('hex');
    const url = `https://recordings.example.com/webhooks/signalwire?bodySHA256=${sha}`;
    const signature = createHmac('sha1', 'key').update(url).digest('base64');
    const r = req(body, { 'x-signalwire-signature': signature }, url);
    expect(verifySignalWire(r, 'key').ok).toBe(true);
    expect(verifySignalWire({ ...r, rawBody: Buffer.from(body.replace('completed', 'absent')) }, 'key')).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(normaliseSignalWire(r, 's1').events).toEqual([
      expect.objectContaining({ type: 'READY', recordingKey: ['RE0f5ba39cd7d64d7a95e2cbe1b5d1f2a3'], sessionKey: ['call', 'CA1'] }),
    ]);
  });
});

describe('Zoom webhook verification', () => {
  const token = 'zoom-secret-token';
  const body = JSON.stringify({
    event: 'session.recording_completed',
    event_ts: 1780480800000,
    payload: {
      account_id: 'a',
      object: {
        session_id: 'KkMHZ4y8QhSUWAHi5sWvfg==',
        recording_files: [
          { id: 'f1', file_type: 'MP4' },
          { id: 'f2', file_type: 'M4A' },
        ],
      },
    },
  });
  // "v0=" + hex(HMAC-SHA256(token, "v0:" + timestamp + ":" + body))
  const signed = (key: string, ts: string, b: string) => `v0=${createHmac('sha256', key).update(`v0:${ts}:${b}`).digest('hex')}`;

  it('accepts v0 over "v0:<timestamp>:<body>" and gives one READY per file', () => {
    const r = req(body, { 'x-zm-signature': signed(token, NOW_SECS, body), 'x-zm-request-timestamp': NOW_SECS });
    expect(verifyZoom(r, token).ok).toBe(true);
    const events = normaliseZoom(r, 'z', token).events;
    expect(events.map((e) => [e.type, e.recordingKey])).toEqual([
      ['READY', ['KkMHZ4y8QhSUWAHi5sWvfg==', 'f1']],
      ['READY', ['KkMHZ4y8QhSUWAHi5sWvfg==', 'f2']],
    ]);
  });

  it('refuses a wrong key, a tampered body, a stale timestamp and a missing signature', () => {
    expect(verifyZoom(req(body, { 'x-zm-signature': signed('other', NOW_SECS, body), 'x-zm-request-timestamp': NOW_SECS }), token)).toEqual(
      { ok: false, reason: 'BAD_SIGNATURE' },
    );
    expect(
      verifyZoom(req(`${body} `, { 'x-zm-signature': signed(token, NOW_SECS, body), 'x-zm-request-timestamp': NOW_SECS }), token),
    ).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(
      verifyZoom(req(body, { 'x-zm-signature': signed(token, STALE_SECS, body), 'x-zm-request-timestamp': STALE_SECS }), token),
    ).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' });
    expect(verifyZoom(req(body, { 'x-zm-request-timestamp': NOW_SECS }), token)).toEqual({ ok: false, reason: 'MISSING_SIGNATURE' });
  });

  it('answers endpoint.url_validation with the plain token and its hex HMAC', () => {
    const challenge = JSON.stringify({
      event: 'endpoint.url_validation',
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
      event_ts: 1654503849680,
    });
    const outcome = normaliseZoom(req(challenge, {}), 'v', token);
    expect(outcome.reply).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: createHmac('sha256', token).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
    });
    expect(outcome.events).toEqual([]);
  });
});

describe('Bird webhook verification', () => {
  const key = 'secureSigningKey';
  const url = 'https://domain.com/webhook/bird';
  const body = JSON.stringify({
    service: 'channels',
    event: 'voice.outbound',
    payload: { id: '9a6b8b3e-5a2f-4c1e-9d3b-0f8e7c6d5b4a', status: 'completed' },
  });
  // base64(HMAC-SHA256(key, timestamp + "\n" + url + "\n" + raw SHA-256 digest of the body))
  const signed = (k: string, ts: string, u: string, b: string) =>
    createHmac('sha256', k)
      .update(Buffer.concat([Buffer.from(`${ts}\n${u}\n`), createHash('sha256').update(b).digest()]))
      .digest('base64');

  it("accepts the signature over timestamp, full URL and the body's binary digest", () => {
    const r = req(
      body,
      {
        'messagebird-signature': signed(key, NOW_SECS, url, body),
        'messagebird-request-timestamp': NOW_SECS,
        'messagebird-request-id': 'r1',
      },
      url,
    );
    expect(verifyBird(r, key)).toEqual({ ok: true, deliveryId: 'id:r1', rememberMs: expect.any(Number) });
    expect(normaliseBird(r).refresh).toEqual([
      expect.objectContaining({ provider: 'bird', sessionKey: ['call', '9a6b8b3e-5a2f-4c1e-9d3b-0f8e7c6d5b4a'] }),
    ]);
  });

  it('refuses a wrong key, another URL, a tampered body, a stale timestamp and a missing signature', () => {
    const h = (k: string, ts: string, u = url, b = body) => ({
      'messagebird-signature': signed(k, ts, u, b),
      'messagebird-request-timestamp': ts,
    });
    expect(verifyBird(req(body, h('other', NOW_SECS), url), key)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyBird(req(body, h(key, NOW_SECS, 'http://domain.com/webhook/bird'), url), key)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyBird(req(body.replace('completed', 'failed'), h(key, NOW_SECS), url), key)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyBird(req(body, h(key, STALE_SECS), url), key)).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' });
    expect(verifyBird(req(body, { 'messagebird-request-timestamp': NOW_SECS }, url), key)).toEqual({
      ok: false,
      reason: 'MISSING_SIGNATURE',
    });
  });

  it('turns only a completed call into a refresh', () => {
    expect(normaliseBird(req(body.replace('completed', 'ringing'), {})).refresh).toEqual([]);
  });
});

describe('Cloudflare RealtimeKit webhook verification', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const body = JSON.stringify({
    event: 'recording.statusUpdate',
    recording: {
      id: '97cb480d-5840-4528-ace3-919b5e386c68',
      recordingId: '97cb480d-5840-4528-ace3-919b5e386c68',
      status: 'UPLOADED',
      stoppedTime: '2026-06-03T10:30:00.000Z',
      fileSize: '2044680',
    },
    meeting: { id: '50c8940e-1b97-402a-97d6-2708b7feca41', sessionId: '05e57591-d89e-45c9-ae44-08dc1eaad0e0' },
  });
  // base64 RSASSA-PKCS1-v1_5 SHA-256 over the raw body
  const signed = (b: string, key = privateKey) => sign('sha256', Buffer.from(b), key).toString('base64');

  it('accepts an RSA-SHA256 signature over the raw body; the delivery is named by rtk-uuid', () => {
    const r = req(body, { 'rtk-signature': signed(body), 'rtk-uuid': 'u-1' });
    expect(verifyCloudflareWith(r, publicKey)).toEqual({ ok: true, deliveryId: 'id:u-1', rememberMs: expect.any(Number) });
    expect(normaliseCloudflare(r, 'c').events).toEqual([
      expect.objectContaining({
        type: 'READY',
        recordingKey: ['97cb480d-5840-4528-ace3-919b5e386c68'],
        sessionKey: ['05e57591-d89e-45c9-ae44-08dc1eaad0e0'],
        occurredAt: '2026-06-03T10:30:00.000Z',
      }),
    ]);
  });

  it('refuses another key, a tampered body, garbage and a missing signature', () => {
    expect(verifyCloudflareWith(req(body, { 'rtk-signature': signed(body, other.privateKey) }), publicKey)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyCloudflareWith(req(body.replace('UPLOADED', 'ERRORED'), { 'rtk-signature': signed(body) }), publicKey)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyCloudflareWith(req(body, { 'rtk-signature': 'not base64 at all' }), publicKey)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyCloudflareWith(req(body, {}), publicKey)).toEqual({ ok: false, reason: 'MISSING_SIGNATURE' });
  });
});
