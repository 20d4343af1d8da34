import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fastifyApollo, { type ApolloFastifyContextFunction } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config.types';
import type { GraphQLContext } from '../graphql/context';
import type { ProviderRegistry } from '../providers/provider-registry';
import { RequestCancel } from '../domain/request-cancel';
import { createApiKeyCheck, requireApiKey } from './api-key-auth';
import { buildGraphQLServer } from './graphql-server';
import { loggerOptions, type SecretFields } from './logger-options';
import { trackConnections } from './ops/connection-drain';
import { playgroundPage, registerPlaygroundAssets } from './playground/playground';
import { playgroundExamples } from './playground/playground-examples';
import { readiness, type RedisState } from './ops/readiness';
import type { CrossRequestCache } from '../loaders/cross-request-cache';
import { requestIdFrom } from './request-id';
import { createLive, type Live } from '../live/create-live';
import type { WebhookReceiverSource } from '../live/vendor-webhooks';
import type { SharedRedis } from '../redis/redis-connection';
import { registerWebhookReceiver } from './webhook-receiver';
import { registerSse } from './subscriptions/sse-transport';
import { attachWebSocket } from './subscriptions/ws-transport';
import { clientErrorHandler, graphQLRouteErrorHandler } from './request-errors';

export interface HttpServer {
  app: FastifyInstance;
  /** http://host:port */
  url: string;
  /** Webhook receivers to subscriptions: the event bus, this process's subscribers. */
  live: Live;
  /**
   * Stops accepting connections at once, lets in-flight requests finish for up to
   * `graceMs`, then cuts whatever is left. Resolves `forced: true` when it had to cut.
   */
  close(graceMs?: number): Promise<{ forced: boolean }>;
}

export interface ServerOptions {
  /** Seals `Query.recordings` cursors (src/timeline/cursor-key.ts). */
  cursorKey: Buffer;
  /** The vendors' modules (the VENDORS list): their secret fields are redacted from every log line, their webhook receivers built. */
  vendors: ReadonlyArray<SecretFields & WebhookReceiverSource>;
  /** Where JSON log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
  /** What vendors answered, reused across requests (CACHE); none: nothing outlives a request. */
  cache?: CrossRequestCache;
  /** The shared Redis, for /readyz (src/shared-state.ts). */
  redisState?: () => RedisState;
  /** The Redis replicas share (REDIS_URL): events fan out and replays are recognised through it. */
  redis?: SharedRedis;
}

/** Largest request body accepted: a GraphQL query with variables is a few kB. */
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Fastify + Apollo Server: POST/GET /graphql (GraphiQL for browsers), GET /healthz,
 * /readyz and /metrics. One loader set per request, built in the context factory;
 * in-flight vendor calls are aborted when the client goes away.
 */
export async function createServer(
  config: AppConfig,
  schema: GraphQLSchema,
  providers: ProviderRegistry,
  options: ServerOptions,
): Promise<HttpServer> {
  // Read once: pino's level getter costs more than the rest of the check.
  const silent = config.logLevel === 'silent';
  const app = Fastify({
    logger: loggerOptions(config.logLevel, config.logFormat, options.vendors, options.logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']) ?? randomUUID(),
    clientErrorHandler,
    // A child logger per request serializes (and redacts) its bindings up front; with nothing
    // to log (LOG_LEVEL=silent) that is pure cost, so such requests log through the root logger.
    childLoggerFactory: (logger, bindings, options) => (silent ? logger : logger.child(bindings, options)),
  });
  const { apollo, metrics, contextFor, limits, facts, formatError } = await buildGraphQLServer(config, schema, providers, {
    cursorKey: options.cursorKey,
    log: app.log,
    cache: options.cache,
  });

  // Every response carries the request id, which is also on every log line of the request,
  // and is not to be stored by caches: answers hold per-request data, links that expire, and
  // live health. The playground's static files override this with their own cache-control.
  // Callback-style: an async hook costs a promise per request. (The API-key check and the
  // playground's page hook, when enabled, are still async.)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
    done();
  });
  const connections = trackConnections(app);

  // Unauthenticated on purpose: probes and scrapers carry no API key, and none of these
  // answers holds an id, a link or a key (metric labels are names, routes and statuses).
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const { ready, body } = readiness(providers, options.redisState?.() ?? 'none');
    return reply.code(ready ? 200 : 503).send(body);
  });
  app.get('/metrics', async (_request, reply) => {
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // One context per request (request-context.ts); in-flight vendor calls are aborted when the client goes away.
  const context: ApolloFastifyContextFunction<GraphQLContext> = async (request, reply) => {
    // Not an AbortController: see src/domain/request-cancel.ts.
    const cancel = new RequestCancel();
    // The response closing before it finished means the client went away.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) cancel.abort();
    });
    // `Cache-Control: no-cache` (RFC 9111 §5.2.1.4): answer from the vendors, not from the cache.
    const cacheRead = !/(^|,)\s*no-cache\s*(,|$)/i.test(String(request.headers['cache-control'] ?? ''));
    return contextFor({ id: request.id, signal: cancel, cacheRead });
  };

  if (config.playground) registerPlaygroundAssets(app);

  // Every event drops what the cross-request cache keeps about its recording and session.
  const live = await createLive(config, options.vendors, providers, app.log, options.redis, options.cache);
  new Gauge({
    name: 'recording_graph_subscribers',
    help: 'Live subscriptions (Subscription.recordingEvents) on this replica.',
    registers: [metrics.registry],
    collect() {
      this.set(live.operations.subscriberCount);
    },
  });
  // Vendors authenticate by signature, not API key: outside the GraphQL route's context.
  await registerWebhookReceiver(app, { config: config.webhooks, vendors: live.vendors, replay: live.replay, processor: live.processor });
  // Subscription.recordingEvents: WebSocket on /graphql (an upgrade, so Apollo's route never
  // sees it) and SSE on /graphql/stream, both with the API key and the same limits.
  const subscriptionDeps = { config, schema, contextFor, live, formatError, limits, facts };
  const webSocket = attachWebSocket(app, subscriptionDeps, config.apiKeys.length > 0 ? createApiKeyCheck(config.apiKeys) : undefined);
  await registerSse(app, subscriptionDeps);

  // The GraphQL route in a fastify context of its own: hooks added here run for the routes
  // registered here and nowhere else, and Apollo's integration (a fastify-plugin, so it adds
  // its route to the context it is registered in) adds exactly POST, GET and OPTIONS /graphql
  // (and fastify's HEAD twin of the GET). So the API key guards that route whatever the URL's
  // spelling, and nothing else: no URL is compared. Keep other routes out of this context.
  await app.register(async (graphql) => {
    // First, so a browser gets the page without a key (the page holds no data).
    if (config.playground) {
      graphql.addHook('onRequest', playgroundPage({ tabs: playgroundExamples(config.sandbox), apiKeyRequired: config.apiKeys.length > 0 }));
    }
    if (config.apiKeys.length > 0) graphql.addHook('onRequest', requireApiKey(config.apiKeys));
    graphql.setErrorHandler(graphQLRouteErrorHandler);
    await graphql.register(fastifyApollo(apollo), { path: '/graphql', context });
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    app,
    url: `http://${host}:${address.port}`,
    live,
    close: async (graceMs = Infinity) => {
      let forced = false;
      // Subscriptions never finish by themselves: they are ended first, so their streams
      // complete and do not hold the drain below for the whole grace period.
      await live.close();
      await webSocket.close();
      app.log.info({ graceMs }, 'shutting down: no new connections, waiting for requests in flight');
      // fastify's close stops listening, closes idle keep-alive connections, answers 503 to
      // new requests on busy ones, and resolves when the in-flight requests have finished.
      const cut = Number.isFinite(graceMs)
        ? setTimeout(() => {
            forced = true;
            app.log.warn({ graceMs }, 'shutdown grace period over: closing the connections still busy');
            app.server.closeAllConnections();
          }, graceMs)
        : undefined;
      const closed = app.close();
      connections.start();
      await closed;
      clearTimeout(cut);
      await apollo.stop();
      return { forced };
    },
  };
}
