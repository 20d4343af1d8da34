import type { VendorCommonConfig, VendorConfigs } from '../config/config.types';
import type { ProviderName } from '../domain/provider-name';
import type { RecordingProvider } from './recording-provider';
import type { ProviderDeps } from './shared/provider-deps';

/** The enabled vendors' adapters, by provider name; a vendor without credentials is absent. */
export type ProviderRegistry = Partial<Record<ProviderName, RecordingProvider>>;

/** What the registry needs of a vendor's module (vendor-module.ts). */
export interface AdapterFactory {
  readonly name: ProviderName;
  create(config: never, deps: ProviderDeps): RecordingProvider;
}

/** An adapter for each of `vendors` (the VENDORS list, src/providers/vendors.ts) that has a config. */
export function createProviders(vendors: readonly AdapterFactory[], config: VendorConfigs, deps: ProviderDeps = {}): ProviderRegistry {
  const registry: ProviderRegistry = {};
  for (const vendor of vendors) {
    const own = config[vendor.name];
    // Each module's factory takes the config its own readConfig produced under its name.
    if (own) registry[vendor.name] = (vendor.create as (c: VendorCommonConfig, d: ProviderDeps) => RecordingProvider)(own, deps);
  }
  return registry;
}

export async function closeProviders(registry: ProviderRegistry): Promise<void> {
  await Promise.allSettled(Object.values(registry).map((p) => p.close()));
}
