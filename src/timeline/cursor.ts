import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { ProviderName } from '../domain/provider-name';
import { BadUserInputError } from '../errors/coded-error';
import { DONE, type TimelineState, type VendorState } from './timeline-state';

/** Bumped when the payload's meaning changes: older cursors are then refused, not misread. */
export const CURSOR_VERSION = 1;

/**
 * Longer is refused before any parsing. The largest position is Bird's: a pageToken of up to
 * 8000 characters (docs/vendors/bird.md#listing-and-paging), about 10,700 once in base64url; the other vendors'
 * positions add a few hundred.
 */
export const MAX_CURSOR_LENGTH = 16_384;

/** AES-256-GCM: a 96-bit nonce (NIST SP 800-38D's recommended length) and a 128-bit tag. */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface CursorPayload {
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
 * Seals any payload into a cursor: base64url of nonce, AES-256-GCM ciphertext of its JSON,
 * and tag. Encrypted rather than only signed, because vendor positions name things a client
 * has no business reading (SignalWire's page URIs carry the project id, the user name of its
 * Basic auth); GCM's tag makes it tamper-evident as well.
 */
export function sealCursor(key: Buffer, payload: unknown): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The JSON a cursor sealed with `key` holds; null when it was not, or was altered. */
function openCursor(key: Buffer, cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * `Query.recordings` cursors: `{ v, f, s }` sealed by `sealCursor`. Opaque to clients and
 * tamper-evident: anything this server did not seal for this filter and these vendors is
 * BAD_USER_INPUT before any vendor is called, so an adapter only ever gets back positions
 * it produced itself.
 */
export class CursorCodec {
  constructor(private readonly key: Buffer) {}

  encode(filterFingerprint: string, state: TimelineState): string {
    const payload: CursorPayload = { v: CURSOR_VERSION, f: filterFingerprint, s: state };
    return sealCursor(this.key, payload);
  }

  /** The state a cursor carries; throws BadUserInputError for anything else. */
  decode(cursor: string, filterFingerprint: string, vendors: readonly ProviderName[]): TimelineState {
    if (cursor.length > MAX_CURSOR_LENGTH) throw bad(`it is longer than ${MAX_CURSOR_LENGTH} characters.`);
    const json = openCursor(this.key, cursor);
    if (json === null) throw bad('it was not issued by this server or it was altered.');
    let payload: CursorPayload;
    try {
      payload = JSON.parse(json) as CursorPayload;
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
}
