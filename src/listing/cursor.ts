import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ProviderName } from '../domain/provider-name';
import { BadUserInputError } from '../errors/coded-error';
import { DONE, type TimelineState, type VendorState } from './timeline-state';

/** Bumped when the payload's meaning changes: older cursors are then refused, not misread. */
export const CURSOR_VERSION = 1;

/**
 * Longer is refused before any parsing. The largest position is Bird's: a pageToken of up to
 * 8000 characters (providers.md §4), about 10,700 once in base64url; the other vendors'
 * positions add a few hundred.
 */
export const MAX_CURSOR_LENGTH = 16_384;

interface CursorPayload {
  /** Version. */
  v: number;
  /** Fingerprint of the filter the cursor was made for. */
  f: string;
  /** Per-vendor state. */
  s: Record<string, unknown>;
}

const START_OVER = 'Start from the first page (omit `after`).';

function bad(reason: string): BadUserInputError {
  return new BadUserInputError(`Invalid cursor: ${reason} ${START_OVER}`);
}

/**
 * A short, stable digest of a normalized filter: a cursor carries it so it only works with
 * the filter it was made for.
 */
export function fingerprint(normalized: unknown): string {
  return createHash('sha256').update(JSON.stringify(normalized)).digest('base64url').slice(0, 22);
}

function isPosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
}

function isVendorState(value: unknown): value is VendorState {
  return value === null || value === DONE || isPosition(value);
}

/**
 * `Query.recordings` cursors: base64url JSON `{ v, f, s }` and an HMAC-SHA256 over it,
 * `<payload>.<mac>`. Opaque to clients and tamper-evident: anything this server did not
 * sign for this filter and these vendors is BAD_USER_INPUT before any vendor is called, so
 * an adapter only ever gets back positions it produced itself.
 */
export class CursorCodec {
  constructor(private readonly key: Buffer) {}

  encode(filterFingerprint: string, state: TimelineState): string {
    const payload: CursorPayload = { v: CURSOR_VERSION, f: filterFingerprint, s: state };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The state a cursor carries; throws BadUserInputError for anything else. */
  decode(cursor: string, filterFingerprint: string, vendors: readonly ProviderName[]): TimelineState {
    if (cursor.length > MAX_CURSOR_LENGTH) throw bad(`it is longer than ${MAX_CURSOR_LENGTH} characters.`);
    const parts = cursor.split('.');
    if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0])) throw bad('it is not a cursor this API issued.');
    const [body, mac] = parts;
    const expected = Buffer.from(this.mac(body), 'ascii');
    const given = Buffer.from(mac, 'ascii');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw bad('it was not issued by this server or it was altered.');
    }
    let payload: CursorPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
    } catch {
      throw bad('it is not a cursor this API issued.');
    }
    if (typeof payload !== 'object' || payload === null || payload.v !== CURSOR_VERSION) {
      throw bad('it was made by another version of this API.');
    }
    if (payload.f !== filterFingerprint) throw bad('it was made for a different filter; use it with the same `filter` it came with.');
    const state = payload.s;
    const keys = typeof state === 'object' && state !== null ? Object.keys(state).sort() : [];
    if (keys.join() !== [...vendors].sort().join() || !Object.values(state).every(isVendorState)) {
      throw bad('it was made for a different set of vendors.');
    }
    return state as TimelineState;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body, 'ascii').digest('base64url');
  }
}
