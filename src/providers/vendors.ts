import type { AppConfig as ConfigOf, ConfigsOf, WebhookConfigsOf } from '../config';
import { bird } from './bird';
import { cloudflare } from './cloudflare';
import { daily } from './daily';
import { signalwire } from './signalwire';
import { zoom } from './zoom';

/**
 * The vendors, in the order of PROVIDER_NAMES (a test checks the two agree): the one list
 * the composition root (src/app.ts, src/app-config.ts) hands to configuration loading, the
 * documented variables, log redaction, the cursor key, the shared-state account keys and
 * the registry. A sixth vendor is its folder, a line here, its name in
 * src/domain/provider-name.ts and its emulator (docs/architecture.md, "Adding a vendor").
 */
export const VENDORS = [daily, signalwire, zoom, bird, cloudflare] as const;

export type Vendors = typeof VENDORS;

/** The enabled vendors' configs: `{ daily?: DailyConfig, signalwire?: SignalWireConfig, ... }`. */
export type ProvidersConfig = ConfigsOf<Vendors>;

/** The whole configuration: the server's settings and the VENDORS' configs. */
export type AppConfig = ConfigOf<ProvidersConfig, WebhookConfigsOf<Vendors>>;
