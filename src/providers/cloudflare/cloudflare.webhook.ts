import { createVerify, type KeyObject } from 'node:crypto';
import type { RecordingEventType } from '../../domain/recording-event';
import {
  deliveryDigest,
  isRecord,
  isoFromDate,
  NOTHING,
  parseJsonBody,
  str,
  UNTIMED_REPLAY_MEMORY_MS,
  type VendorWebhook,
  type WebhookOutcome,
  type WebhookRequest,
  type WebhookVerdict,
} from '../shared/webhook';

/** `recording.status` of `recording.statusUpdate` (docs/vendors/cloudflare.md, "Webhooks"). */
const EVENT_TYPES: Record<string, RecordingEventType> = {
  RECORDING: 'STARTED',
  PAUSED: 'PAUSED',
  UPLOADING: 'PROCESSING',
  UPLOADED: 'READY',
  ERRORED: 'FAILED',
};

/** `rtk-signature`: base64 RSASSA-PKCS1-v1_5 with SHA-256 over the raw body, checked with RealtimeKit's public key. */
export function verifyCloudflareWith(request: WebhookRequest, publicKey: KeyObject): WebhookVerdict {
  const signature = request.headers['rtk-signature'];
  if (!signature) return { ok: false, reason: 'MISSING_SIGNATURE' };
  let valid = false;
  try {
    valid = createVerify('RSA-SHA256').update(request.rawBody).verify(publicKey, signature.trim(), 'base64');
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'BAD_SIGNATURE' };
  // `rtk-uuid` names the delivery (retries reuse it); no timestamp is signed, so it is kept a day.
  const uuid = request.headers['rtk-uuid'];
  return { ok: true, deliveryId: uuid ? `id:${uuid}` : deliveryDigest(signature), rememberMs: UNTIMED_REPLAY_MEMORY_MS };
}

/** camelCase, unlike the REST API: `{event, recording: {id, status, …}, meeting: {id, sessionId, …}}`. */
export function normaliseCloudflare(request: WebhookRequest, deliveryId: string): WebhookOutcome {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body) || body.event !== 'recording.statusUpdate' || !isRecord(body.recording)) return NOTHING;
  const status = str(body.recording.status);
  const type = status ? EVENT_TYPES[status] : undefined;
  if (!status || !type) return NOTHING;
  const recordingId = str(body.recording.id) ?? str(body.recording.recordingId);
  const sessionId = isRecord(body.meeting) ? str(body.meeting.sessionId) : null;
  const when = type === 'STARTED' ? body.recording.startedTime : body.recording.stoppedTime;
  return {
    events: [
      {
        id: `${deliveryId}:0`,
        type,
        provider: 'cloudflare',
        occurredAt: isoFromDate(when, request.now),
        providerEvent: `recording.statusUpdate:${status}`,
        recordingKey: recordingId ? [recordingId] : null,
        sessionKey: sessionId ? [sessionId] : null,
      },
    ],
    refresh: [],
  };
}

/** `publicKey` resolves RealtimeKit's key (configured, or fetched and cached: cloudflare.webhook-key.ts). */
export function cloudflareWebhook(publicKey: () => Promise<KeyObject>): VendorWebhook {
  return {
    provider: 'cloudflare',
    verify: async (r) => {
      if (!r.headers['rtk-signature']) return { ok: false, reason: 'MISSING_SIGNATURE' };
      return verifyCloudflareWith(r, await publicKey());
    },
    normalise: normaliseCloudflare,
  };
}
