import type { ProviderName } from '../../domain/provider-name';
import type { RateStore } from '../../http/rate-store';

/** What start-up hands every adapter factory besides its own config. */
export interface ProviderDeps {
  /** Current time; tests pin it to check expiries. */
  now?: () => number;
  /**
   * Where a vendor account's rate windows live when replicas share them (Redis,
   * src/http/redis-rate-store.ts); without it each adapter keeps its own in process.
   */
  rateStoreFor?: (provider: ProviderName) => RateStore | undefined;
}
