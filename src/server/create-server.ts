import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { type ApolloFastifyContextFunction } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config.types';
import { createFormatError } from '../errors/format-error';
import { maskedErrorLogPlugin } from './masked-error-log-plugin';
import type { GraphQLContext } from '../graphql/context';
import { CursorCodec } from '../listing/cursor';
import { createLoaders } from '../loaders/create-loaders';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { RequestHints } from '../providers/recording-provider';
import { createApiKeyCheck, requireApiKey } from './api-key-auth';
import { operationFacts } from './operation-facts';
import { operationFactsPlugin } from './operation-facts-plugin';
import { partialErrorsPlugin } from './partial-errors-plugin';
import { queryLimits } from './query-limits';
import { loggerOptions } from './logger-options';
import { trackConnections } from './connection-drain';
import { createMetrics } from './metrics';
import { playgroundPage, registerPlaygroundAssets } from './playground';
import { playgroundExamples } from './playground-examples';
import { readiness } from './readiness';
import { requestIdFrom } from './request-id';
import { createLive, type Live } from '../live/create-live';
import type { SharedRedis } from '../redis/redis-connection';
import { registerWebhookReceiver } from './webhook-receiver';
import { registerSse } from './subscriptions/sse-transport';
import { attachWebSocket } from './subscriptions/ws-transport';

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
  /** Seals `Query.recordings` cursors (src/listing/cursor-key.ts). */
  cursorKey: Buffer;
  /** Where JSON log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
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
export async function createServer(config: AppConfig, schema: GraphQLSchema, providers: ProviderRegistry, options: ServerOptions): Promise<HttpServer> {
  const production = config.nodeEnv === 'production';
  const cursors = new CursorCodec(options.cursorKey);
  const app = Fastify({
    logger: loggerOptions(config.logLevel, config.logFormat, options.logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']) ?? randomUUID(),
  });
  const limits = queryLimits(config.queryLimits, production);
  const metrics = createMetrics(providers);
  const formatError = createFormatError();
  const facts = operationFacts(schema);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    logger: app.log,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // src/index.ts owns SIGTERM/SIGINT: it drains the server (close() below), closes vendor
    // pools and exits 0. No Apollo drain plugin: its fixed 10 s cut-off would ignore SHUTDOWN_GRACE_MS.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ...limits.plugins,
      operationFactsPlugin(facts, config.queryLimits),
      partialErrorsPlugin(formatError, app.log),
      maskedErrorLogPlugin(app.log),
      metrics.apolloPlugin(),
      ApolloServerPluginInlineTraceDisabled(),
      // The schema has no cache hints: every answer is per request and may hold short-lived
      // links, so it is `no-store` (the onRequest hook below). Apollo's cache-control plugin
      // would instrument every field's resolution only to conclude the same.
      ApolloServerPluginCacheControlDisabled(),
      // Our own GraphiQL (src/server/playground.ts) replaces Apollo's landing page, which loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  // Every response carries the request id, which is also on every log line of the request,
  // and is not to be stored by caches: answers hold per-request data, links that expire, and
  // live health. The playground's static files override this with their own cache-control.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
  });
  const connections = trackConnections(app);

  // Unauthenticated on purpose: probes and scrapers carry no API key, and none of these
  // answers holds an id, a link or a key (metric labels are names, routes and statuses).
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const { ready, body } = readiness(providers);
    return reply.code(ready ? 200 : 503).send(body);
  });
  app.get('/metrics', async (_request, reply) => {
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // One loader set per request; in-flight vendor calls are aborted when the client goes away.
  const context: ApolloFastifyContextFunction<GraphQLContext> = async (request, reply) => {
    const controller = new AbortController();
    // One request can have hundreds of vendor calls in flight, each listening for abort.
    setMaxListeners(0, controller.signal);
    // The response closing before it finished means the client went away.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    const hints: RequestHints = {};
    // One memo for the whole request: a session the timeline loads (Zoom's recordings call,
    // Cloudflare's session details) is not fetched again by the loaders, nor the other way.
    const memo = config.batching ? new Map<string, Promise<unknown>>() : undefined;
    const call = { signal: controller.signal, requestId: request.id, hints, metrics: metrics.calls, memo };
    return {
      requestId: request.id,
      providers,
      hints,
      call,
      cursors,
      partialErrors: [],
      loaders: createLoaders(providers, call, { batching: config.batching }),
    };
  };

  if (config.playground) registerPlaygroundAssets(app);

  const live = await createLive(config, providers, app.log, options.redis);
  new Gauge({
    name: 'recording_graph_subscribers',
    help: 'Live subscriptions (Subscription.recordingEvents) on this replica.',
    registers: [metrics.registry],
    collect() {
      this.set(live.events.subscriberCount);
    },
  });
  // Vendors authenticate by signature, not API key: outside the GraphQL route's context.
  await registerWebhookReceiver(app, { config: config.webhooks, vendors: live.vendors, replay: live.replay, processor: live.processor });
  // Subscription.recordingEvents: WebSocket on /graphql (an upgrade, so Apollo's route never
  // sees it) and SSE on /graphql/stream, both with the API key and the same limits.
  const subscriptionDeps = { config, schema, providers, cursors, live, formatError, limits, facts };
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
