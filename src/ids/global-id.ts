import { BadUserInputError } from '../errors/coded-error';
import type { RecordingData, SessionData } from '../domain/model';
import { isProviderName, type ProviderName } from '../domain/provider-name';

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
}

export function encodeGlobalId(type: NodeType, provider: ProviderName, segments: readonly string[]): string {
  if (segments.length === 0) throw new Error('a global id needs at least one segment');
  return `${GLOBAL_ID_PREFIX}${type}/${provider}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
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
    throw new BadUserInputError(`Malformed id: unknown provider; expected one of daily, signalwire, zoom, bird, cloudflare.`);
  }
  if (raw.length === 0) throw new BadUserInputError(`Malformed id: no vendor id; ${expected}.`);
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
