import type { AppConfig } from './config/config.types';
import { PROVIDER_LABELS, type ProviderName } from './domain/provider-name';
import { buildAppSchema } from './graphql/build-schema';
import { deriveCursorKey } from './timeline/cursor-key';
import { closeProviders, createProviders } from './providers/provider-registry';
import { createServer } from './server/create-server';
import { startSandbox, type Sandbox } from './sandbox/start-sandbox';

export interface RunningApp {
  /** http://host:port */
  url: string;
  sandbox?: Sandbox;
  /**
   * Graceful shutdown: stop accepting, let in-flight requests finish for up to `graceMs`
   * (cut after that), then close the vendor pools and the emulators. `forced` says whether
   * requests had to be cut.
   */
  close(graceMs?: number): Promise<{ forced: boolean }>;
}

/**
 * config -> (sandbox emulators when no vendor is configured) -> providers -> server.
 * What `npm start` runs (src/index.ts) and what the end-to-end tests start.
 */
export async function startApp(config: AppConfig): Promise<RunningApp> {
  let sandbox: Sandbox | undefined;
  let providersConfig = config.providers;
  if (config.sandbox) {
    sandbox = await startSandbox({ latencyMs: config.sandboxLatencyMs, recordingsPerVendor: config.sandboxRecordingsPerVendor, vendorHttp: config.vendorHttp });
    providersConfig = sandbox.providers;
  }
  const providers = createProviders(providersConfig);
  const schema = await buildAppSchema();
  const server = await createServer(config, schema, providers, { cursorKey: deriveCursorKey(config.cursorSecret, providersConfig) });
  const live = Object.keys(providers) as ProviderName[];
  if (sandbox) {
    server.app.log.info(
      { emulators: Object.fromEntries(Object.entries(sandbox.emulators).map(([k, e]) => [k, e.url])) },
      'sandbox mode: no vendor configured, so built-in emulators of all five vendor APIs serve demo data',
    );
  } else {
    server.app.log.info({ vendors: live }, `live vendors: ${live.map((p) => PROVIDER_LABELS[p]).join(', ')}`);
  }
  if (config.apiKeys.length === 0) {
    server.app.log.warn('API_KEYS is not set: the API is open to anyone who can reach it');
  }
  server.app.log.info({ url: `${server.url}/graphql` }, `recording-graph listening on ${server.url}/graphql`);
  return {
    url: server.url,
    sandbox,
    close: async (graceMs) => {
      const result = await server.close(graceMs);
      await closeProviders(providers);
      await sandbox?.close();
      return result;
    },
  };
}
