import type { AccessLinkData, RecordingData, RecordingStatus, SessionData, SessionRef } from '../domain/model';
import type { ProviderName } from '../domain/provider-name';
import type { CircuitStateName } from '../http/resilience';
import type { CallContext } from '../domain/call-context';

export interface AccessLinkRequest {
  recording: RecordingData;
  validForSecs: number;
  /**
   * Set by the cross-request cache, which asks for links longer than the client did so that
   * they can be reused (src/loaders/cross-request-cache.ts): the validity the client asked.
   * An adapter applies its validity rules to this one, and where the vendor caps validity it
   * may grant less than `validForSecs`, never less than this.
   */
  askedSecs?: number;
}

/** A link asked for before its recording is loaded: the recording's global-id segments. */
export interface LinkPrefetch {
  key: readonly string[];
  validForSecs: number;
  /** As in AccessLinkRequest: the validity the client asked, when the cache asks for more. */
  askedSecs?: number;
}

/**
 * A batch result: one slot per key, in the keys' order (DataLoader's contract).
 * `null` means the vendor does not have it; an Error is that key's own failure.
 */
export type BatchResult<T> = Array<T | null | Error>;

/**
 * Where a vendor's listing resumes: adapter-defined, JSON-serializable state (a vendor
 * cursor, a page token plus how many of that page were already handed out, a date window).
 * The timeline layer (src/timeline) seals it into the client's cursor (AES-256-GCM, src/timeline/cursor.ts), so an adapter
 * gets back only positions it produced itself, never attacker-chosen values.
 */
export type ListPosition = Record<string, string | number | boolean | null>;

/** The filter of `Query.recordings`, already validated, as one vendor sees it. */
export interface ListFilter {
  /** Inclusive lower bound on the recording's timeline time (`timelineTime`). */
  startedAfter?: Date;
  /** Exclusive upper bound on the recording's timeline time. */
  startedBefore?: Date;
  statuses?: readonly RecordingStatus[];
  /** Segments of a Session global id of this vendor, already checked by `validateKey`. */
  sessionKey?: readonly string[];
}

export interface ListQuery {
  filter: ListFilter;
  /**
   * How many recordings the timeline layer wants next. An adapter asks its vendor for about
   * this many (within the vendor's page-size bounds) and may return fewer (one vendor page)
   * or more (a whole vendor page it already holds); it never walks further than one or two
   * vendor calls to fill it.
   */
  limit: number;
  /** null: from the newest; otherwise a `position` or `next` this adapter returned, as its `parseListPosition` read it. */
  after: ListPosition | null;
}

export interface ListedRecording {
  recording: RecordingData;
  /** Resumes the listing right after this recording. */
  position: ListPosition;
}

export interface ListPage {
  /**
   * Recordings that match the whole filter (pushed down where the vendor can, checked
   * locally with `matchesFilter` otherwise), newest first: sorted by `compareTimeline` where
   * positions allow it, else in the vendor's own newest-first order (Daily's and
   * Cloudflare's positions are an id and an offset in that order). The timeline layer
   * merges the heads, so an item out of timeline order costs order, never exactly-once.
   */
  items: ListedRecording[];
  /** Resumes after everything this page looked at; null when the vendor has nothing more. */
  next: ListPosition | null;
}

/**
 * What every vendor adapter implements (src/providers/<vendor>/index.ts). All reads are
 * batch functions: the loaders hand each adapter every key one request asked for, and the
 * adapter groups them into the fewest calls its API allows (docs/vendors/README.md#batching).
 */
export interface RecordingProvider {
  readonly name: ProviderName;

  /**
   * Validates the segments of a global id against the vendor's documented id patterns,
   * before any of them can reach a URL. Throws BadUserInputError when they do not fit.
   */
  validateKey(type: 'Recording' | 'Session', segments: readonly string[], issued?: boolean): void;

  getRecordings(keys: ReadonlyArray<readonly string[]>, ctx: CallContext): Promise<BatchResult<RecordingData>>;

  getSessions(keys: ReadonlyArray<readonly string[]>, ctx: CallContext): Promise<BatchResult<SessionData>>;

  /** Mints links; a recording with a `knownLink` needs no call. */
  getAccessLinks(requests: readonly AccessLinkRequest[], ctx: CallContext): Promise<BatchResult<AccessLinkData>>;

  /**
   * Only where minting a link needs nothing but the recording's id (Daily, Bird): starts the
   * vendor calls `getAccessLinks` will make for these recordings, into the request's memo
   * (`ctx.memo`), so they run alongside the recordings' own calls. Answers nothing and never
   * rejects: `getAccessLinks` later takes the memoized call, applies its own rules to the
   * loaded recording, and reports a failure on the field as it would have without the
   * prefetch (docs/performance.md, "Prefetched links").
   */
  prefetchAccessLinks?(requests: readonly LinkPrefetch[], ctx: CallContext): void;

  /**
   * The session a recording's `sessionKey` names, as far as the key says, with no call
   * (`Recording.session { id nativeId provider kind }` costs nothing); null when the key
   * alone cannot tell.
   */
  sessionRef(key: readonly string[]): SessionRef | null;

  /**
   * One step of the timeline (`Query.recordings`): the next recordings after `query.after`,
   * newest first. Each item carries the position that resumes after it, so the listing
   * layer can stop mid-page without losing or repeating anything.
   */
  listRecordings(query: ListQuery, ctx: CallContext): Promise<ListPage>;

  /**
   * Reads a position from a client's cursor as `listRecordings` will, without any call:
   * the timeline layer runs it for every vendor while it decodes the cursor, so a position
   * this adapter would refuse for this filter is BAD_USER_INPUT (BadUserInputError naming
   * this provider) before any vendor is called. Returns the position `listRecordings` is
   * then given.
   */
  parseListPosition(position: ListPosition, filter: ListFilter): ListPosition;

  /** The state of the vendor's circuit breaker (src/http/resilience.ts), for /readyz and /metrics. */
  circuitState(): CircuitStateName;

  /** Closes the adapter's connections (graceful shutdown). */
  close(): Promise<void>;
}
