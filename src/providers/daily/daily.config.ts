import type { VendorCommonConfig } from '../../config/config.types';
import { perSecond, type RateClass } from '../../config/rate-limits';
import { VENDOR_MAX_CONCURRENCY_DEFAULT } from '../../config/vendor-defaults';
import type { VendorDefaults } from '../vendor-module';

export interface DailyConfig extends VendorCommonConfig {
  apiKey: string;
  /**
   * The customer S3 bucket the Daily domain stores its recordings in (the domain's
   * `recordings_bucket`, DAILY_RECORDINGS_BUCKET), when the operator says so: the
   * recording object never names its bucket. Known, it is each recording's storage and
   * bounds its access links to Daily's 900..43200 s for such buckets.
   */
  recordingsBucket?: { name: string; region?: string };
}

/** Daily's base URL (docs/vendors/daily.md#base-url-and-authentication) and bound on calls in flight. */
export const DAILY_DEFAULTS: VendorDefaults = { baseUrl: 'https://api.daily.co/v1', maxConcurrency: VENDOR_MAX_CONCURRENCY_DEFAULT };

/**
 * Daily documents "two levels" without numbers; a secondary profile gives ~20 req/s for
 * most endpoints and 2 req/s for list endpoints (docs/vendors/daily.md, "Rate limits").
 * Per account (API key), which is what the budgets are keyed by.
 */
export const DAILY_RATE_CLASSES: readonly RateClass[] = [
  { name: 'default', description: 'Daily calls other than lists', matches: (route) => route !== '/recordings', default: perSecond(20) },
  { name: 'list', description: 'Daily list calls (GET /recordings)', matches: (route) => route === '/recordings', default: perSecond(2) },
];
