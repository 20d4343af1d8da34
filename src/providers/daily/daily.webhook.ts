import { createHmac } from 'node:crypto';
import type { RecordingEventType } from '../../domain/recording-event';
import {
  deliveryDigest,
  isRecord,
  isoFromUnix,
  NOTHING,
  parseJsonBody,
  safeEqual,
  str,
  timedReplayMemoryMs,
  withinWindow,
  type VendorWebhook,
  type WebhookOutcome,
  type WebhookRequest,
  type WebhookVerdict,
} from '../shared/webhook';

/** Daily's recording events (docs/vendors/daily.md, "Webhooks"); other event types are acknowledged and ignored. */
const EVENT_TYPES: Record<string, RecordingEventType> = {
  'recording.started': 'STARTED',
  'recording.ready-to-download': 'READY',
  'recording.error': 'FAILED',
};

/**
 * Daily: `X-Webhook-Signature` = base64(HMAC-SHA256(key = base64-decoded `hmac` secret,
 * message = `X-Webhook-Timestamp` + "." + raw body)). The formula comes from third-party
 * code, not Daily's own page (docs/vendors/daily.md says so).
 */
export function dailySignature(secretBase64: string, timestamp: string, rawBody: Buffer): string {
  return createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(`${timestamp}.`).update(rawBody).digest('base64');
}

export function verifyDaily(request: WebhookRequest, secretBase64: string): WebhookVerdict {
  const signature = request.headers['x-webhook-signature'];
  const timestamp = request.headers['x-webhook-timestamp'];
  if (!signature || !timestamp) return { ok: false, reason: 'MISSING_SIGNATURE' };
  const expected = Buffer.from(dailySignature(secretBase64, timestamp, request.rawBody), 'utf8');
  if (!safeEqual(Buffer.from(signature.trim(), 'utf8'), expected)) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (!withinWindow(timestamp, request.now, request.toleranceSecs)) return { ok: false, reason: 'STALE_TIMESTAMP' };
  return { ok: true, deliveryId: deliveryDigest(timestamp, signature), rememberMs: timedReplayMemoryMs(request.toleranceSecs) };
}

/** `{version, type, id, payload: {recording_id, room_name, …}, event_ts}` (unix seconds). */
export function normaliseDaily(request: WebhookRequest, deliveryId: string): WebhookOutcome {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body) || !isRecord(body.payload)) return NOTHING;
  const providerEvent = str(body.type);
  const type = providerEvent ? EVENT_TYPES[providerEvent] : undefined;
  if (!providerEvent || !type) return NOTHING;
  const recordingId = str(body.payload.recording_id);
  const room = str(body.payload.room_name);
  const mtgSessionId = str(body.payload.mtgSessionId) ?? str(body.payload.mtg_session_id);
  // recording.error names the room but not the recording (docs/vendors/daily.md): such an
  // event still reaches subscribers, with the recording unknown.
  return {
    events: [
      {
        id: `${deliveryId}:0`,
        type,
        provider: 'daily',
        occurredAt: isoFromUnix(body.event_ts ?? body.payload.timestamp, request.now),
        providerEvent,
        recordingKey: recordingId ? [recordingId] : null,
        sessionKey: room && mtgSessionId ? [room, mtgSessionId] : null,
      },
    ],
    refresh: [],
  };
}

export function dailyWebhook(secretBase64: string): VendorWebhook {
  return { provider: 'daily', verify: (r) => verifyDaily(r, secretBase64), normalise: normaliseDaily };
}
