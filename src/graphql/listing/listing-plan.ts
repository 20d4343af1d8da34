import { PROVIDER_LABELS, PROVIDER_NAMES, type ProviderName } from '../../domain/provider-name';
import { BadUserInputError, CodedError } from '../../errors/coded-error';
import { ErrorCode } from '../../errors/error-codes';
import { fingerprint } from '../../timeline/cursor';
import type { TimelineSource } from '../../timeline/timeline-page';
import type { ProviderRegistry } from '../../providers/provider-registry';
import type { ListFilter } from '../../providers/recording-provider';
import { resolveId } from '../resolve-id';
import type { RecordingFilterInput } from './recording-filter.input';

export const DEFAULT_FIRST = 20;
/** Largest page: 100 recordings × 5 vendors' fetches stays a bounded amount of vendor work. */
export const MAX_FIRST = 100;

/** What one `Query.recordings` call will ask of which vendors, decided before any call. */
export interface ListingPlan {
  first: number;
  sources: TimelineSource[];
  /** Vendors the filter names that this server has no credentials for: an error each, no call. */
  unconfigured: CodedError[];
  /** Of the filter, normalized: a cursor only works with the filter it was made for. */
  fingerprint: string;
}

function distinct<T extends string>(values: readonly T[] | null | undefined, field: string): T[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0) throw new BadUserInputError(`filter.${field} is empty: name at least one, or leave it out for all.`);
  return [...new Set(values)].sort();
}

/**
 * Validates the arguments of `Query.recordings` and decides which vendors are asked, with
 * which filter. Every problem is a BadUserInputError thrown here, before any vendor call;
 * the session id goes through `resolveId`, so its vendor's id rules are checked too.
 */
export function planListing(filter: RecordingFilterInput | null | undefined, first: number, registry: ProviderRegistry): ListingPlan {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_FIRST}; got ${first}.`);
  }
  const providers = distinct(filter?.providers, 'providers');
  const statuses = distinct(filter?.statuses, 'statuses');
  const startedAfter = filter?.startedAfter ?? undefined;
  const startedBefore = filter?.startedBefore ?? undefined;
  if (startedAfter && startedBefore && startedAfter.getTime() >= startedBefore.getTime()) {
    throw new BadUserInputError('filter.startedAfter must be earlier than filter.startedBefore.');
  }
  const session = filter?.sessionId != null ? resolveId(filter.sessionId, registry, 'Session') : undefined;
  if (session && providers && !providers.includes(session.provider)) {
    throw new BadUserInputError(`filter.sessionId is a ${PROVIDER_LABELS[session.provider]} session, which filter.providers leaves out.`);
  }

  const wanted: readonly ProviderName[] = session ? [session.provider] : (providers ?? PROVIDER_NAMES);
  const base: ListFilter = {
    ...(startedAfter ? { startedAfter } : {}),
    ...(startedBefore ? { startedBefore } : {}),
    ...(statuses ? { statuses } : {}),
  };
  const sources: TimelineSource[] = [];
  const unconfigured: CodedError[] = [];
  for (const name of PROVIDER_NAMES.filter((p) => wanted.includes(p))) {
    const provider = registry[name];
    if (provider) sources.push({ provider, filter: session ? { ...base, sessionKey: session.segments } : base });
    else if (providers) {
      unconfigured.push(
        new CodedError(ErrorCode.PROVIDER_NOT_CONFIGURED, `${PROVIDER_LABELS[name]} is not configured on this server.`, name),
      );
    }
  }
  return {
    first,
    sources,
    unconfigured,
    fingerprint: fingerprint({
      providers,
      statuses,
      startedAfter: startedAfter?.toISOString() ?? null,
      startedBefore: startedBefore?.toISOString() ?? null,
      sessionId: session?.canonical ?? null,
    }),
  };
}
