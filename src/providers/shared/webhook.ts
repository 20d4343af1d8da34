import { createHash, timingSafeEqual } from 'node:crypto';
import type { ProviderName } from '../../domain/provider-name';
import type { RecordingEventData, SessionRefresh } from '../../domain/recording-event';

/**
 * The shape every vendor's webhook module (src/providers/<v>/<v>.webhook.ts) works on: the
 * bytes as received and the URL the vendor posted to. Pure data, so verification and
 * normalisation are pure functions of it (plus the key).
 */
export interface WebhookRequest {
  /** The body exactly as received: every scheme signs these bytes, not a re-serialisation. */
  rawBody: Buffer;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The public URL the vendor posted to, query included (PUBLIC_URL + path + query). */
  url: string;
  /** Now, in unix milliseconds (the timestamp window is measured from it). */
  now: number;
  /** How far a signed timestamp may be from `now` (WEBHOOK_TOLERANCE_SECS). */
  toleranceSecs: number;
}

export type WebhookRefusal = 'MISSING_SIGNATURE' | 'BAD_SIGNATURE' | 'STALE_TIMESTAMP' | 'BAD_BODY';

export type WebhookVerdict =
  | {
      ok: true;
      /** Identifies this delivery for replay detection: the vendor's delivery id, or a digest. */
      deliveryId: string;
      /**
       * How long the delivery id must be remembered: past the window a replay is refused
       * as stale anyway; a scheme without a signed timestamp keeps it longer.
       */
      rememberMs: number;
    }
  | { ok: false; reason: WebhookRefusal };

export interface WebhookOutcome {
  events: RecordingEventData[];
  refresh: SessionRefresh[];
  /** A JSON body to answer with instead of the plain acknowledgement (Zoom's url_validation). */
  reply?: unknown;
}

export interface VendorWebhook {
  readonly provider: ProviderName;
  /** Checks the signature (and timestamp) on the raw body; changes nothing. */
  verify(request: WebhookRequest): WebhookVerdict | Promise<WebhookVerdict>;
  /** Reads a verified delivery into normalised events; unknown event types give none. */
  normalise(request: WebhookRequest, deliveryId: string): WebhookOutcome;
}

/** A day: how long a delivery id is remembered when the scheme signs no timestamp. */
export const UNTIMED_REPLAY_MEMORY_MS = 86_400_000;

export const NOTHING: WebhookOutcome = { events: [], refresh: [] };

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();

/**
 * Constant-time equality of two byte strings of any lengths: both are hashed first, so
 * timingSafeEqual gets equal lengths and the time says nothing about where they differ
 * (nor about the expected length).
 */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  return timingSafeEqual(sha256(a), sha256(b)) && a.length === b.length;
}

/** A hex digest naming a delivery by what was signed (for schemes without a delivery id). */
export function deliveryDigest(...parts: Array<Buffer | string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * A signed unix timestamp (seconds; a value in milliseconds is read as such) within the
 * tolerance of now, in either direction (clocks drift both ways).
 */
export function withinWindow(raw: string | undefined, now: number, toleranceSecs: number): boolean {
  if (!raw || !/^\d{1,16}$/.test(raw)) return false;
  const value = Number(raw);
  const ms = value > 1e12 ? value : value * 1000;
  return Math.abs(now - ms) <= toleranceSecs * 1000;
}

/** How long to remember a delivery whose timestamp was checked: the window both ways, plus a minute. */
export function timedReplayMemoryMs(toleranceSecs: number): number {
  return (2 * toleranceSecs + 60) * 1000;
}

/** The body as JSON, or undefined when it is not JSON. */
export function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** ISO string of unix seconds (or milliseconds, when the value is that large); else of `fallbackMs`. */
export function isoFromUnix(value: unknown, fallbackMs: number): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) return new Date(fallbackMs).toISOString();
  return new Date(n > 1e12 ? n : n * 1000).toISOString();
}

/** ISO string of a date string, else of `fallbackMs`. */
export function isoFromDate(value: unknown, fallbackMs: number): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return new Date(Number.isNaN(ms) ? fallbackMs : ms).toISOString();
}
