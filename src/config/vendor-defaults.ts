import type { VendorHttpTimeoutsConfig } from './config.types';

/**
 * The default bound on calls in flight to one vendor: the size of its connection pool.
 * It protects this process's sockets, not the vendor's quota (rate limits are another
 * matter, docs/performance.md, "Concurrency"): at 50 ms a call, 64 connections carry about
 * 1,280 calls/s, so vendor latency, not the bound, sets a request's time. A vendor's module
 * may choose another (src/providers/<vendor>/<vendor>.config.ts).
 */
export const VENDOR_MAX_CONCURRENCY_DEFAULT = 64;

/**
 * Retries and circuit breaker, the same for every vendor: two retries (three attempts) on
 * 429/502/503/504 and connection resets, waiting at most 5 s for a Retry-After; five
 * consecutive outages open a vendor's circuit for 10 s.
 */
export const VENDOR_RESILIENCE_DEFAULTS = {
  maxRetries: 2,
  retryBaseDelayMs: 200,
  retryAfterCapMs: 5_000,
  breakerThreshold: 5,
  breakerCooldownMs: 10_000,
};

/**
 * Vendor HTTP timeouts (VENDOR_*_TIMEOUT_MS), the same for every vendor: what loadConfigFor
 * falls back to, what the sandbox's adapters get, and what src/http/vendor-http.ts uses
 * for one not given. 5 s to connect, 15 s idle for headers and between body chunks, 30 s
 * for the whole request.
 */
export const VENDOR_TIMEOUT_DEFAULTS: VendorHttpTimeoutsConfig = { connectMs: 5_000, headersMs: 15_000, bodyMs: 15_000, requestMs: 30_000 };
