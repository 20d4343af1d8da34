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
  /**
   * Fetches in flight by cache key, with the request that started them (its per-request
   * memo): that request takes the answer as its own, other requests only if it fits.
   */
  private readonly inFlight = new Map<string, Flight>();

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
    const fits = (request: AccessLinkRequest) => this.linkFits(request.validForSecs);
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
        (r) => r.validForSecs,
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
   * The link prefetch (src/graphql/load-recording.ts), through the cache: before the
   * recording is loaded, a link the cache holds (fitting `validForSecs`) or another request
   * is fetching needs nothing. Otherwise `start` starts the vendor call now, minted as
   * getAccessLinks mints it (so the request's later call is the same memoized one), and
   * `fetch` (the link for the loaded recording) becomes the fetch in flight for this key:
   * the request's own accessLink load and concurrent requests for the same link join it
   * instead of making calls of their own.
   */
  async prefetchAccessLink(
    provider: ProviderName,
    key: readonly string[],
    validForSecs: number,
    ctx: CallContext,
    start: (validForSecs: number) => void,
    fetch: (validForSecs: number) => Promise<AccessLinkData | null | Error>,
  ): Promise<void> {
    const minted = Math.ceil(validForSecs * this.config.linkSlack);
    if (ctx.cacheRead === false || !this.store.available()) {
      start(minted);
      return;
    }
    const cacheKey = this.key('accessLink', provider, key);
    const [text] = await this.store.getMany([cacheKey]).catch(() => [undefined]);
    if (text !== undefined && this.linkFits(validForSecs)(JSON.parse(text, revive) as AccessLinkData)) return;
    // Checked after the read: the request's own accessLink load may have started meanwhile.
    if (this.inFlight.has(cacheKey)) return;
    start(minted);
    const one = fetch(minted).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    this.fly(cacheKey, one, ctx, (link) => (link.expiresAt ? link.expiresAt.getTime() - this.now() : 0), validForSecs);
  }

  /** Whether a link still has at least `validForSecs` left and at most `linkSlack` times it. */
  private linkFits(validForSecs: number): (link: AccessLinkData) => boolean {
    return (link) => {
      if (link.expiresAt === null) return false;
      const left = (link.expiresAt.getTime() - this.now()) / 1000;
      return left >= validForSecs && left <= validForSecs * this.config.linkSlack;
    };
  }

  /** Registers a fetch in flight for `cacheKey`; its answer is stored for its time to live. */
  private fly<T>(
    cacheKey: string,
    one: Promise<T | null | Error>,
    ctx: CallContext,
    ttlMs: (value: T) => number,
    asked?: number,
  ): Promise<void> {
    const flight: Flight = { promise: one, owner: ctx.memo, asked };
    this.inFlight.set(cacheKey, flight);
    return one.then((value) => {
      if (this.inFlight.get(cacheKey) === flight) this.inFlight.delete(cacheKey);
      if (value !== null && !(value instanceof Error)) {
        const ttl = ttlMs(value);
        if (ttl > 0 && this.store.available()) return this.store.set(cacheKey, JSON.stringify(value), ttl).catch(() => undefined);
      }
      return undefined;
    });
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
    /** A link's validity asked: a request takes its own fetch as is only for the same one. */
    askedOf?: (key: K) => number,
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
      const flight = this.inFlight.get(cacheKeys[i]);
      // Our own request's fetch of the same thing (its prefetch) is ours to take as the vendor
      // answered it, as if we had made it here, even with the cache not read.
      const own = flight?.owner !== undefined && flight.owner === ctx.memo && flight.asked === askedOf?.(key);
      const flying = reading || own ? (flight?.promise as Promise<T | null | Error> | undefined) : undefined;
      if (flying) {
        ctx.metrics?.cacheLookup?.(kind, 'shared');
        waits.push(
          flying.then(async (value) => {
            // The call we joined was cut because its own client went away, or its value does not
            // fit what we ask (another validity): make our own.
            if (
              !own &&
              ((isAborted(value) && !ctx.signal?.aborted) || (value !== null && !(value instanceof Error) && !usable(key)(value)))
            ) {
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
        waits.push(
          one.then((value) => {
            out[i] = value;
          }),
          this.fly(cacheKeys[i], one, ctx, ttlMs, askedOf?.(keys[i])),
        );
      });
    }
    await Promise.all(waits);
    return out.map((v) => (v === undefined ? null : v));
  }
}

interface Flight {
  promise: Promise<unknown>;
  /** The per-request memo (CallContext.memo) of the request that started it, if any. */
  owner?: object;
  /** For a link, the validity its request asked. */
  asked?: number;
}

function isAborted(value: unknown): boolean {
  return value instanceof ProviderError && value.vendorCode === 'ABORTED';
}

/** A cached link as it stands now: its real expiry, and the seconds it still has. */
function withRealValidity(value: AccessLinkData | null | Error | undefined, now: number): AccessLinkData | null | Error {
  if (value === undefined || value === null || value instanceof Error || value.expiresAt === null) return value ?? null;
  return { ...value, validForSecs: Math.max(0, Math.floor((value.expiresAt.getTime() - now) / 1000)) };
}
