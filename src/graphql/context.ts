import type { LiveEvents } from '../live/live-events';
import type { CursorCodec } from '../timeline/cursor';
import type { Loaders } from '../loaders/create-loaders';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { CallContext, RequestHints } from '../domain/call-context';

/**
 * An error about one field that still returned data (a vendor that failed while the others
 * answered `Query.recordings`): src/server/plugins/partial-errors-plugin.ts adds it to the response.
 */
export interface PartialError {
  error: unknown;
  path: ReadonlyArray<string | number>;
}

/** What every resolver gets: this request's loaders and the enabled vendors. */
export interface GraphQLContext {
  requestId: string;
  loaders: Loaders;
  providers: ProviderRegistry;
  /** Filled from the operation before execution (src/server/plugins/operation-facts-plugin.ts); the loaders see it. */
  hints: RequestHints;
  /** The request's abort signal, id and hints, for vendor calls made outside the loaders (listings). */
  call: CallContext;
  /** Signs and checks `Query.recordings` cursors; one per server. */
  cursors: CursorCodec;
  /** Errors to report alongside the data (see PartialError). */
  partialErrors: PartialError[];
  /** Only in a subscription's context (src/server/subscriptions/subscription-operation.ts). */
  subscription?: SubscriptionContext;
}

/**
 * What a subscription adds: this process's event streams, and a fresh context for each
 * event (an event says the recording changed, so nothing loaded for an earlier event may
 * answer for it; and each event has a run-time budget of its own).
 */
export interface SubscriptionContext {
  events: LiveEvents;
  /** The context one event is executed with: its own loaders, memo and budget. */
  eventContext(): GraphQLContext;
  /** Aborts the vendor calls of the operation (its last subscriber left). */
  stop(): void;
}
