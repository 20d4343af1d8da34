import type { AccessLinkData, RecordingData, RecordingStatus, SessionData } from '../domain/model';
import type { ProviderName } from '../domain/provider-name';
import { ProviderError } from '../errors/provider-error';
import type { CallContext } from '../domain/call-context';
import type { AccessLinkRequest, BatchResult, LinkPrefetch } from '../providers/recording-provider';
import type { CacheStore } from './cache-store';

/** The cache's rules (CACHE_* in src/config's CacheConfig, which fits this). */
export interface CacheRules {
  ttlSecs: number;
  changingTtlSecs: number;
  linkSlack: number;
}

/** Statuses that do not change any more (docs/caching-and-rate-limits.md). */
const FINAL: ReadonlySet<RecordingStatus> = new Set(['READY', 'FAILED', 'DELETED']);

type Kind = 'recording' | 'session' | 'accessLink';

/** A link's validity as the cache asks a vendor for it: minted longer, and what the client asked. */
export type MintedValidity = Required<Omit<LinkPrefetch, 'key'>>;

/**
 * How long one replica's claim on a key lasts (a shared store): the others wait for its value
 * that long at most, then fetch for themselves. About a vendor call with some wait for rate
 * budget (p95 of the cold set at a vendor's limit: about 2 s, bench/README.md).
 */
const CLAIM_MS = 5_000;
/** How often a replica waiting for another's value looks for it in the store. */
const CLAIM_POLL_MS = 10;
/** Prefix of a link's store read kept in the request's memo (CallContext.memo) for its later loads. */
const READ_MEMO = 'cache-read:';

/** A store read kept in the request's memo: the value found, if any. */
interface MemoRead {
  value: unknown;
}

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
        (rs) => fetch(rs.map((r) => ({ ...r, ...this.mint(r.validForSecs) }))),
        (link) => this.linkTtlMs(link),
        (r) => this.linkFits(r.validForSecs),
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
   * getAccessLinks mints it (so the request's later call is the same memoized one; the
   * validity the client asked goes with it, for the vendor's rules), and
   * `fetch` (the link for the loaded recording) becomes the fetch in flight for this key:
   * the request's own accessLink load and concurrent requests for the same link join it
   * instead of making calls of their own.
   */
  async prefetchAccessLink(
    provider: ProviderName,
    key: readonly string[],
    validForSecs: number,
    ctx: CallContext,
    start: (minted: MintedValidity) => void,
    fetch: (minted: MintedValidity) => Promise<AccessLinkData | null | Error>,
  ): Promise<void> {
    const minted = this.mint(validForSecs);
    if (ctx.cacheRead === false || !this.store.available()) {
      start(minted);
      return;
    }
    const cacheKey = this.key('accessLink', provider, key);
    const read: Promise<MemoRead> = this.store.getMany([cacheKey]).then(
      ([value]) => ({ value }),
      () => ({ value: undefined }),
    );
    // Whatever it finds, the request's own accessLink load takes this read instead of reading
    // the store again, while it still serves (CrossRequestCache.read).
    ctx.memo?.set(READ_MEMO + cacheKey, read);
    const { value: cached } = await read;
    if (cached !== undefined && this.linkFits(validForSecs)(cached as AccessLinkData)) return;
    // Checked after the read: the request's own accessLink load may have started meanwhile.
    if (this.inFlight.has(cacheKey)) return;
    this.fly<AccessLinkData>(cacheKey, ctx, {
      claim: this.claim([cacheKey], true)?.then(([claim]) => claim),
      mine: () => {
        start(minted);
        return fetch(minted);
      },
      fallback: () => fetch(minted),
      usable: this.linkFits(validForSecs),
      ttlMs: (link) => this.linkTtlMs(link),
      asked: validForSecs,
    });
  }

  /**
   * Claims each key for one fetch across replicas (a shared store, reading): 'held' where this
   * process got the claim (and releases it once the value is stored), 'other' where another
   * replica already fetches it, 'none' where the claim could not be made (Redis gone): this
   * process fetches it and has nothing to release. Undefined when no claim is made (no shared
   * store, or a request that does not read the cache): every key is this process's to fetch.
   */
  private claim(cacheKeys: readonly string[], reading: boolean): Promise<Claim[]> | undefined {
    const claim = this.store.claim;
    if (!reading || !claim) return undefined;
    return claim.call(this.store, cacheKeys, CLAIM_MS).then(
      (held) => held.map((h): Claim => (h ? 'held' : 'other')),
      () => cacheKeys.map((): Claim => 'none'),
    );
  }

  /**
   * Another replica holds the claim on `cacheKey`: its value once it is stored (and usable),
   * or undefined once its claim ends without one (its fetch failed or is not kept), after
   * CLAIM_MS, or at our deadline; the caller then fetches for itself.
   */
  private async awaitOther<T>(cacheKey: string, usable: (value: T) => boolean, ctx: CallContext): Promise<T | undefined> {
    const until = Math.min(this.now() + CLAIM_MS, ctx.deadlineAt ?? Infinity);
    while (this.now() < until && !ctx.signal?.aborted) {
      await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
      const seen = await this.store.peek?.(cacheKey).catch(() => undefined);
      if (!seen) return undefined;
      if (seen.value !== undefined && usable(seen.value as T)) return seen.value as T;
      if (!seen.claimed) return undefined;
    }
    return undefined;
  }

  /** A link asked for `validForSecs`, as the cache asks the vendor for it: `linkSlack` times longer. */
  private mint(validForSecs: number): MintedValidity {
    return { validForSecs: Math.ceil(validForSecs * this.config.linkSlack), askedSecs: validForSecs };
  }

  /** How long a link can be kept: until it expires. */
  private linkTtlMs(link: AccessLinkData): number {
    return link.expiresAt ? link.expiresAt.getTime() - this.now() : 0;
  }

  /** Whether a link still has at least `validForSecs` left and at most `linkSlack` times it. */
  private linkFits(validForSecs: number): (link: AccessLinkData) => boolean {
    return (link) => {
      if (link.expiresAt === null) return false;
      const left = (link.expiresAt.getTime() - this.now()) / 1000;
      return left >= validForSecs && left <= validForSecs * this.config.linkSlack;
    };
  }

  /**
   * Registers the fetch in flight for `cacheKey` (this process's requests join it): made here
   * (`mine`) unless another replica holds the claim, otherwise the value that replica stores,
   * or `fallback` when none comes. What this process fetched is stored for its time to live,
   * then the claim released if this flight holds it (never another flight's: a request that
   * does not read the cache fetches without claiming). `value` is the answer; `done` once it
   * is stored.
   */
  private fly<T>(cacheKey: string, ctx: CallContext, how: FlightPlan<T>): { value: Promise<T | null | Error>; done: Promise<void> } {
    let fetchedHere = true;
    let held = false;
    const fetched =
      how.claim === undefined
        ? how.mine()
        : how.claim.then(async (claim) => {
            held = claim === 'held';
            if (claim !== 'other') return how.mine();
            const other = await this.awaitOther(cacheKey, how.usable, ctx);
            if (other === undefined) return how.fallback();
            fetchedHere = false;
            return other;
          });
    const value = fetched.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    const flight: Flight = { promise: value, owner: ctx.memo, asked: how.asked };
    this.inFlight.set(cacheKey, flight);
    const done = value.then(async (v) => {
      if (this.inFlight.get(cacheKey) === flight) this.inFlight.delete(cacheKey);
      if (fetchedHere && v !== null && !(v instanceof Error)) {
        const ttl = how.ttlMs(v);
        if (ttl > 0 && this.store.available()) await this.store.set(cacheKey, v, ttl).catch(() => undefined);
      }
      // After the value is stored: the replicas waiting for it find it when the claim ends.
      if (held) await this.store.release?.([cacheKey]).catch(() => undefined);
    });
    return { value, done };
  }

  /**
   * What the store holds under `cacheKeys`. For links, a read this request's prefetch already
   * made (prefetchAccessLink) serves instead while its value is usable or a fetch for the key
   * is still in flight (its value comes from that fetch); otherwise the key is read again, as
   * the fetch may have stored a value since.
   */
  private async read<K, T>(
    kind: Kind,
    keys: readonly K[],
    cacheKeys: readonly string[],
    ctx: CallContext,
    usable: (key: K) => (value: T) => boolean,
  ): Promise<unknown[]> {
    const fromStore = (ks: readonly string[]) => this.store.getMany(ks).catch(() => ks.map(() => undefined));
    const memo = kind === 'accessLink' ? ctx.memo : undefined;
    const earlier = memo ? cacheKeys.map((k) => memo.get(READ_MEMO + k) as Promise<MemoRead> | undefined) : [];
    if (!earlier.some((e) => e !== undefined)) return fromStore(cacheKeys);
    const found = (await Promise.all(earlier)).map((e) => e?.value);
    const again = cacheKeys.flatMap((k, i) =>
      earlier[i] === undefined || ((found[i] === undefined || !usable(keys[i])(found[i] as T)) && !this.inFlight.has(k)) ? [i] : [],
    );
    if (again.length > 0) {
      const values = await fromStore(again.map((i) => cacheKeys[i]));
      again.forEach((i, n) => {
        found[i] = values[n];
      });
    }
    return found;
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
      const found = await this.read(kind, keys, cacheKeys, ctx, usable);
      found.forEach((cached, i) => {
        if (cached === undefined) return;
        const value = cached as T;
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
      // Across replicas (a shared store): each key is fetched by the one replica that claims
      // it; this process fetches the keys it claimed in one batch and waits for the others.
      // Without claims (in process, or not reading) the batch starts at once.
      const claims = this.claim(
        missing.map((i) => cacheKeys[i]),
        reading,
      );
      const fetchBatch = async (mine: number[]) => {
        const results = mine.length > 0 ? await fetch(mine.map((i) => keys[i])) : [];
        return new Map(mine.map((i, n) => [i, results[n] ?? null]));
      };
      const ours = claims ? claims.then((c) => fetchBatch(missing.filter((_, j) => c[j] !== 'other'))) : fetchBatch(missing);
      missing.forEach((i, j) => {
        const { value, done } = this.fly<T>(cacheKeys[i], ctx, {
          claim: claims?.then((c) => c[j]),
          mine: () => ours.then((m) => m.get(i) ?? null),
          fallback: async () => (await fetch([keys[i]]))[0] ?? null,
          usable: usable(keys[i]),
          ttlMs,
          asked: askedOf?.(keys[i]),
        });
        waits.push(
          value.then((v) => {
            out[i] = v;
          }),
          done,
        );
      });
    }
    await Promise.all(waits);
    return out.map((v) => (v === undefined ? null : v));
  }
}

/** A key's claim across replicas (CrossRequestCache.claim). */
type Claim = 'held' | 'other' | 'none';

/** How one key's fetch in flight gets its value (CrossRequestCache.fly). */
interface FlightPlan<T> {
  /** The key's claim across replicas; none made: this process fetches it. */
  claim?: Promise<Claim>;
  /** The fetch when this process makes it. */
  mine: () => Promise<T | null | Error>;
  /** The fetch when the replica holding the claim stored nothing usable. */
  fallback: () => Promise<T | null | Error>;
  usable: (value: T) => boolean;
  ttlMs: (value: T) => number;
  asked?: number;
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
