import DataLoader from 'dataloader';
import type { AccessLinkData, RecordingData, SessionData } from '../domain/model';
import { PROVIDER_LABELS, type ProviderName } from '../domain/provider-name';
import { NotFoundError } from '../errors/coded-error';
import { decodeGlobalId, recordingGlobalId } from '../ids/global-id';
import type { ProviderRegistry } from '../providers/provider-registry';
import { checkLinkInRange, checkRecordingInRange, checkSessionInRange } from '../providers/shared/in-range';
import type { BatchResult, LinkPrefetch, RecordingProvider } from '../providers/recording-provider';
import type { CallContext } from '../domain/call-context';
import type { CrossRequestCache } from './cross-request-cache';
import { canHaveLink } from '../domain/link-rule';
import type { RefusedLinks } from './refused-links';

export interface AccessLinkKey {
  recording: RecordingData;
  validForSecs: number;
}

/** One set per GraphQL request (DataLoader's README): never shared, dropped with the request. */
export interface Loaders {
  /** Keyed by canonical Recording global id. */
  recording: DataLoader<string, RecordingData>;
  /** Keyed by canonical Session global id. */
  session: DataLoader<string, SessionData>;
  /** Keyed by recording id + validForSecs; null when the vendor has no link for it. */
  accessLink: DataLoader<AccessLinkKey, AccessLinkData | null, string>;
  /**
   * Starts, before the recording is loaded, the link calls the operation will need for it
   * (canonical Recording global id, each validity it selects), where the vendor needs only the
   * id (RecordingProvider.prefetchAccessLinks); `accessLink` later takes them through the
   * adapter's memo. Nothing without batching (the naive baseline has no memo).
   */
  prefetchLinks(recordingId: string, validities: readonly number[]): void;
  /**
   * Puts a recording the request already has (a timeline page, a session's list) in the
   * recording loader, so nothing loads it again, and notes its status for the prefetch.
   */
  primeRecording(recording: RecordingData): void;
}

export interface LoaderOptions {
  /** false only for the benchmark's naive baseline: every load is its own vendor call. */
  batching: boolean;
  /** What outlives the request (CACHE); none: every batch goes to the vendor. */
  cache?: CrossRequestCache;
  /** The process's memory of recordings last seen without a file to link (the prefetch skips them). */
  refusedLinks?: RefusedLinks;
}

/**
 * Splits one batch of keys by vendor, hands each vendor its keys in one batch call, all
 * vendors concurrently, and puts every answer back in its key's slot. `spend` takes each
 * key's share of the request's budget first: a key it refuses (BUDGET_EXCEEDED) gets that
 * error in its slot and is never sent to its vendor.
 */
async function dispatchByProvider<K, T>(
  keys: readonly K[],
  providerOf: (key: K) => ProviderName,
  call: (provider: RecordingProvider, keys: K[]) => Promise<BatchResult<T>>,
  providers: ProviderRegistry,
  spend: (key: K, provider: ProviderName) => void = () => undefined,
): Promise<BatchResult<T>> {
  const out: BatchResult<T> = new Array(keys.length).fill(null);
  const byProvider = new Map<ProviderName, number[]>();
  keys.forEach((key, i) => {
    const name = providerOf(key);
    try {
      spend(key, name);
    } catch (error) {
      out[i] = error instanceof Error ? error : new Error(String(error));
      return;
    }
    byProvider.set(name, [...(byProvider.get(name) ?? []), i]);
  });
  await Promise.all(
    [...byProvider].map(async ([name, indexes]) => {
      const provider = providers[name];
      if (!provider) {
        // resolveId refuses ids of unconfigured vendors before they get here.
        for (const i of indexes) out[i] = new Error(`${PROVIDER_LABELS[name]} is not configured`);
        return;
      }
      let results: BatchResult<T>;
      try {
        results = await call(
          provider,
          indexes.map((i) => keys[i]),
        );
      } catch (error) {
        results = indexes.map(() => (error instanceof Error ? error : new Error(String(error))));
      }
      indexes.forEach((keyIndex, j) => {
        out[keyIndex] = results[j] ?? null;
      });
    }),
  );
  return out;
}

/**
 * A vendor's answer as the schema can write it, or PROVIDER_BAD_RESPONSE naming the vendor
 * for a number or date out of range (src/providers/shared/in-range.ts), in its slot alone.
 */
function checked<T>(result: T | null | Error, check: (value: T) => void): T | null | Error {
  if (result === null || result instanceof Error) return result;
  try {
    check(result);
    return result;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function notFound<T>(result: T | null | Error, provider: ProviderName, what: string): T | Error {
  return result === null ? new NotFoundError(`${PROVIDER_LABELS[provider]} has no such ${what}.`, provider) : result;
}

export function createLoaders(providers: ProviderRegistry, ctx: CallContext, options: LoaderOptions): Loaders {
  const loaderOptions = options.batching ? {} : { batch: false, cache: false };
  const cache = options.cache;
  const callCtx: CallContext = options.batching ? { ...ctx, memo: ctx.memo ?? new Map() } : { ...ctx, memo: undefined, hints: undefined };

  // The request's run-time budget (src/domain/request-budget.ts): one object per recording or
  // session asked for, taken before the vendor is called; a session's recordings once it has
  // them (its listing, collectPages, already stopped at what was left); one link per link.
  const budget = ctx.budget;
  const oneObject = budget ? (_key: unknown, provider: ProviderName) => budget.spendObjects(1, provider) : undefined;

  // Recordings this request has loaded or been handed (canonical ids): a link asked for one
  // of them needs no prefetch, its call can start at once.
  const known = new Set<string>();
  const refusedLinks = options.refusedLinks;
  const noteRecording = (id: string, rec: RecordingData) => {
    known.add(id);
    refusedLinks?.note(id, rec.status);
  };

  const recording: DataLoader<string, RecordingData> = new DataLoader(async (ids) => {
    ctx.metrics?.loaderBatch('recording', ids.length);
    const decoded = ids.map((id) => decodeGlobalId(id));
    const results = await dispatchByProvider(
      decoded,
      (d) => d.provider,
      (p, keys) => {
        const segments = keys.map((k) => k.segments);
        return cache
          ? cache.getRecordings(p.name, segments, callCtx, (ks) => p.getRecordings(ks, callCtx))
          : p.getRecordings(segments, callCtx);
      },
      providers,
      oneObject,
    );
    return results.map((r, i) => {
      const result = notFound(checked(r, checkRecordingInRange), decoded[i].provider, 'recording');
      if (!(result instanceof Error)) noteRecording(ids[i], result);
      return result;
    });
  }, loaderOptions);

  const primeRecording = (rec: RecordingData): void => {
    const id = recordingGlobalId(rec);
    noteRecording(id, rec);
    recording.prime(id, rec);
  };

  const session: DataLoader<string, SessionData> = new DataLoader(async (ids) => {
    ctx.metrics?.loaderBatch('session', ids.length);
    const decoded = ids.map((id) => decodeGlobalId(id));
    const results = await dispatchByProvider(
      decoded,
      (d) => d.provider,
      (p, keys) => {
        const segments = keys.map((k) => k.segments);
        return cache ? cache.getSessions(p.name, segments, callCtx, (ks) => p.getSessions(ks, callCtx)) : p.getSessions(segments, callCtx);
      },
      providers,
      oneObject,
    );
    return results.map((result, i) => {
      const r = checked(result, checkSessionInRange);
      if (r && !(r instanceof Error)) {
        try {
          budget?.spendObjects(r.recordings.length, r.provider);
        } catch (error) {
          return error as Error;
        }
        // A session's list already holds its recordings: later loads of them cost nothing.
        if (options.batching) for (const rec of r.recordings) primeRecording(rec);
      }
      return notFound(r, decoded[i].provider, 'session');
    });
  }, loaderOptions);

  const accessLink = new DataLoader<AccessLinkKey, AccessLinkData | null, string>(
    async (keys) => {
      ctx.metrics?.loaderBatch('accessLink', keys.length);
      const oneLink = budget ? (_key: AccessLinkKey, provider: ProviderName) => budget.spendLink(provider) : undefined;
      const results = await dispatchByProvider(
        keys,
        (k) => k.recording.provider,
        (p, ks) =>
          cache ? cache.getAccessLinks(p.name, ks, callCtx, (rs) => p.getAccessLinks(rs, callCtx)) : p.getAccessLinks(ks, callCtx),
        providers,
        oneLink,
      );
      return results.map((r, n) => checked(r, (link) => checkLinkInRange(keys[n].recording.provider, link)));
    },
    { ...loaderOptions, cacheKeyFn: (k) => `${recordingGlobalId(k.recording)}|${k.validForSecs}` },
  );

  const prefetchLinks = (recordingId: string, validities: readonly number[]): void => {
    // No prefetch (docs/performance.md, "Prefetched links"): without batching (no memo); for a
    // recording this request already has (its link call starts at once); and for one last
    // seen in a status that cannot have a link (refusedLinks). With the cross-request cache,
    // through it (below): no call for a link it holds, and the one it mints.
    if (!options.batching || validities.length === 0 || known.has(recordingId) || refusedLinks?.has(recordingId)) return;
    const { provider, segments } = decodeGlobalId(recordingId);
    const adapter = providers[provider];
    if (!adapter?.prefetchAccessLinks) return;
    const start = (links: ReadonlyArray<Omit<LinkPrefetch, 'key'>>) =>
      adapter.prefetchAccessLinks!(
        links.map((link) => ({ key: segments, ...link })),
        callCtx,
      );
    if (!cache) return start(validities.map((validForSecs) => ({ validForSecs })));
    // Through the cache: nothing for a link it holds or another request is fetching; the
    // cache keeps one link per recording, so only the first validity is fetched ahead, minted
    // longer than asked, with the validity asked for the adapter's rules (askedSecs).
    void cache.prefetchAccessLink(
      provider,
      segments,
      validities[0],
      callCtx,
      (minted) => start([minted]),
      async (minted) => {
        const rec = await recording.load(recordingId);
        // A recording the link rule refuses gets no link (the field says why): nothing to keep.
        if (!canHaveLink(rec.status)) return null;
        return (await adapter.getAccessLinks([{ recording: rec, ...minted }], callCtx))[0] ?? null;
      },
    );
  };

  return { recording, session, accessLink, prefetchLinks, primeRecording };
}
