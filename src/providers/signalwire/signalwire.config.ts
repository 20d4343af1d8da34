import type { VendorCommonConfig } from '../../config/config.types';
import { everyCall, type RateClass } from '../../config/rate-limits';
import { VENDOR_MAX_CONCURRENCY_DEFAULT } from '../../config/vendor-defaults';
import type { VendorDefaults } from '../vendor-module';

export interface SignalWireConfig extends VendorCommonConfig {
  /** The space URL, e.g. https://example.signalwire.com; `baseUrl` adds /api/laml/2010-04-01. */
  spaceUrl: string;
  projectId: string;
  apiToken: string;
}

/** The Compatibility API lives under this path of a SignalWire space (docs/vendors/signalwire.md#base-url-and-authentication). */
export const SIGNALWIRE_API_PATH = '/api/laml/2010-04-01';

/** No default base URL: every project has its own space (SIGNALWIRE_SPACE_URL). */
export const SIGNALWIRE_DEFAULTS: VendorDefaults = { baseUrl: null, maxConcurrency: VENDOR_MAX_CONCURRENCY_DEFAULT };

/** GETs are "effectively unlimited" (SignalWire's platform rate-limits page, docs/vendors/signalwire.md): no budget unless set. */
export const SIGNALWIRE_RATE_CLASSES: readonly RateClass[] = [
  { name: 'read', description: 'SignalWire reads (documented as effectively unlimited: off)', matches: everyCall, default: null },
];
