import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received {
  results: Array<{ data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
  completed: boolean;
  error?: unknown;
}

/** A graphql-ws client (subprotocol graphql-transport-ws) against `<url>/graphql`. */
export function wsClient(baseUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createWsClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes and collects what arrives; `stop()` unsubscribes. */
export function collectWs(client: Client, query: string, variables?: Record<string, unknown>): Received & { stop(): void } {
  const received: Received = { results: [], completed: false };
  const stop = client.subscribe(
    { query, variables },
    {
      next: (r) => void received.results.push(r as Received['results'][number]),
      error: (e) => {
        received.error = e;
        received.completed = true;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return Object.assign(received, { stop });
}

/** A graphql-sse client (distinct connections mode) against `<url>/graphql/stream`. */
export function collectSse(
  baseUrl: string,
  query: string,
  headers: Record<string, string> = {},
  variables?: Record<string, unknown>,
): Received & { stop(): void } {
  const client = createSseClient({ url: `${baseUrl}/graphql/stream`, headers, retryAttempts: 0 });
  const received: Received = { results: [], completed: false };
  const stop = client.subscribe(
    { query, variables },
    {
      next: (r) => void received.results.push(r as Received['results'][number]),
      error: (e) => {
        received.error = e;
        received.completed = true;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return Object.assign(received, {
    stop: () => {
      stop();
      client.dispose();
    },
  });
}
