import type { VendorCommonConfig } from '../../config/config.types';
import { everyCall, type RateClass } from '../../config/rate-limits';
import { VENDOR_MAX_CONCURRENCY_DEFAULT } from '../../config/vendor-defaults';
import type { VendorDefaults } from '../vendor-module';
import type { CloudflareKeySource } from './cloudflare.webhook-key';

export interface CloudflareConfig extends VendorCommonConfig {
  apiToken: string;
  accountId: string;
  appId: string;
}

/**
 * The RealtimeKit webhook receiver: the public key its signatures verify with
 * (CLOUDFLARE_WEBHOOK_PUBLIC_KEY, a PEM), or where to fetch it (CLOUDFLARE_WEBHOOK_KEY_URL).
 */
export type CloudflareWebhookConfig = CloudflareKeySource;

/** Cloudflare's base URL (docs/vendors/cloudflare.md#base-url-and-authentication) and bound on calls in flight. */
export const CLOUDFLARE_DEFAULTS: VendorDefaults = {
  baseUrl: 'https://api.cloudflare.com/client/v4',
  maxConcurrency: VENDOR_MAX_CONCURRENCY_DEFAULT,
};

/**
 * Cloudflare: 1200 per 5 min per token (API limits page); RealtimeKit: 250 per 10 s over
 * all its APIs and 1000 per 60 s on the Recordings APIs (RealtimeKit rate-limits page;
 * docs/vendors/cloudflare.md, "Rate limits").
 */
export const CLOUDFLARE_RATE_CLASSES: readonly RateClass[] = [
  { name: 'account', description: 'Cloudflare API calls per token', matches: everyCall, default: { limit: 1_200, windowMs: 300_000 } },
  { name: 'realtimekit', description: 'RealtimeKit API calls', matches: everyCall, default: { limit: 250, windowMs: 10_000 } },
  {
    name: 'recordings',
    description: 'RealtimeKit Recordings API calls',
    matches: (route) => route.startsWith('/recordings'),
    default: { limit: 1_000, windowMs: 60_000 },
  },
];
