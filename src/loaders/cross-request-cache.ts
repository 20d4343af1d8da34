import type { AccessLinkData, RecordingData, RecordingStatus, SessionData } from '../domain/model';
import type { ProviderName } from '../domain/provider-name';
import { ProviderError } from '../errors/provider-error';
import type { CallContext } from '../domain/call-context';
import type { AccessLinkRequest, BatchResult } from '../providers/recording-provider';
import type { CacheStore } from './cache-store';

/** The cache's rules (CACHE_* in src/config's CacheConfig, which fits this). */
export interface CacheRules {
  ttlSecs: number;
  changingTtlSecs: number;
  linkSlack: number;
}

/** Statuses that do not change any more (docs/caching-and-rate-limits.md). */
const FINAL: ReadonlySet<RecordingStatus> = new Set(['READY', 'FAILED', 'DELETED']);

/** The model's Date fields, revived from the ISO strings JSON made of them. */
const DATE_FIELDS = new Set(['startedAt', 'endedAt', 'createdAt', 'expiresAt']);
const revive = (key: string, value: unknown): unknown => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value);

type Kind = 'recording' | 'session' | 'accessLink';

/**
 * What vendors answered, reused across requests by the rules of docs/caching-and-rate-limits.md:
 * - a recording in a final state for `ttlSecs`, one still changing for `changingTtlSecs`;
 *   a session for `ttlSecs` once all its recordings are final, otherwise the short time;
 * - an access link only while what remains of it is at least the validity asked and at
 *   most `linkSlack` times it; links are minted that much longer than asked, and the answer
 *   carries the link's real `expiresAt`/`validForSecs`;
 * - concurrent reads of the same thing share one vendor call (single flight, in process);
 * - every key holds the vendor account (a hash of its credentials): nothing crosses accounts.
 * A request with `Cache-Control: no-cache` (ctx.cacheRead false) reads nothing from it and
 * refreshes what it fetched. Errors and "not found" are never kept.
 *
 * Invalidation (for webhooks and subscriptions): invalidateRecording / invalidateSession.
 */
export class CrossRequestCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly config: CacheRules,
    private readonly store: CacheStore,
    /** A hash of each configured vendor's credentials (never the credentials). */
    private readonly accounts: Partial<Record<ProviderName, string>>,
    private readonly now: () => number = Date.now,
  ) {}

  private key(kind: Kind, provider: ProviderName, key: readonly string[]): string {
    return `rg:cache:${kind}:${provider}:${this.accounts[provider] ?? '-'}:${key.map(encodeURIComponent).join('/')}`;
  }

  /** Drops a recording and its link (e.g. on a vendor's webhook saying it changed). */
  async invalidateRecording(provider: ProviderName, key: readonly string[]): Promise<void> {
    await this.store.delete([this.key('recording', provider, key), this.key('accessLink', provider, key)]);
  }

  /** Drops a session (e.g. a recording was added to it). */
  async invalidateSession(provider: ProviderName, key: readonly string[]): Promise<void> {
    await this.store.delete([this.key('session', provider, key)]);
  }

  private recordingTtlMs(status: RecordingStatus): number {
    return (FINAL.has(status) ? this.config.ttlSecs : this.config.changingTtlSecs) * 1000;
  }

  getRecordings(
    provider: ProviderName,
    keys: ReadonlyArray<readonly string[]>,
    ctx: CallContext,
    fetch: (keys: ReadonlyArray<readonly string[]>) => Promise<BatchResult<RecordingData>>,
  ): Promise<BatchResult<RecordingData>> {
    return this.readEach<readonly string[], RecordingData>(
      'recording',
      provider,
      keys,
      (k) => k,
      ctx,
      fetch,
      (r) => this.recordingTtlMs(r.status),
      () => () => true,
    );
  }

  getSessions(
    provider: ProviderName,
    keys: ReadonlyArray<readonly string[]>,
    ctx: CallContext,
    fetch: (keys: ReadonlyArray<readonly string[]>) => Promise<BatchResult<SessionData>>,
  ): Promise<BatchResult<SessionData>> {
    const ttl = (s: SessionData) =>
      (s.recordings.length > 0 && s.recordings.every((r) => FINAL.has(r.status)) ? this.config.ttlSecs : this.config.changingTtlSecs) *
      1000;
    return this.readEach<readonly string[], SessionData>(
      'session',
      provider,
      keys,
      (k) => k,
      ctx,
      fetch,
      ttl,
      () => () => true,
    );
  }

  /**
   * Links: a recording whose link is known from its body needs no call and goes straight
   * through; the others are reused within the bounds above or minted `linkSlack` times longer.
   */
  async getAccessLinks(
    provider: ProviderName,
    requests: readonly AccessLinkRequest[],
    ctx: CallContext,
    fetch: (requests: readonly AccessLinkRequest[]) => Promise<BatchResult<AccessLinkData>>,
  ): Promise<BatchResult<AccessLinkData>> {
    const slack = this.config.linkSlack;
    const fits = (request: AccessLinkRequest) => (link: AccessLinkData) => {
      if (link.expiresAt === null) return false;
      const left = (link.expiresAt.getTime() - this.now()) / 1000;
      return left >= request.validForSecs && left <= request.validForSecs * slack;
    };
    const out: BatchResult<AccessLinkData> = new Array(requests.length).fill(null);
    const minted = requests.map((r, i) => ({ r, i })).filter(({ r }) => r.recording.knownLink === undefined);
    const known = requests.map((r, i) => ({ r, i })).filter(({ r }) => r.recording.knownLink !== undefined);
    const [fromCache, direct] = await Promise.all([
      this.readEach<AccessLinkRequest, AccessLinkData>(
        'accessLink',
        provider,
        minted.map(({ r }) => r),
        (r) => r.recording.key,
        ctx,
        // Minted longer than asked, so the next requests for the same validity can reuse it.
        (rs) => fetch(rs.map((r) => ({ ...r, validForSecs: Math.ceil(r.validForSecs * slack) }))),
        (link) => (link.expiresAt ? link.expiresAt.getTime() - this.now() : 0),
        fits,
      ),
      known.length > 0 ? fetch(known.map(({ r }) => r)) : Promise.resolve([]),
    ]);
    minted.forEach(({ i }, j) => {
      out[i] = withRealValidity(fromCache[j], this.now());
    });
    known.forEach(({ i }, j) => {
      out[i] = direct[j] ?? null;
    });
    return out;
  }

  /**
   * Each key: a usable cached value, else a fetch in flight for it (single flight), else one
   * vendor batch for all the rest. What the batch answers is stored for its time to live.
   */
  private async readEach<K, T>(
    kind: Kind,
    provider: ProviderName,
    keys: readonly K[],
    keyOf: (key: K) => readonly string[],
    ctx: CallContext,
    fetch: (keys: readonly K[]) => Promise<BatchResult<T>>,
    ttlMs: (value: T) => number,
    usable: (key: K) => (value: T) => boolean,
  ): Promise<BatchResult<T>> {
    if (keys.length === 0) return [];
    const cacheKeys = keys.map((k) => this.key(kind, provider, keyOf(k)));
    const reading = ctx.cacheRead !== false && this.store.available();
    const out: Array<T | null | Error | undefined> = new Array(keys.length).fill(undefined);
    if (reading) {
      const found = await this.store.getMany(cacheKeys).catch(() => cacheKeys.map(() => undefined));
      found.forEach((text, i) => {
        if (text === undefined) return;
        const value = JSON.parse(text, revive) as T;
        if (usable(keys[i])(value)) {
          out[i] = value;
          ctx.metrics?.cacheLookup?.(kind, 'hit');
        }
      });
    }
    const waits: Array<Promise<void>> = [];
    const missing: number[] = [];
    keys.forEach((key, i) => {
      if (out[i] !== undefined) return;
      const flying = reading ? (this.inFlight.get(cacheKeys[i]) as Promise<T | null | Error> | undefined) : undefined;
      if (flying) {
        ctx.metrics?.cacheLookup?.(kind, 'shared');
        waits.push(
          flying.then(async (value) => {
            // The call we joined was cut because its own client went away, or its value does not
            // fit what we ask (another validity): make our own.
            if ((isAborted(value) && !ctx.signal?.aborted) || (value !== null && !(value instanceof Error) && !usable(key)(value))) {
              out[i] = (await fetch([key]))[0] ?? null;
            } else out[i] = value;
          }),
        );
      } else {
        ctx.metrics?.cacheLookup?.(kind, 'miss');
        missing.push(i);
      }
    });
    if (missing.length > 0) {
      const batch = fetch(missing.map((i) => keys[i]));
      missing.forEach((i, j) => {
        const one = batch.then(
          (results) => results[j] ?? null,
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        );
        this.inFlight.set(cacheKeys[i], one);
        waits.push(
          one.then((value) => {
            out[i] = value;
            if (this.inFlight.get(cacheKeys[i]) === one) this.inFlight.delete(cacheKeys[i]);
            if (value !== null && !(value instanceof Error)) {
              const ttl = ttlMs(value);
              if (ttl > 0 && this.store.available()) return this.store.set(cacheKeys[i], JSON.stringify(value), ttl).catch(() => undefined);
            }
            return undefined;
          }),
        );
      });
    }
    await Promise.all(waits);
    return out.map((v) => (v === undefined ? null : v));
  }
}

function isAborted(value: unknown): boolean {
  return value instanceof ProviderError && value.vendorCode === 'ABORTED';
}

/** A cached link as it stands now: its real expiry, and the seconds it still has. */
function withRealValidity(value: AccessLinkData | null | Error | undefined, now: number): AccessLinkData | null | Error {
  if (value === undefined || value === null || value instanceof Error || value.expiresAt === null) return value ?? null;
  return { ...value, validForSecs: Math.max(0, Math.floor((value.expiresAt.getTime() - now) / 1000)) };
}
