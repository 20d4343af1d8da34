import { PROVIDER_NAMES, type ProviderName } from '../../domain/provider-name';
import type { CircuitStateName } from '../../http/resilience';
import type { ProviderRegistry } from '../../providers/provider-registry';

/** `none`: no REDIS_URL; `unreachable`: answers go on with local budgets and no shared cache. */
export type RedisState = 'connected' | 'unreachable' | 'none';

export interface Readiness {
  ready: boolean;
  body: {
    status: 'ready' | 'not ready';
    vendors: Partial<Record<ProviderName, CircuitStateName>>;
    open?: ProviderName[];
    redis?: RedisState;
  };
}

/**
 * /readyz: the configuration loaded (the server would not be listening otherwise) and no
 * enabled vendor's circuit is open. A half-open circuit counts as ready: its next call is
 * the trial that closes it, and a load balancer that stopped sending traffic would never
 * make that call (see circuitState in src/http/resilience.ts).
 */
/**
 * An unreachable Redis is reported but keeps the replica ready: it still answers (each
 * replica within its own budgets, without the shared cache) and reconnects by itself.
 */
export function readiness(providers: ProviderRegistry, redis: RedisState = 'none'): Readiness {
  const vendors: Partial<Record<ProviderName, CircuitStateName>> = {};
  for (const name of PROVIDER_NAMES) {
    const provider = providers[name];
    if (provider) vendors[name] = provider.circuitState();
  }
  const open = (Object.keys(vendors) as ProviderName[]).filter((name) => vendors[name] === 'open' || vendors[name] === 'isolated');
  const shared = redis === 'none' ? {} : { redis };
  if (open.length === 0) return { ready: true, body: { status: 'ready', vendors, ...shared } };
  return { ready: false, body: { status: 'not ready', vendors, open, ...shared } };
}
