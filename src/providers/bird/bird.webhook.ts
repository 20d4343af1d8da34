import { createHash, createHmac } from 'node:crypto';
import {
  deliveryDigest,
  isRecord,
  isoFromDate,
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

/**
 * `messagebird-signature` = base64(HMAC-SHA256(signing key, timestamp + "\n" + full URL +
 * "\n" + the raw 32-byte SHA-256 digest of the body)), per Bird's "Verifying a webhook
 * subscription" (docs/vendors/bird.md, "Webhooks").
 */
export function birdSignature(signingKey: string, timestamp: string, url: string, rawBody: Buffer): Buffer {
  const bodyDigest = createHash('sha256').update(rawBody).digest();
  return createHmac('sha256', signingKey)
    .update(Buffer.concat([Buffer.from(`${timestamp}\n${url}\n`), bodyDigest]))
    .digest();
}

export function verifyBird(request: WebhookRequest, signingKey: string): WebhookVerdict {
  const signature = request.headers['messagebird-signature'];
  const timestamp = request.headers['messagebird-request-timestamp'];
  if (!signature || !timestamp) return { ok: false, reason: 'MISSING_SIGNATURE' };
  if (!safeEqual(Buffer.from(signature.trim(), 'base64'), birdSignature(signingKey, timestamp, request.url, request.rawBody))) {
    return { ok: false, reason: 'BAD_SIGNATURE' };
  }
  if (!withinWindow(timestamp, request.now, request.toleranceSecs)) return { ok: false, reason: 'STALE_TIMESTAMP' };
  const requestId = request.headers['messagebird-request-id'];
  return {
    ok: true,
    deliveryId: requestId ? `id:${requestId}` : deliveryDigest(timestamp, signature),
    rememberMs: timedReplayMemoryMs(request.toleranceSecs),
  };
}

/**
 * Bird sends call lifecycle events only (`voice.inbound`/`voice.outbound` with the call's
 * status) and no recording event: a call that `completed` may have new recordings, so its
 * recordings are listed and each becomes an event (the processor does that). The payload's
 * field names are not documented: `payload.id` (or `callId`) and `payload.status` are an
 * inference (docs/vendors/bird.md).
 */
export function normaliseBird(request: WebhookRequest): WebhookOutcome {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body) || !isRecord(body.payload)) return NOTHING;
  const providerEvent = str(body.event);
  if (providerEvent !== 'voice.inbound' && providerEvent !== 'voice.outbound') return NOTHING;
  const status = str(body.payload.status);
  const callId = str(body.payload.callId) ?? str(body.payload.id);
  if (status !== 'completed' || !callId) return NOTHING;
  const occurredAt = isoFromDate(body.payload.endedAt ?? body.payload.updatedAt, request.now);
  return {
    events: [],
    refresh: [{ provider: 'bird', sessionKey: ['call', callId], occurredAt, providerEvent: `${providerEvent}:completed` }],
  };
}

export function birdWebhook(signingKey: string): VendorWebhook {
  return { provider: 'bird', verify: (r) => verifyBird(r, signingKey), normalise: (r) => normaliseBird(r) };
}
