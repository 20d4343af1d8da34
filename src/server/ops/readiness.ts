import { PROVIDER_NAMES, type ProviderName } from '../../domain/provider-name';
import type { CircuitStateName } from '../../http/resilience';
import type { ProviderRegistry } from '../../providers/provider-registry';

export interface Readiness {
  ready: boolean;
  body: { status: 'ready' | 'not ready'; vendors: Partial<Record<ProviderName, CircuitStateName>>; open?: ProviderName[] };
}

/**
 * /readyz: the configuration loaded (the server would not be listening otherwise) and no
 * enabled vendor's circuit is open. A half-open circuit counts as ready: its next call is
 * the trial that closes it, and a load balancer that stopped sending traffic would never
 * make that call (see circuitState in src/http/resilience.ts).
 */
export function readiness(providers: ProviderRegistry): Readiness {
  const vendors: Partial<Record<ProviderName, CircuitStateName>> = {};
  for (const name of PROVIDER_NAMES) {
    const provider = providers[name];
    if (provider) vendors[name] = provider.circuitState();
  }
  const open = (Object.keys(vendors) as ProviderName[]).filter((name) => vendors[name] === 'open' || vendors[name] === 'isolated');
  if (open.length === 0) return { ready: true, body: { status: 'ready', vendors } };
  return { ready: false, body: { status: 'not ready', vendors, open } };
}
