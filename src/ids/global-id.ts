import { BadUserInputError } from '../errors/coded-error';
import type { RecordingData, SessionData } from '../domain/model';
import { isProviderName, PROVIDER_NAMES, type ProviderName } from '../domain/provider-name';

/**
 * Global ids, Shopify style (docs/api.md#global-ids):
 *
 *     gid://recording-graph/<Type>/<provider>/<segment>[/<segment>]
 *
 * Each segment is encodeURIComponent of a vendor key, so a backend that stored the
 * vendor's own id can build one without a lookup.
 */
export const GLOBAL_ID_PREFIX = 'gid://recording-graph/';

export const NODE_TYPES = ['Recording', 'Session'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Ids longer than this are refused before any parsing; real ones are well under 300. */
export const MAX_GLOBAL_ID_LENGTH = 1024;

export interface DecodedGlobalId {
  type: NodeType;
  provider: ProviderName;
  segments: string[];
  /** The id came in the issued form (see encodeGlobalId): its vendor segments need only be safe. */
  issued?: boolean;
}

/**
 * Starts every segment of an id in the issued form: `~` and the vendor's key in base64url.
 * The server writes an id so when its key is outside the vendor's documented id pattern (a
 * vendor list returned such an id), so that the id it hands out is accepted back
 * (src/ids/segment-rules.ts, expectSegments). No documented pattern allows `~`.
 */
const ISSUED = '~';

/**
 * `issued`: write every segment in the issued form (for a key outside the vendor's pattern);
 * otherwise each segment is encodeURIComponent of the key, readable and buildable by hand.
 */
export function encodeGlobalId(type: NodeType, provider: ProviderName, segments: readonly string[], issued = false): string {
  if (segments.length === 0) throw new Error('a global id needs at least one segment');
  const encode = issued ? (s: string) => `${ISSUED}${Buffer.from(s, 'utf8').toString('base64url')}` : (s: string) => encodeURIComponent(s);
  return `${GLOBAL_ID_PREFIX}${type}/${provider}/${segments.map(encode).join('/')}`;
}

/** A segment in the issued form, decoded; undefined when it is not one the server could have written. */
function decodeIssued(segment: string): string | undefined {
  const body = segment.slice(ISSUED.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return undefined;
  const decoded = Buffer.from(body, 'base64url').toString('utf8');
  return Buffer.from(decoded, 'utf8').toString('base64url') === body ? decoded : undefined;
}

/** The global id of a recording the domain model holds. */
export function recordingGlobalId(recording: Pick<RecordingData, 'provider' | 'key'>): string {
  return encodeGlobalId('Recording', recording.provider, recording.key);
}

/** The global id of a session the domain model holds. */
export function sessionGlobalId(session: Pick<SessionData, 'provider' | 'key'>): string {
  return encodeGlobalId('Session', session.provider, session.key);
}

/**
 * Parses a global id. Every failure is a BadUserInputError that says what is wrong and
 * shows the expected form; nothing here calls a vendor. Vendor-specific segment rules
 * are checked afterwards by the provider's `validateKey`.
 */
export function decodeGlobalId(id: string): DecodedGlobalId {
  const expected = `expected ${GLOBAL_ID_PREFIX}<Recording|Session>/<provider>/<vendor id>`;
  if (typeof id !== 'string' || id.length === 0) throw new BadUserInputError(`Malformed id: it is empty; ${expected}.`);
  if (id.length > MAX_GLOBAL_ID_LENGTH) {
    throw new BadUserInputError(`Malformed id: it is longer than ${MAX_GLOBAL_ID_LENGTH} characters.`);
  }
  if (!id.startsWith(GLOBAL_ID_PREFIX)) throw new BadUserInputError(`Malformed id: ${expected}.`);
  const parts = id.slice(GLOBAL_ID_PREFIX.length).split('/');
  const [type, provider, ...raw] = parts;
  if (!(NODE_TYPES as readonly string[]).includes(type)) {
    throw new BadUserInputError(`Malformed id: unknown type; ${expected}.`);
  }
  if (!provider || !isProviderName(provider)) {
    throw new BadUserInputError(`Malformed id: unknown provider; expected one of ${PROVIDER_NAMES.join(', ')}.`);
  }
  if (raw.length === 0) throw new BadUserInputError(`Malformed id: no vendor id; ${expected}.`);
  if (raw.every((segment) => segment.startsWith(ISSUED))) {
    const segments = raw.map(decodeIssued);
    if (segments.some((s) => s === undefined || s.length === 0))
      throw new BadUserInputError('Malformed id: a segment is not one this API issued.');
    return { type: type as NodeType, provider, segments: segments as string[], issued: true };
  }
  const segments = raw.map((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new BadUserInputError('Malformed id: a segment is not valid percent-encoding.');
    }
    if (decoded.length === 0) throw new BadUserInputError('Malformed id: a segment is empty.');
    return decoded;
  });
  return { type: type as NodeType, provider, segments };
}

/** The canonical spelling of an id: the cache key under which loaders de-duplicate. */
export function canonicalGlobalId(decoded: DecodedGlobalId): string {
  return encodeGlobalId(decoded.type, decoded.provider, decoded.segments);
}
