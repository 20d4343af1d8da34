import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import { requireApiKey } from '../api-key-auth';
import { formatErrors, operationKey, prepareSubscription, subscribeShared, type SubscriptionDeps } from './subscription-operation';

export const SSE_PATH = '/graphql/stream';

/**
 * GraphQL over Server-Sent Events (graphql-sse, the GraphQL-over-SSE protocol) on
 * /graphql/stream, in a fastify context of its own guarded by the API key like /graphql
 * (`Authorization: Bearer <key>` on the request). Each event waits until the previous one
 * has left the socket's buffer: a client that does not read stalls its own subscription,
 * whose bounded queue then ends it with SUBSCRIBER_TOO_SLOW, instead of the server
 * buffering for it.
 */
export async function registerSse(app: FastifyInstance, deps: SubscriptionDeps): Promise<void> {
  await app.register(async (scope) => {
    if (deps.config.apiKeys.length > 0) scope.addHook('onRequest', requireApiKey(deps.config.apiKeys));
    const handler = createHandler<Record<string, unknown>>({
      onSubscribe: (request, params) => {
        // The client going away ends its subscription: graphql-sse calls return() on it.
        const prepared = prepareSubscription(deps, params, operationKey(params, request.raw.headers.authorization));
        if (Array.isArray(prepared)) return { errors: formatErrors(deps.formatError, prepared) } as never;
        return prepared as never;
      },
      subscribe: subscribeShared(deps) as never,
      onNext: async (_ctx, request, result) => {
        const raw = request.context.reply.raw;
        if (raw.writableNeedDrain) await Promise.race([once(raw, 'drain'), once(raw, 'close')]);
        // Already formatted, once for every subscriber of the operation.
        return result;
      },
    });
    scope.route({
      method: ['GET', 'POST', 'PUT', 'DELETE'],
      url: SSE_PATH,
      handler: async (request, reply) => {
        reply.hijack();
        try {
          await handler(request, reply);
        } catch (error) {
          request.log.warn({ err: error }, 'SSE subscription failed');
          if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
          else reply.raw.end();
        }
      },
    });
  });
}
