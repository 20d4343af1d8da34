import { createHash, createHmac } from 'node:crypto';
import type { RecordingEventType } from '../../domain/recording-event';
import {
  deliveryDigest,
  isRecord,
  isoFromDate,
  NOTHING,
  parseJsonBody,
  safeEqual,
  str,
  UNTIMED_REPLAY_MEMORY_MS,
  type VendorWebhook,
  type WebhookOutcome,
  type WebhookRequest,
  type WebhookVerdict,
} from '../shared/webhook';

/**
 * `RecordingStatus` of a RecordingStatusCallback. The callback sends in-progress, completed
 * and absent (docs/vendors/signalwire.md, "Webhooks"); the REST statuses are mapped too in
 * case a space sends them.
 */
const EVENT_TYPES: Record<string, RecordingEventType> = {
  'in-progress': 'STARTED',
  paused: 'PAUSED',
  resumed: 'RESUMED',
  stopped: 'STOPPED',
  processing: 'PROCESSING',
  completed: 'READY',
  absent: 'FAILED',
  failed: 'FAILED',
  deleted: 'DELETED',
};

type Params = Map<string, string[]>;

/**
 * The signed text of the Twilio-compatible scheme: the full URL, then every POST parameter
 * as name + value in sorted name order (a repeated name's values sorted too).
 */
function signedText(url: string, params: Params): string {
  let text = url;
  for (const name of [...params.keys()].sort()) {
    for (const value of [...params.get(name)!].sort()) text += name + value;
  }
  return text;
}

/** base64(HMAC-SHA1(signing key, full URL + sorted name/value pairs)). */
export function signalWireSignature(signingKey: string, url: string, params: Params | Record<string, string>): string {
  const map: Params = params instanceof Map ? params : new Map(Object.entries(params).map(([k, v]) => [k, [v]]));
  return createHmac('sha1', signingKey)
    .update(Buffer.from(signedText(url, map), 'utf8'))
    .digest('base64');
}

function formParams(rawBody: Buffer): Params {
  const out: Params = new Map();
  for (const [name, value] of new URLSearchParams(rawBody.toString('utf8'))) out.set(name, [...(out.get(name) ?? []), value]);
  return out;
}

/**
 * The URL as signed, and with the default port added or removed: the vendor may sign
 * either spelling (the legacy validator checks both).
 */
function urlSpellings(url: string): string[] {
  const parsed = new URL(url);
  const spellings = new Set([url]);
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
  if (parsed.port === '' || parsed.port === defaultPort) {
    const bare = new URL(url);
    bare.port = '';
    spellings.add(bare.toString());
    // URL drops a default port, so the explicit spelling is built by hand.
    spellings.add(`${parsed.protocol}//${parsed.hostname}:${defaultPort}${parsed.pathname}${parsed.search}`);
  }
  return [...spellings];
}

/**
 * `X-SignalWire-Signature` (or `X-Twilio-Signature`). A form body is signed with its
 * parameters; a JSON body is signed by URL alone, which carries `bodySHA256`, the hex
 * SHA-256 of the body, checked too.
 */
export function verifySignalWire(request: WebhookRequest, signingKey: string): WebhookVerdict {
  const signature = request.headers['x-signalwire-signature'] ?? request.headers['x-twilio-signature'];
  if (!signature) return { ok: false, reason: 'MISSING_SIGNATURE' };
  const bodySha = new URL(request.url).searchParams.get('bodySHA256');
  const params: Params = bodySha === null ? formParams(request.rawBody) : new Map();
  let valid = false;
  for (const url of urlSpellings(request.url)) {
    valid = safeEqual(Buffer.from(signature.trim()), Buffer.from(signalWireSignature(signingKey, url, params))) || valid;
  }
  if (bodySha !== null) {
    const actual = createHash('sha256').update(request.rawBody).digest('hex');
    valid = safeEqual(Buffer.from(bodySha.toLowerCase()), Buffer.from(actual)) && valid;
  }
  if (!valid) return { ok: false, reason: 'BAD_SIGNATURE' };
  // No timestamp is signed: a delivery is known by what was signed, and remembered for a day.
  return { ok: true, deliveryId: deliveryDigest(signature, request.rawBody), rememberMs: UNTIMED_REPLAY_MEMORY_MS };
}

function fields(request: WebhookRequest): Record<string, unknown> | null {
  if (new URL(request.url).searchParams.has('bodySHA256')) {
    const body = parseJsonBody(request.rawBody);
    return isRecord(body) ? body : null;
  }
  return Object.fromEntries(new URLSearchParams(request.rawBody.toString('utf8')));
}

/** `AccountSid, CallSid, ConferenceSid?, RecordingSid, RecordingStatus, RecordingDuration, …`. */
export function normaliseSignalWire(request: WebhookRequest, deliveryId: string): WebhookOutcome {
  const body = fields(request);
  const status = body ? str(body.RecordingStatus) : null;
  const type = status ? EVENT_TYPES[status] : undefined;
  if (!body || !status || !type) return NOTHING;
  const recordingSid = str(body.RecordingSid);
  const conferenceSid = str(body.ConferenceSid);
  const callSid = str(body.CallSid);
  return {
    events: [
      {
        id: `${deliveryId}:0`,
        type,
        provider: 'signalwire',
        // The callback carries no event time of its own (a `Timestamp` when present, RFC 2822).
        occurredAt: isoFromDate(body.Timestamp, request.now),
        providerEvent: `RecordingStatusCallback:${status}`,
        recordingKey: recordingSid ? [recordingSid] : null,
        sessionKey: conferenceSid ? ['conference', conferenceSid] : callSid ? ['call', callSid] : null,
      },
    ],
    refresh: [],
  };
}

export function signalWireWebhook(signingKey: string): VendorWebhook {
  return { provider: 'signalwire', verify: (r) => verifySignalWire(r, signingKey), normalise: normaliseSignalWire };
}
