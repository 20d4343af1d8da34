import type { VendorCommonConfig } from '../../config/config.types';
import { perSecond, type RateClass } from '../../config/rate-limits';
import { VENDOR_MAX_CONCURRENCY_DEFAULT } from '../../config/vendor-defaults';
import type { VendorDefaults } from '../vendor-module';

export interface ZoomConfig extends VendorCommonConfig {
  apiKey: string;
  apiSecret: string;
}

/** Zoom's base URL (docs/vendors/zoom.md) and bound on calls in flight. */
export const ZOOM_DEFAULTS: VendorDefaults = { baseUrl: 'https://api.zoom.us/v2', maxConcurrency: VENDOR_MAX_CONCURRENCY_DEFAULT };

const SESSION_RECORDINGS = (route: string): boolean => route.startsWith('/videosdk/sessions/');

/**
 * Zoom labels session recordings Light and account recordings Medium; a Video SDK account
 * gets the Pro figures: Light 30/s, Medium 20/s (developers.zoom.us/docs/api/rate-limits,
 * docs/vendors/zoom.md, "Rate limits").
 */
export const ZOOM_RATE_CLASSES: readonly RateClass[] = [
  { name: 'light', description: 'Zoom "Light" calls (a session\'s recordings)', matches: SESSION_RECORDINGS, default: perSecond(30) },
  {
    name: 'medium',
    description: 'Zoom "Medium" calls (account recordings, session lists)',
    matches: (route) => !SESSION_RECORDINGS(route),
    default: perSecond(20),
  },
];
