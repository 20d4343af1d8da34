import type { ProviderName } from '../domain/provider-name';
import type { VendorHttpTimeoutsConfig } from './config.types';

/**
 * Default base URLs (docs/configuration.md) and concurrency bounds per vendor.
 * The bounds come from each vendor's published rate limits (docs/vendors/README.md#rate-limits):
 * - Daily: about 20 req/s for most endpoints, 2 req/s for lists (unverified profile).
 * - SignalWire: GETs "effectively unlimited" (platform rate-limits page).
 * - Zoom: "Light"/"Medium" labels, numbers not published for Video SDK accounts.
 * - Bird: 50 GET/s per workspace (Channels API; assumed for Voice).
 * - Cloudflare RealtimeKit: 250 req/10 s overall, 1200 per 5 min per token.
 */
export const VENDOR_DEFAULTS: Record<ProviderName, { baseUrl: string | null; maxConcurrency: number }> = {
  daily: { baseUrl: 'https://api.daily.co/v1', maxConcurrency: 8 },
  signalwire: { baseUrl: null, maxConcurrency: 16 },
  zoom: { baseUrl: 'https://api.zoom.us/v2', maxConcurrency: 8 },
  bird: { baseUrl: 'https://api.bird.com', maxConcurrency: 16 },
  cloudflare: { baseUrl: 'https://api.cloudflare.com/client/v4', maxConcurrency: 8 },
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
