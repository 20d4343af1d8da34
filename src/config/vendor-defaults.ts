import type { ProviderName } from '../domain/provider-name';
import type { VendorHttpTimeoutsConfig } from './config.types';

/**
 * The default bound on calls in flight to one vendor: the size of its connection pool.
 * It protects this process's sockets, not the vendor's quota (rate limits are another
 * matter, docs/performance.md, "Concurrency"): at 50 ms a call, 64 connections carry about
 * 1,280 calls/s, so vendor latency, not the bound, sets a request's time.
 */
const POOL_CONNECTIONS = 64;

/** Default base URLs (docs/configuration.md) and pool sizes per vendor. */
export const VENDOR_DEFAULTS: Record<ProviderName, { baseUrl: string | null; maxConcurrency: number }> = {
  daily: { baseUrl: 'https://api.daily.co/v1', maxConcurrency: POOL_CONNECTIONS },
  signalwire: { baseUrl: null, maxConcurrency: POOL_CONNECTIONS },
  zoom: { baseUrl: 'https://api.zoom.us/v2', maxConcurrency: POOL_CONNECTIONS },
  bird: { baseUrl: 'https://api.bird.com', maxConcurrency: POOL_CONNECTIONS },
  cloudflare: { baseUrl: 'https://api.cloudflare.com/client/v4', maxConcurrency: POOL_CONNECTIONS },
};

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
 * Vendor HTTP timeouts (VENDOR_*_TIMEOUT_MS), the same for every vendor: what loadConfig
 * falls back to, what the sandbox's adapters get, and what src/http/vendor-http.ts uses
 * for one not given. 5 s to connect, 15 s idle for headers and between body chunks, 30 s
 * for the whole request.
 */
export const VENDOR_TIMEOUT_DEFAULTS: VendorHttpTimeoutsConfig = { connectMs: 5_000, headersMs: 15_000, bodyMs: 15_000, requestMs: 30_000 };

/** The Compatibility API lives under this path of a SignalWire space (docs/vendors/signalwire.md#base-url-and-authentication). */
export const SIGNALWIRE_API_PATH = '/api/laml/2010-04-01';
