import { CodedError, BadUserInputError } from '../errors/coded-error';
import { ErrorCode } from '../errors/error-codes';
import { PROVIDER_LABELS } from '../domain/provider-name';
import { canonicalGlobalId, decodeGlobalId, type DecodedGlobalId, type NodeType } from '../ids/global-id';
import type { ProviderRegistry } from '../providers/provider-registry';

export interface ResolvedId extends DecodedGlobalId {
  /** The canonical id: the loaders' cache key. */
  canonical: string;
}

/**
 * Turns a client-supplied id into a validated, canonical one, or throws a coded error:
 * malformed ids and ids of the wrong type are BAD_USER_INPUT, a vendor that is not
 * configured is PROVIDER_NOT_CONFIGURED. Nothing here calls a vendor.
 */
export function resolveId(id: string, providers: ProviderRegistry, expected?: NodeType): ResolvedId {
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
  provider.validateKey(decoded.type, decoded.segments);
  return { ...decoded, canonical: canonicalGlobalId(decoded) };
}
