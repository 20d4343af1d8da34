import type { VendorCommonConfig } from '../config/config.types';
import type { RateRule } from '../config/rate-limits';
import { VENDOR_MAX_CONCURRENCY_DEFAULT, VENDOR_RESILIENCE_DEFAULTS, VENDOR_TIMEOUT_DEFAULTS } from '../config/vendor-defaults';
import type { ProviderName } from '../domain/provider-name';
import type { Emulator } from './emulator';

export interface SandboxStartOptions {
  host?: string;
  port?: number;
  latencyMs?: number;
  /** Seed of the demo data set (same seed, same recordings). */
  seed?: number;
  /**
   * Extra generated recordings per vendor on top of the demo data (SANDBOX_RECORDINGS_PER_VENDOR),
   * spread over many sessions and months: the benchmark's 10,000-per-vendor timeline.
   */
  recordingsPerVendor?: number;
  /**
   * The VENDOR_* timeouts and resilience settings and the `<VENDOR>_RATE_*` budgets for the
   * adapters aimed at the emulators (the server passes its configuration's, src/app.ts); the
   * defaults otherwise, with no budget.
   */
  vendorHttp?: SandboxVendorHttp;
  /**
   * The emulators answer 429 past the vendors' documented limits (src/sandbox/rate-limit.ts);
   * adapters that should keep within them get their budgets in `vendorHttp.rateLimits`.
   */
  rateLimits?: boolean;
}

/** The adapters' HTTP settings in the sandbox; `maxConcurrency` (tests) sets every vendor's bound on calls in flight. */
export type SandboxVendorHttp = Pick<VendorCommonConfig, 'timeouts' | 'resilience'> &
  Partial<Pick<VendorCommonConfig, 'maxConcurrency'>> & { rateLimits?: Partial<Record<ProviderName, RateRule[]>> };

/** What a vendor's seed function takes besides the seed. */
export type SeedOptions = Pick<SandboxStartOptions, 'recordingsPerVendor'>;

/**
 * A running emulator and the adapter config that points at it: the common part and the
 * credentials `K` the emulator accepts (the vendor's module reads the same fields from
 * the environment; the composition root checks the two fit, src/app.ts).
 */
export interface VendorSandbox<K extends string> {
  emulator: Emulator;
  config: VendorCommonConfig & Record<K, string>;
}

/** The non-credential part of an adapter config aimed at an emulator. */
export function sandboxCommon(provider: ProviderName, baseUrl: string, vendorHttp?: SandboxStartOptions['vendorHttp']): VendorCommonConfig {
  return {
    baseUrl,
    maxConcurrency: vendorHttp?.maxConcurrency ?? VENDOR_MAX_CONCURRENCY_DEFAULT,
    timeouts: { ...(vendorHttp?.timeouts ?? VENDOR_TIMEOUT_DEFAULTS) },
    resilience: { ...(vendorHttp?.resilience ?? VENDOR_RESILIENCE_DEFAULTS) },
    rateLimits: vendorHttp?.rateLimits?.[provider] ?? [],
  };
}

/** `Bearer <token>` check shared by the vendors that use it (Daily, Zoom, Cloudflare). */
export function bearerToken(authorization: string | undefined): string | undefined {
  const m = /^Bearer (.+)$/.exec(authorization ?? '');
  return m?.[1];
}
