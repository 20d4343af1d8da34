import type { CallMetrics, RequestHints } from '../domain/call-context';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../loaders/create-loaders';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { CursorCodec } from '../timeline/cursor';

/** What every request's context is made from: one of each per server. */
export interface RequestContextDeps {
  providers: ProviderRegistry;
  cursors: CursorCodec;
  /** Where vendor calls and loader batches are counted (src/server/ops/metrics.ts). */
  metrics?: CallMetrics;
  /** Off only for the benchmark's naive baseline (RECORDING_GRAPH_BATCHING=off). */
  batching: boolean;
}

/** What one request brings: its id, and a signal aborted when its client goes away. */
export interface RequestIdentity {
  id: string;
  signal?: AbortSignal;
}

/**
 * The per-request context factory: one loader set, one memo of vendor calls and one set of
 * hints per GraphQL request, never shared and dropped with it. The HTTP route (create-server.ts)
 * and in-process operations (graphql-server.ts, `executeOperation`) both build theirs here.
 */
export function requestContextFactory(deps: RequestContextDeps): (request: RequestIdentity) => GraphQLContext {
  return ({ id, signal }) => {
    const hints: RequestHints = {};
    // One memo for the whole request: a session the timeline loads (Zoom's recordings call,
    // Cloudflare's session details) is not fetched again by the loaders, nor the other way.
    const memo = deps.batching ? new Map<string, Promise<unknown>>() : undefined;
    const call = { signal, requestId: id, hints, metrics: deps.metrics, memo };
    return {
      requestId: id,
      providers: deps.providers,
      hints,
      call,
      cursors: deps.cursors,
      partialErrors: [],
      loaders: createLoaders(deps.providers, call, { batching: deps.batching }),
    };
  };
}
