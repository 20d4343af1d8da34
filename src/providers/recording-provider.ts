import type { AccessLinkData, RecordingData, SessionData } from '../domain/model';
import type { ProviderName } from '../domain/provider-name';

/** Per-request context handed to every vendor call. */
export interface CallContext {
  /** Aborted when the client goes away; passed to undici so in-flight calls stop. */
  signal?: AbortSignal;
  /** Our request id, forwarded to vendors that accept one. */
  requestId?: string;
  /**
   * Per-request memo of vendor calls, made by the loaders for each GraphQL request and
   * dropped with it. An adapter whose one call serves several loaders (Zoom's session
   * call serves recordings and sessions; Daily's room list serves every session of a room)
   * shares it through `memoCall` (src/providers/shared/memo.ts).
   */
  memo?: Map<string, Promise<unknown>>;
  /** What the request will ask for later, known from its operation before any call. */
  hints?: RequestHints;
}

export interface RequestHints {
  /**
   * Set when every `accessLink` the operation selects asks for the same validity: an
   * adapter whose recordings call can mint links in the same call (Zoom) does so, and
   * later link loads cost nothing.
   */
  linkValidForSecs?: number;
}

export interface AccessLinkRequest {
  recording: RecordingData;
  validForSecs: number;
}

/**
 * A batch result: one slot per key, in the keys' order (DataLoader's contract).
 * `null` means the vendor does not have it; an Error is that key's own failure.
 */
export type BatchResult<T> = Array<T | null | Error>;

/**
 * What every vendor adapter implements (src/providers/<vendor>/index.ts). All reads are
 * batch functions: the loaders hand each adapter every key one request asked for, and the
 * adapter groups them into the fewest calls its API allows (providers.md, "Batching
 * possibility").
 */
export interface RecordingProvider {
  readonly name: ProviderName;

  /**
   * Validates the segments of a global id against the vendor's documented id patterns,
   * before any of them can reach a URL. Throws BadUserInputError when they do not fit.
   */
  validateKey(type: 'Recording' | 'Session', segments: readonly string[]): void;

  getRecordings(keys: ReadonlyArray<readonly string[]>, ctx: CallContext): Promise<BatchResult<RecordingData>>;

  getSessions(keys: ReadonlyArray<readonly string[]>, ctx: CallContext): Promise<BatchResult<SessionData>>;

  /** Mints links; a recording with a `knownLink` needs no call. */
  getAccessLinks(requests: readonly AccessLinkRequest[], ctx: CallContext): Promise<BatchResult<AccessLinkData>>;

  /** Closes the adapter's connections (graceful shutdown). */
  close(): Promise<void>;
}
