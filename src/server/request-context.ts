import type { CallMetrics, RequestHints } from '../domain/call-context';
import type { CancelSignal } from '../domain/request-cancel';
import { RequestBudget, type BudgetLimit, type RequestBudgetLimits } from '../domain/request-budget';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../loaders/create-loaders';
import type { CrossRequestCache } from '../loaders/cross-request-cache';
import type { RefusedLinks } from '../loaders/refused-links';
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
  /** Each request's run-time budget (src/domain/request-budget.ts); none: nothing is counted. */
  budget?: RequestBudgetLimits;
  /** Counts a request that ran out of a budget (src/server/ops/metrics.ts). */
  onBudgetExceeded?: (limit: BudgetLimit) => void;
  /** What outlives the request (CACHE, src/loaders/cross-request-cache.ts); none: nothing. */
  cache?: CrossRequestCache;
  /** Recordings last seen without a file to link, which the link prefetch skips (src/loaders/refused-links.ts). */
  refusedLinks?: RefusedLinks;
}

/** What one request brings: its id, and a signal aborted when its client goes away. */
export interface RequestIdentity {
  id: string;
  signal?: CancelSignal;
  /** false: the request said `Cache-Control: no-cache`, so the cross-request cache is not read. */
  cacheRead?: boolean;
}

/**
 * The per-request context factory: one loader set, one memo of vendor calls and one set of
 * hints and one run-time budget per GraphQL request, never shared and dropped with it. The HTTP route (create-server.ts)
 * and in-process operations (graphql-server.ts, `executeOperation`) both build theirs here.
 */
export function requestContextFactory(deps: RequestContextDeps): (request: RequestIdentity) => GraphQLContext {
  return ({ id, signal, cacheRead }) => {
    const hints: RequestHints = {};
    // One memo for the whole request: a session the timeline loads (Zoom's recordings call,
    // Cloudflare's session details) is not fetched again by the loaders, nor the other way.
    const memo = deps.batching ? new Map<string, Promise<unknown>>() : undefined;
    // The run-time budget, from the request's arrival: its deadline covers parsing too, and a
    // call waiting for rate budget (src/http/rate-budget.ts) gives up at it (deadlineAt).
    const budget = deps.budget ? new RequestBudget(deps.budget, deps.onBudgetExceeded) : undefined;
    const call = { signal, requestId: id, hints, metrics: deps.metrics, memo, cacheRead, budget, deadlineAt: budget?.deadlineAt };
    return {
      requestId: id,
      providers: deps.providers,
      hints,
      call,
      cursors: deps.cursors,
      partialErrors: [],
      loaders: createLoaders(deps.providers, call, { batching: deps.batching, cache: deps.cache, refusedLinks: deps.refusedLinks }),
    };
  };
}
