import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config.types';
import { createFormatError } from '../errors/format-error';
import type { GraphQLContext } from '../graphql/context';
import type { ProviderRegistry } from '../providers/provider-registry';
import { CursorCodec } from '../timeline/cursor';
import type { OperationRequest } from './limits/argument-facts';
import { operationFacts, type OperationFacts } from './limits/operation-facts';
import { queryLimits, type QueryLimits } from './limits/query-limits';
import { subscriptionsElsewhereRule } from './limits/root-operation-rule';
import { createMetrics, type ServerMetrics } from './ops/metrics';
import { maskedErrorLogPlugin } from './plugins/masked-error-log-plugin';
import { operationFactsPlugin } from './plugins/operation-facts-plugin';
import { partialErrorsPlugin, type RequestLog } from './plugins/partial-errors-plugin';
import { requestHooksPlugin } from './plugins/request-hooks-plugin';
import { requestContextFactory, type RequestIdentity } from './request-context';
import { RefusedLinks } from '../loaders/refused-links';
import type { CrossRequestCache } from '../loaders/cross-request-cache';

/** Apollo's logger that also takes pino's `(fields, message)` form: the server's pino logger is one. */
export type ServerLog = NonNullable<ConstructorParameters<typeof ApolloServer<GraphQLContext>>[0]['logger']> & RequestLog;

export interface GraphQLServerOptions {
  /** Seals `Query.recordings` cursors (src/timeline/cursor-key.ts). */
  cursorKey: Buffer;
  log: ServerLog;
  /** The cross-request cache (src/loaders/cross-request-cache.ts); none: nothing outlives a request. */
  cache?: CrossRequestCache;
}

/** What one in-process operation answered: the single result Apollo would have sent. */
export interface OperationResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

export interface GraphQLServer {
  apollo: ApolloServer<GraphQLContext>;
  metrics: ServerMetrics;
  /** The abuse limits, also applied to subscriptions (src/server/subscriptions). */
  limits: QueryLimits;
  facts: (operation: OperationRequest) => OperationFacts;
  /** The one error formatter, also for what subscriptions send. */
  formatError: ReturnType<typeof createFormatError>;
  /** A fresh context for one request (requestContextFactory). */
  contextFor(request: RequestIdentity): GraphQLContext;
  /**
   * Runs one operation in process, through the same plugins, limits and error formatting as
   * the HTTP route, but with no HTTP (no API key, request-id header or CSRF check: those are
   * the HTTP route's, create-server.ts).
   */
  execute<T = Record<string, unknown>>(request: GraphQLRequest, identity?: Partial<RequestIdentity>): Promise<OperationResult<T>>;
  stop(): Promise<void>;
}

let inProcessRequests = 0;

/**
 * The Apollo server with every limit and plugin, started, listening nowhere: what
 * createServer mounts on its HTTP route, and what tests run operations against in process
 * (docs/development.md, "Tests without HTTP").
 */
export async function buildGraphQLServer(
  config: Pick<AppConfig, 'nodeEnv' | 'queryLimits' | 'batching'>,
  schema: GraphQLSchema,
  providers: ProviderRegistry,
  options: GraphQLServerOptions,
): Promise<GraphQLServer> {
  const production = config.nodeEnv === 'production';
  const limits = queryLimits(config.queryLimits, production);
  const metrics = createMetrics(providers);
  const formatError = createFormatError();
  const facts = operationFacts(schema);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: [...limits.validationRules, subscriptionsElsewhereRule],
    parseOptions: limits.parseOptions,
    logger: options.log,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // src/index.ts owns SIGTERM/SIGINT: it drains the server (HttpServer.close), closes vendor
    // pools and exits 0. No Apollo drain plugin: its fixed 10 s cut-off would ignore SHUTDOWN_GRACE_MS.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ...limits.plugins,
      // One plugin, one listener for every request; partial errors are appended before the outcome is counted.
      requestHooksPlugin([
        operationFactsPlugin(schema, facts, config.queryLimits),
        partialErrorsPlugin(formatError, options.log),
        maskedErrorLogPlugin(options.log),
        metrics.requestHooks,
      ]),
      ApolloServerPluginInlineTraceDisabled(),
      // The schema has no cache hints: every answer is per request and may hold short-lived
      // links, so it is `no-store` (create-server.ts). Apollo's cache-control plugin would
      // instrument every field's resolution only to conclude the same.
      ApolloServerPluginCacheControlDisabled(),
      // Our own GraphiQL (src/server/playground/playground.ts) replaces Apollo's landing page, which loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const { maxVendorCalls, maxLinks, maxObjects, requestDeadlineMs } = config.queryLimits;
  const contextFor = requestContextFactory({
    providers,
    cursors: new CursorCodec(options.cursorKey),
    metrics: metrics.calls,
    batching: config.batching,
    budget: { vendorCalls: maxVendorCalls, links: maxLinks, objects: maxObjects, deadlineMs: requestDeadlineMs },
    onBudgetExceeded: metrics.budgetExceeded,
    cache: options.cache,
    refusedLinks: new RefusedLinks(),
  });
  return {
    apollo,
    metrics,
    limits,
    facts,
    formatError,
    contextFor,
    async execute<T>(request: GraphQLRequest, identity: Partial<RequestIdentity> = {}) {
      const contextValue = contextFor({ id: identity.id ?? `in-process-${++inProcessRequests}`, signal: identity.signal });
      const response = await apollo.executeOperation(request, { contextValue });
      if (response.body.kind !== 'single') throw new Error('an in-process operation answered incrementally');
      return response.body.singleResult as OperationResult<T>;
    },
    stop: () => apollo.stop(),
  };
}
