import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatErrors, operationKey, prepareSubscription, subscribeShared, type SubscriptionDeps } from './subscription-operation';

/** The graphql-ws protocol's subprotocol name. */
export const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';
/** A subscribe message is a query and its variables: a few kB, as on POST /graphql. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** Subscriptions one connection may hold at once (each is a queue on the server). */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

export interface WebSocketTransport {
  /** Closes every connection (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/** RFC 6455 §7.4.1: the endpoint is going away (server shutdown). */
const GOING_AWAY = 1001;

/** The API key a WebSocket client presents: `connection_init`'s payload, else the upgrade request's header. */
function presentedKey(params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage): string | undefined {
  const fromParams = params?.Authorization ?? params?.authorization;
  if (typeof fromParams === 'string') return fromParams;
  return request.headers.authorization;
}

/**
 * GraphQL over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on /graphql, on the
 * same port as HTTP: the upgrade of a request to /graphql with that subprotocol. API_KEYS
 * is checked at connection (`connection_init` payload `{ "Authorization": "Bearer <key>" }`,
 * or the upgrade request's Authorization header): a wrong key closes with 4403.
 */
export function attachWebSocket(
  app: FastifyInstance,
  deps: SubscriptionDeps,
  apiKeyCheck: ((authorization: string | undefined) => boolean) | undefined,
): WebSocketTransport {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(GRAPHQL_TRANSPORT_WS) ? GRAPHQL_TRANSPORT_WS : false),
  });
  let closing = false;
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (closing || path !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  app.server.on('upgrade', onUpgrade);

  useServer<Record<string, unknown> | undefined, { request: IncomingMessage }>(
    {
      onConnect: (ctx) => (apiKeyCheck ? apiKeyCheck(presentedKey(ctx.connectionParams, ctx.extra.request)) : true),
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        return prepareSubscription(deps, payload, operationKey(payload, presentedKey(ctx.connectionParams, ctx.extra.request)));
      },
      // One execution per distinct operation and event, shared by its subscribers; the
      // subscription ends (return()) when the client completes it or the socket closes.
      subscribe: subscribeShared(deps) as never,
      onError: (_ctx, _id, _payload, errors) => formatErrors(deps.formatError, errors),
      // Already formatted, once for every subscriber of the operation.
      onNext: (_ctx, _id, _payload, _args, result) => result,
    },
    wss,
  );

  return {
    close: async () => {
      closing = true;
      app.server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(GOING_AWAY, 'Server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
