import type { ProviderName } from '../domain/provider-name';
import type { RateRule } from './rate-limits';

/** Vendor HTTP timeouts (src/http/vendor-http.ts). */
export interface VendorHttpTimeoutsConfig {
  connectMs: number;
  headersMs: number;
  /** Longest idle time between two body chunks. */
  bodyMs: number;
  /**
   * Deadline of one request, from sending it to the last body byte. The three above are
   * idle times: a vendor that drips a byte every few seconds passes all of them, so this
   * is what bounds a call. A timed-out attempt is not retried.
   */
  requestMs: number;
}

/** Retries and circuit breaker per vendor (src/http/resilience.ts). */
export interface VendorResilienceConfig {
  /** Retries after the first attempt, for idempotent reads only. */
  maxRetries: number;
  /** First backoff delay; doubles each retry, with full jitter. */
  retryBaseDelayMs: number;
  /** The longest Retry-After we wait for; a vendor asking for more is PROVIDER_RATE_LIMITED at once. */
  retryAfterCapMs: number;
  /** Consecutive outage failures that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit fails fast before letting one trial call through (half-open). */
  breakerCooldownMs: number;
}

/**
 * The abuse limits (QUERY_MAX_*, REQUEST_DEADLINE_MS): checked by src/server/limits/query-limits.ts
 * before any vendor call, and links, objects, vendor calls and the deadline again at run time
 * by the request's budget (src/domain/request-budget.ts).
 */
export interface QueryLimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Most access links one request may mint (each can cost a vendor call). */
  maxLinks: number;
  /** Most recordings and sessions one request may fetch or list (each can cost vendor calls). */
  maxObjects: number;
  /** Most HTTP attempts to vendors one request may make, retries included (run time only). */
  maxVendorCalls: number;
  /** How long one request may take, vendor calls, retries and paging included (REQUEST_DEADLINE_MS). */
  requestDeadlineMs: number;
}

/** What every vendor's config has besides its credentials. */
export interface VendorCommonConfig {
  /** Base URL including any path prefix (e.g. https://api.daily.co/v1). */
  baseUrl: string;
  /** Most calls in flight at once to this vendor; more wait their turn. */
  maxConcurrency: number;
  timeouts: VendorHttpTimeoutsConfig;
  resilience: VendorResilienceConfig;
  /** The account's rate budget (`<VENDOR>_RATE_*`, the classes its module declares); empty: none. */
  rateLimits: RateRule[];
}

/** The cross-request cache (src/loaders/cache): CACHE, CACHE_*. */
export interface CacheConfig {
  enabled: boolean;
  /** How long a recording in a final state (READY, FAILED, DELETED) is reused. */
  ttlSecs: number;
  /** How long a recording still changing is reused (0: not at all). */
  changingTtlSecs: number;
  maxEntries: number;
  maxBytes: number;
  /**
   * A cached link is reused for a request asking `validForSecs` only while what remains of
   * it is at least that and at most `linkSlack` times that; links are minted that much
   * longer than asked so the next requests can reuse them.
   */
  linkSlack: number;
  /** Encrypts what the cache stores in Redis (CACHE_SECRET); derived from the vendor credentials when unset. Never logged. */
  secret?: string;
}

/**
 * The enabled vendors' configs by vendor name, as each vendor's module reads them
 * (src/providers/<vendor>/index.ts); the exact type is ProvidersConfig (src/providers/vendors.ts).
 */
export type VendorConfigs = Partial<Record<ProviderName, VendorCommonConfig>>;

/** The vendors' webhook receiver settings by vendor name, as each vendor's module reads them. */
export type VendorWebhookConfigs = Partial<Record<ProviderName, object>>;

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig<P extends VendorConfigs = VendorConfigs, W extends VendorWebhookConfigs = VendorWebhookConfigs> {
  host: string;
  port: number;
  nodeEnv: NodeEnv;
  logLevel: string;
  /** Client API keys; empty means no client authentication. */
  apiKeys: string[];
  /** The cross-request cache (CACHE=off for the benchmark's baseline). */
  cache: CacheConfig;
  /** `<VENDOR>_RATE_*` for every vendor, also for the sandbox's adapters (like `vendorHttp`). */
  rateLimits: Record<ProviderName, RateRule[]>;
  /** The sandbox emulators answer 429 past the vendors' documented limits (SANDBOX_RATE_LIMITS). */
  sandboxRateLimits: boolean;
  /** Off only for the benchmark's naive baseline (RECORDING_GRAPH_BATCHING=off). */
  batching: boolean;
  /** The vendors whose credentials are set. */
  providers: P;
  /**
   * The VENDOR_* timeouts and resilience settings, also kept apart from `providers` so the
   * sandbox's adapters (aimed at the emulators) get them too: startSandbox({ vendorHttp }).
   */
  vendorHttp: Pick<VendorCommonConfig, 'timeouts' | 'resilience'>;
  /** No vendor configured: start the built-in emulators and point the adapters at them. */
  sandbox: boolean;
  /** Abuse limits checked before any vendor call (src/server/limits/query-limits.ts). */
  queryLimits: QueryLimitsConfig;
  /** Per-call latency the sandbox emulators add (SANDBOX_LATENCY_MS). */
  sandboxLatencyMs: number;
  /** Generated recordings per vendor on top of the sandbox's demo data (SANDBOX_RECORDINGS_PER_VENDOR). */
  sandboxRecordingsPerVendor: number;
  /**
   * Signs `Query.recordings` cursors (CURSOR_SECRET); when unset the key is derived from the
   * vendors' credentials (src/timeline/cursor-key.ts). Never logged.
   */
  cursorSecret?: string;
  /** GraphiQL on GET /graphql from a browser (PLAYGROUND; on unless NODE_ENV=production). */
  playground: boolean;
  /** `pretty` (pino-pretty) or `json` log lines (LOG_FORMAT). */
  logFormat: LogFormat;
  /** How long SIGTERM waits for in-flight requests before cutting them (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /**
   * A Redis that replicas share (REDIS_URL, redis:// or rediss://); unset, every piece of
   * shared state stays in process. May carry a password: never logged.
   */
  redisUrl?: string;
  /** The webhook receivers' secrets and settings. */
  webhooks: WebhooksConfig<W>;
  subscriptions: SubscriptionsConfig;
}

export type LogFormat = 'json' | 'pretty';

/** The webhook receivers' settings every vendor shares (POST /webhooks/<vendor>, docs/subscriptions.md). */
export interface WebhookSettings {
  /** The public origin (and path prefix) vendors post to (PUBLIC_URL): the URL signatures cover. */
  publicUrl?: string;
  /** How far a signed timestamp may be from now, either way (WEBHOOK_TOLERANCE_SECS). */
  toleranceSecs: number;
  /** Largest webhook body accepted (WEBHOOK_MAX_BODY_BYTES); larger is 413. */
  maxBodyBytes: number;
}

/**
 * The webhook receivers: the shared settings, and by vendor name each vendor's own (its
 * secret, read by its module). A vendor is present only when its secret is set; every
 * secret is declared as such by its module and never logged.
 */
export type WebhooksConfig<W extends VendorWebhookConfigs = VendorWebhookConfigs> = WebhookSettings & W;

/** GraphQL subscriptions (docs/subscriptions.md). */
export interface SubscriptionsConfig {
  /** Events one subscriber may have waiting; one more and it is dropped with SUBSCRIBER_TOO_SLOW (SUBSCRIPTION_BUFFER). */
  bufferSize: number;
}
