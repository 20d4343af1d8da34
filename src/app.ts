import type { AppConfig, ProvidersConfig } from './app-config';
import { VENDORS } from './providers/vendors';
import { buildAppSchema } from './graphql/build-schema';
import { deriveCursorKey } from './timeline/cursor-key';
import { closeProviders, createProviders } from './providers/provider-registry';
import { createSharedState, type SharedState } from './shared-state';
import { createServer } from './server/create-server';
import { tryItQuery } from './server/playground/playground-examples';
import { startSandbox, type Sandbox } from './sandbox/start-sandbox';
import { playWhileSubscribed } from './sandbox/live-recordings';
import { sandboxWebhookSecrets } from './sandbox/sandbox-webhook-secrets';
import type { SandboxWebhookSecrets } from './sandbox/webhook-sender';
import type { Live } from './live/create-live';

export interface RunningApp {
  /** http://host:port */
  url: string;
  sandbox?: Sandbox;
  /** Webhook receivers to subscriptions (src/live/create-live.ts). */
  live: Live;
  /**
   * What replicas share: the process's one Redis connection (`shared.redis`, for the event
   * fan-out too), the rate stores, and the cross-request cache (`shared.cache`, whose
   * invalidateRecording/invalidateSession webhooks call).
   */
  shared: SharedState;
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
  let providersConfig: ProvidersConfig = config.providers;
  let signing: Partial<SandboxWebhookSecrets> | undefined;
  if (config.sandbox) {
    sandbox = await startSandbox({
      latencyMs: config.sandboxLatencyMs,
      recordingsPerVendor: config.sandboxRecordingsPerVendor,
      vendorHttp: { ...config.vendorHttp, rateLimits: config.rateLimits },
      rateLimits: config.sandboxRateLimits,
    });
    providersConfig = sandbox.providers;
    // Every receiver on, with the secrets the emulators sign with (made up unless configured).
    const secrets = sandboxWebhookSecrets(config.webhooks);
    config = { ...config, webhooks: secrets.webhooks };
    signing = secrets.signing;
  }
  // The Redis connection's state changes are logged through the server's logger, which
  // exists only once the server does: what it says before that is held and logged then.
  const early: Array<['info' | 'warn', string]> = [];
  const logTo: { log?: { info(msg: string): void; warn(msg: string): void } } = {};
  const redisLog = (level: 'info' | 'warn') => (msg: string) => (logTo.log ? logTo.log[level](msg) : early.push([level, msg]));
  // One Redis connection per process (REDIS_URL): rate budgets, the cache and the event fan-out share it.
  const shared = createSharedState(config, providersConfig, VENDORS, { info: redisLog('info'), warn: redisLog('warn') });
  const providers = createProviders(VENDORS, providersConfig, { rateStoreFor: shared.rateStoreFor });
  const schema = await buildAppSchema();
  const server = await createServer(config, schema, providers, {
    cursorKey: deriveCursorKey(config.cursorSecret, providersConfig, VENDORS),
    vendors: VENDORS,
    redis: shared.redis,
    cache: shared.cache,
    redisState: shared.redisState,
  });
  logTo.log = server.app.log;
  for (const [level, msg] of early.splice(0)) server.app.log[level](msg);
  // The sandbox's vendors record something new and send its webhooks while anyone subscribes.
  const stopLiveDemo =
    sandbox && signing
      ? playWhileSubscribed(
          sandbox.liveRecordings(signing, { baseUrl: server.url, signedBaseUrl: config.webhooks.publicUrl ?? server.url }),
          { count: () => server.live.events.streamCount, onSubscribe: (hook) => server.live.events.onSubscribe(hook) },
          server.app.log,
        )
      : undefined;
  const live = VENDORS.filter((v) => providers[v.name]);
  if (sandbox) {
    server.app.log.info(
      { emulators: sandbox.baseUrls },
      'sandbox mode: no vendor configured, so built-in emulators of all five vendor APIs serve demo data ' +
        `(each URL as its base-URL variable takes it: ${VENDORS.map((v) => v.urlVariable).join(', ')})`,
    );
  } else {
    server.app.log.info({ vendors: live.map((v) => v.name) }, `live vendors: ${live.map((v) => v.label).join(', ')}`);
  }
  if (config.apiKeys.length === 0) {
    server.app.log.warn('API_KEYS is not set: the API is open to anyone who can reach it');
  }
  server.app.log.info({ url: `${server.url}/graphql` }, `recording-graph listening on ${server.url}/graphql`);
  if (config.playground) {
    const tryIt = tryItQuery(config.sandbox);
    server.app.log.info(
      { playground: `${server.url}/graphql`, query: tryIt },
      `playground: open ${server.url}/graphql in a browser and run ${tryIt}`,
    );
  }
  return {
    url: server.url,
    sandbox,
    shared,
    live: server.live,
    close: async (graceMs) => {
      stopLiveDemo?.();
      const result = await server.close(graceMs);
      await closeProviders(providers);
      await shared.close();
      await sandbox?.close();
      return result;
    },
  };
}
