import type { ProviderName } from './provider-name';
import type { RequestBudget } from './request-budget';
import type { CancelSignal } from './request-cancel';

/** Per-request context handed to every vendor call. */
export interface CallContext {
  /**
   * Aborted when the client goes away: each vendor call in flight then aborts its own
   * request to the vendor. An AbortSignal, or the cheaper RequestCancel (src/domain/request-cancel.ts).
   */
  signal?: CancelSignal;
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
  /** Where vendor calls and loader batches are counted (src/server/ops/metrics.ts); none in unit tests. */
  metrics?: CallMetrics;
  /**
   * The request's run-time budget (vendor calls, links, recordings and sessions, deadline),
   * spent where the cost is incurred; none in unit tests (then nothing is counted).
   */
  budget?: RequestBudget;
  /**
   * When the request must be answered (ms since the epoch): a call waiting for rate budget
   * (src/http/rate-budget.ts) gives up at it. Unset, the vendor request timeout bounds the wait.
   */
  deadlineAt?: number;
  /** false: the request said `Cache-Control: no-cache`; the cross-request cache is not read (src/loaders/cross-request-cache.ts). */
  cacheRead?: boolean;
}

/** What the HTTP layer and the loaders report; every label is from a small fixed set. */
export interface CallMetrics {
  /**
   * One HTTP attempt to a vendor (each retry is its own). `route` is the endpoint's
   * template, never a URL with ids; `status` is the HTTP status, or `aborted`,
   * `network_error` or `bad_response` when there was none to speak of.
   */
  vendorCall(provider: ProviderName, route: string, status: string, seconds: number): void;
  /** How many keys one DataLoader batch carried. */
  loaderBatch(loader: string, size: number): void;
  /** A call waited this long for rate budget (src/http/rate-budget.ts). */
  rateWait?(provider: ProviderName, seconds: number): void;
  /** Units left in one of a vendor's rate windows after a call took budget. */
  rateRemaining?(provider: ProviderName, rule: string, remaining: number): void;
  /** A call refused (PROVIDER_RATE_LIMITED, no vendor call) because no budget comes before its deadline. */
  rateRefused?(provider: ProviderName): void;
  /** A read served from the cross-request cache (`hit`), fetched (`miss`), or joined to a fetch in flight (`shared`). */
  cacheLookup?(kind: string, outcome: 'hit' | 'miss' | 'shared'): void;
}

export interface RequestHints {
  /**
   * Set when every `accessLink` the operation selects asks for the same validity: an
   * adapter whose recordings call can mint links in the same call (Zoom) does so, and
   * later link loads cost nothing.
   */
  linkValidForSecs?: number;
}
