import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config.types';
import { ErrorCode } from '../errors/error-codes';
import { createFormatError } from '../errors/format-error';
import type { GraphQLContext } from '../graphql/context';
import { CursorCodec } from '../listing/cursor';
import { createLoaders } from '../loaders/create-loaders';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { RequestHints } from '../providers/recording-provider';
import { createApiKeyCheck } from './api-key-auth';
import { linkHintPlugin } from './link-hint-plugin';
import { partialErrorsPlugin } from './partial-errors-plugin';
import { queryLimits } from './query-limits';
import { loggerOptions } from './logger-options';

export interface HttpServer {
  app: FastifyInstance;
  /** http://host:port */
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Signs `Query.recordings` cursors (src/listing/cursor-key.ts). */
  cursorKey: Buffer;
}

/** Largest request body accepted: a GraphQL query with variables is a few kB. */
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Fastify + Apollo Server: POST/GET /graphql and GET /healthz. One loader set per request,
 * built in the context factory; in-flight vendor calls are aborted when the client goes away.
 */
export async function createServer(config: AppConfig, schema: GraphQLSchema, providers: ProviderRegistry, options: ServerOptions): Promise<HttpServer> {
  const production = config.nodeEnv === 'production';
  const cursors = new CursorCodec(options.cursorKey);
  const app = Fastify({ logger: loggerOptions(config.logLevel), bodyLimit: BODY_LIMIT_BYTES, genReqId: () => randomUUID() });
  const limits = queryLimits(config.queryLimits, production);
  const formatError = createFormatError((info) => app.log.error({ err: { name: info.name }, path: info.path }, 'masked an error without a code'));
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    logger: app.log,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // src/index.ts owns SIGTERM/SIGINT: it drains the server, closes vendor pools and exits 0.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ...limits.plugins,
      linkHintPlugin(),
      partialErrorsPlugin(formatError),
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginInlineTraceDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', async () => ({ status: 'ok' }));

  if (config.apiKeys.length > 0) {
    const allowed = createApiKeyCheck(config.apiKeys);
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/graphql')) return;
      if (allowed(request.headers.authorization)) return;
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ errors: [{ message: 'Send a valid API key as `Authorization: Bearer <key>`.', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
    });
  }

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request, reply): Promise<GraphQLContext> => {
      const controller = new AbortController();
      // One request can have hundreds of vendor calls in flight, each listening for abort.
      setMaxListeners(0, controller.signal);
      // The response closing before it finished means the client went away.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      reply.header('x-request-id', request.id);
      const hints: RequestHints = {};
      const call = { signal: controller.signal, requestId: request.id, hints };
      return {
        requestId: request.id,
        providers,
        hints,
        call,
        cursors,
        partialErrors: [],
        loaders: createLoaders(providers, call, { batching: config.batching }),
      };
    },
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    app,
    url: `http://${host}:${address.port}`,
    close: async () => {
      await apollo.stop();
      await app.close();
    },
  };
}
