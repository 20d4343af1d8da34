import type { ProvidersConfig } from '../config/config.types';
import type { ProviderName } from '../domain/provider-name';
import type { RecordingProvider } from './recording-provider';
import type { ProviderDeps } from './shared/provider-deps';
import { createBirdProvider } from './bird';
import { createCloudflareProvider } from './cloudflare';
import { createDailyProvider } from './daily';
import { createSignalWireProvider } from './signalwire';
import { createZoomProvider } from './zoom';

/** The enabled vendors' adapters, by provider name; a vendor without credentials is absent. */
export type ProviderRegistry = Partial<Record<ProviderName, RecordingProvider>>;

export function createProviders(config: ProvidersConfig, deps: ProviderDeps = {}): ProviderRegistry {
  const registry: ProviderRegistry = {};
  if (config.daily) registry.daily = createDailyProvider(config.daily, deps);
  if (config.signalwire) registry.signalwire = createSignalWireProvider(config.signalwire, deps);
  if (config.zoom) registry.zoom = createZoomProvider(config.zoom, deps);
  if (config.bird) registry.bird = createBirdProvider(config.bird, deps);
  if (config.cloudflare) registry.cloudflare = createCloudflareProvider(config.cloudflare, deps);
  return registry;
}

export async function closeProviders(registry: ProviderRegistry): Promise<void> {
  await Promise.allSettled(Object.values(registry).map((p) => p.close()));
}
