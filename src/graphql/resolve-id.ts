import { LRUCache } from 'lru-cache';
import { CodedError, BadUserInputError } from '../errors/coded-error';
import { ErrorCode } from '../errors/error-codes';
import { PROVIDER_LABELS, type ProviderName } from '../domain/provider-name';
import { canonicalGlobalId, decodeGlobalId, encodeGlobalId, type DecodedGlobalId, type NodeType } from '../ids/global-id';
import type { ProviderRegistry } from '../providers/provider-registry';

export interface ResolvedId extends DecodedGlobalId {
  /** The canonical id: the loaders' cache key. */
  canonical: string;
}

/** Ids already resolved, per registry (one per server): the same id costs its parsing once. */
const resolved = new WeakMap<ProviderRegistry, LRUCache<string, Readonly<ResolvedId>>>();
/** How many ids each server keeps resolved, and their most memory (an id is at most 1,024 characters). */
const RESOLVED_IDS_MAX = 10_000;
const RESOLVED_IDS_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Turns a client-supplied id into a validated, canonical one, or throws a coded error:
 * malformed ids and ids of the wrong type are BAD_USER_INPUT, a vendor that is not
 * configured is PROVIDER_NOT_CONFIGURED. Nothing here calls a vendor. The answer is a pure
 * function of the id and the server's vendors, so an id that resolved is kept (frozen) and
 * not parsed again; one that failed is checked anew every time.
 */
export function resolveId(id: string, providers: ProviderRegistry, expected?: NodeType): ResolvedId {
  let known = resolved.get(providers);
  if (!known)
    resolved.set(
      providers,
      (known = new LRUCache({
        max: RESOLVED_IDS_MAX,
        maxSize: RESOLVED_IDS_MAX_BYTES,
        sizeCalculation: (_v, key) => 4 * key.length + 200,
      })),
    );
  const hit = typeof id === 'string' ? known.get(id) : undefined;
  if (hit && (!expected || hit.type === expected)) return hit;
  const fresh = resolveAnew(id, providers, expected);
  known.set(id, Object.freeze({ ...fresh, segments: Object.freeze([...fresh.segments]) as string[] }));
  return fresh;
}

function resolveAnew(id: string, providers: ProviderRegistry, expected?: NodeType): ResolvedId {
  const decoded = decodeGlobalId(id);
  if (expected && decoded.type !== expected) {
    throw new BadUserInputError(`Expected a ${expected} id, got a ${decoded.type} id.`);
  }
  const provider = providers[decoded.provider];
  if (!provider) {
    throw new CodedError(
      ErrorCode.PROVIDER_NOT_CONFIGURED,
      `${PROVIDER_LABELS[decoded.provider]} is not configured on this server.`,
      decoded.provider,
    );
  }
  provider.validateKey(decoded.type, decoded.segments, decoded.issued === true);
  return { ...decoded, canonical: canonicalGlobalId(decoded) };
}

/**
 * The id the server hands out for a recording or session: the readable form when its key
 * fits the vendor's documented id pattern (validateKey), else the issued form
 * (encodeGlobalId), which resolveId accepts back. So every id the server hands out
 * round-trips, a vendor id outside the pattern included, while ids a client writes by hand
 * keep the vendor's pattern.
 */
export function handedOutId(type: NodeType, data: { provider: ProviderName; key: readonly string[] }, providers: ProviderRegistry): string {
  try {
    providers[data.provider]?.validateKey(type, data.key);
    return encodeGlobalId(type, data.provider, data.key);
  } catch {
    return encodeGlobalId(type, data.provider, data.key, true);
  }
}
