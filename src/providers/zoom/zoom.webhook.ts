import { createHmac } from 'node:crypto';
import type { RecordingEventData, RecordingEventType } from '../../domain/recording-event';
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

/** Zoom Video SDK's recording events (docs/vendors/zoom.md, "Webhooks"). */
const EVENT_TYPES: Record<string, RecordingEventType> = {
  'session.recording_started': 'STARTED',
  'session.recording_paused': 'PAUSED',
  'session.recording_resumed': 'RESUMED',
  'session.recording_stopped': 'STOPPED',
  'session.recording_completed': 'READY',
  'session.recording_trashed': 'DELETED',
  'session.recording_deleted': 'DELETED',
  'session.recording_recovered': 'RECOVERED',
};

const hmacHex = (secret: string, message: Buffer | string): string => createHmac('sha256', secret).update(message).digest('hex');

/** `x-zm-signature` = "v0=" + hex(HMAC-SHA256(secret token, "v0:" + x-zm-request-timestamp + ":" + raw body)). */
export function zoomSignature(secretToken: string, timestamp: string, rawBody: Buffer): string {
  return `v0=${hmacHex(secretToken, Buffer.concat([Buffer.from(`v0:${timestamp}:`), rawBody]))}`;
}

/**
 * Every delivery is verified, the url_validation challenge included: answering an unsigned
 * challenge would hand anyone an HMAC of any text they choose under our secret token, which
 * is exactly what a forged `x-zm-signature` needs.
 */
export function verifyZoom(request: WebhookRequest, secretToken: string): WebhookVerdict {
  const signature = request.headers['x-zm-signature'];
  const timestamp = request.headers['x-zm-request-timestamp'];
  if (!signature || !timestamp) return { ok: false, reason: 'MISSING_SIGNATURE' };
  if (!safeEqual(Buffer.from(signature.trim()), Buffer.from(zoomSignature(secretToken, timestamp, request.rawBody)))) {
    return { ok: false, reason: 'BAD_SIGNATURE' };
  }
  if (!withinWindow(timestamp, request.now, request.toleranceSecs)) return { ok: false, reason: 'STALE_TIMESTAMP' };
  return { ok: true, deliveryId: deliveryDigest(timestamp, signature), rememberMs: timedReplayMemoryMs(request.toleranceSecs) };
}

/** The answer Zoom expects to `endpoint.url_validation`: the token and its hex HMAC-SHA256 under the secret token. */
export function zoomUrlValidationReply(secretToken: string, plainToken: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: hmacHex(secretToken, plainToken) };
}

export function normaliseZoom(request: WebhookRequest, deliveryId: string, secretToken: string): WebhookOutcome {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body) || !isRecord(body.payload)) return NOTHING;
  const providerEvent = str(body.event);
  if (providerEvent === 'endpoint.url_validation') {
    const plainToken = str(body.payload.plainToken);
    return plainToken ? { ...NOTHING, reply: zoomUrlValidationReply(secretToken, plainToken) } : NOTHING;
  }
  const type = providerEvent ? EVENT_TYPES[providerEvent] : undefined;
  const object = body.payload.object;
  if (!providerEvent || !type || !isRecord(object)) return NOTHING;
  // Numeric in Zoom's webhook examples, a string in REST: the id is opaque either way.
  const sessionId = str(object.session_id);
  const occurredAt = isoFromUnix(body.event_ts, request.now);
  const base = { type, provider: 'zoom' as const, occurredAt, providerEvent, sessionKey: sessionId ? [sessionId] : null };
  // The completed (and trash/recover) events list the files; the others name the session only.
  const files = Array.isArray(object.recording_files) ? object.recording_files.filter(isRecord) : [];
  const fileIds = files.map((f) => str(f.id)).filter((id): id is string => id !== null);
  const events: RecordingEventData[] =
    sessionId && fileIds.length > 0
      ? fileIds.map((fileId, i) => ({ ...base, id: `${deliveryId}:${i}`, recordingKey: [sessionId, fileId] }))
      : [{ ...base, id: `${deliveryId}:0`, recordingKey: null }];
  return { events, refresh: [] };
}

export function zoomWebhook(secretToken: string): VendorWebhook {
  return {
    provider: 'zoom',
    verify: (r) => verifyZoom(r, secretToken),
    normalise: (r, id) => normaliseZoom(r, id, secretToken),
  };
}
