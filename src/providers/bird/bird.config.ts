import type { VendorCommonConfig } from '../../config/config.types';
import { everyCall, perSecond, type RateClass } from '../../config/rate-limits';
import { VENDOR_MAX_CONCURRENCY_DEFAULT } from '../../config/vendor-defaults';
import type { VendorDefaults } from '../vendor-module';

export interface BirdConfig extends VendorCommonConfig {
  accessKey: string;
  workspaceId: string;
}

/** Bird's base URL (docs/vendors/bird.md) and bound on calls in flight. */
export const BIRD_DEFAULTS: VendorDefaults = { baseUrl: 'https://api.bird.com', maxConcurrency: VENDOR_MAX_CONCURRENCY_DEFAULT };

/** 50 GET/s per workspace (Bird's Channels API rate-limit page; assumed for Voice, docs/vendors/bird.md, "Rate limits"). */
export const BIRD_RATE_CLASSES: readonly RateClass[] = [
  { name: 'get', description: 'Bird GETs per workspace', matches: everyCall, default: perSecond(50) },
];
