import type { VendorCommonConfig } from '../../config/config.types';
import type { ProviderName } from '../../domain/provider-name';
import type { RateStore } from '../../http/rate-store';
import { VendorHttp, type VendorHttpOptions } from '../../http/vendor-http';

/**
 * A vendor's HTTP client from its config: the base URL, concurrency, timeouts, resilience
 * and rate budget every vendor config carries, plus what only the vendor knows (its auth
 * headers and how its error bodies read). `rateStore`: where the account's rate windows
 * live when replicas share them (ProviderDeps.rateStoreFor).
 */
export function vendorHttpFor(
  provider: ProviderName,
  config: VendorCommonConfig,
  own: Pick<VendorHttpOptions, 'headers' | 'toError'>,
  rateStore?: RateStore,
): VendorHttp {
  return new VendorHttp({
    provider,
    baseUrl: config.baseUrl,
    timeouts: config.timeouts,
    maxConcurrency: config.maxConcurrency,
    resilience: config.resilience,
    rateLimits: config.rateLimits,
    rateStore,
    ...own,
  });
}
