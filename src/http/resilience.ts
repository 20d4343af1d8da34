import {
  ConsecutiveBreaker,
  DelegateBackoff,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  retry,
  wrap,
  CircuitState,
  type IPolicy,
} from 'cockatiel';
import type { VendorResilienceConfig } from '../config/config.types';
import { VENDOR_RESILIENCE_DEFAULTS } from '../config/vendor-defaults';
import { PROVIDER_LABELS, type ProviderName } from '../domain/provider-name';
import { ErrorCode } from '../errors/error-codes';
import { ProviderError } from '../errors/provider-error';

export const DEFAULT_RESILIENCE: VendorResilienceConfig = VENDOR_RESILIENCE_DEFAULTS;

/** 429 and the gateway-ish 5xx are worth another try (RFC 9110: 502, 503, 504 are transient). */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_TRANSPORT_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'ECONNREFUSED', 'EPIPE']);

function isRetryable(error: unknown, capMs: number): boolean {
  if (!(error instanceof ProviderError)) return false;
  if (error.httpStatus !== undefined) {
    if (!RETRY_STATUSES.has(error.httpStatus)) return false;
    return error.retryAfterSecs === undefined || error.retryAfterSecs * 1000 <= capMs;
  }
  return typeof error.vendorCode === 'string' && RETRY_TRANSPORT_CODES.has(error.vendorCode);
}

/** What counts toward opening the circuit: the vendor being down, not it saying no. */
function isOutage(error: unknown): boolean {
  return error instanceof ProviderError && error.code === ErrorCode.PROVIDER_UNAVAILABLE && error.vendorCode !== 'ABORTED';
}

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

export interface VendorPolicy {
  execute<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** closed, open, half-open or isolated: for readiness and metrics. */
  circuitState(): CircuitStateName;
}

/**
 * Retries (exponential backoff with full jitter, honouring Retry-After up to a cap) around
 * a per-vendor circuit breaker, from cockatiel rather than hand-written loops. Every
 * attempt passes through the breaker, so a storm of 503s opens it and later calls fail
 * fast with PROVIDER_UNAVAILABLE until the cool-down lets a trial call through.
 */
export function createVendorPolicy(provider: ProviderName, options: VendorResilienceConfig): VendorPolicy {
  const breaker = circuitBreaker(handleWhen(isOutage), {
    halfOpenAfter: options.breakerCooldownMs,
    breaker: new ConsecutiveBreaker(options.breakerThreshold),
  });
  const retryPolicy = retry(
    handleWhen((error) => isRetryable(error, options.retryAfterCapMs)),
    {
      maxAttempts: options.maxRetries,
      backoff: new DelegateBackoff((context) => {
        const error = 'error' in context.result ? context.result.error : undefined;
        if (error instanceof ProviderError && error.retryAfterSecs !== undefined) return error.retryAfterSecs * 1000;
        return Math.random() * options.retryBaseDelayMs * 2 ** (context.attempt - 1);
      }),
    },
  );
  const policy: IPolicy = wrap(retryPolicy, breaker);
  // cockatiel leaves an open circuit in Open until the next call after the cool-down, which
  // then becomes the half-open trial. Reporting that lazily-kept Open would keep /readyz
  // failing forever once a load balancer stops sending traffic, so past the cool-down the
  // circuit is reported as half-open: the next call goes through.
  let openedAt = 0;
  breaker.onBreak(() => {
    openedAt = Date.now();
  });
  const states: Record<CircuitState, CircuitStateName> = {
    [CircuitState.Closed]: 'closed',
    [CircuitState.Open]: 'open',
    [CircuitState.HalfOpen]: 'half-open',
    [CircuitState.Isolated]: 'isolated',
  };
  return {
    async execute(fn, signal) {
      try {
        return await policy.execute(() => fn(), signal);
      } catch (error) {
        if (isBrokenCircuitError(error)) {
          throw new ProviderError(
            provider,
            ErrorCode.PROVIDER_UNAVAILABLE,
            `${PROVIDER_LABELS[provider]} is unavailable: after repeated failures, calls are paused for up to ${Math.ceil(options.breakerCooldownMs / 1000)} s.`,
            { vendorCode: 'CIRCUIT_OPEN' },
          );
        }
        throw error;
      }
    },
    circuitState: () => {
      const state = states[breaker.state];
      return state === 'open' && Date.now() - openedAt >= options.breakerCooldownMs ? 'half-open' : state;
    },
  };
}
