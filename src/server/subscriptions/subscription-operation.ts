import { createHash, randomUUID } from 'node:crypto';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { AppConfig } from '../../config/config.types';
import type { RequestHints } from '../../domain/call-context';
import type { GraphQLContext, SubscriptionContext } from '../../graphql/context';
import type { Live } from '../../live/create-live';
import { OVERFLOW } from '../../live/subscriber-queue';
import type { OperationRequest } from '../limits/argument-facts';
import type { OperationFacts } from '../limits/operation-facts';
import { checkQueryCost } from '../limits/query-limits';
import type { RequestIdentity } from '../request-context';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface SubscriptionDeps {
  config: AppConfig;
  schema: GraphQLSchema;
  /** The per-request context factory (src/server/request-context.ts). */
  contextFor: (request: RequestIdentity) => GraphQLContext;
  live: Live;
  formatError: FormatError;
  /** The abuse limits' validation rules (depth, aliases, directives) and the token cap. */
  limits: { validationRules: ValidationRule[]; parseOptions: { maxTokens: number } };
  facts: (operation: OperationRequest) => OperationFacts;
}

export interface OperationInput {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

const requestError = (message: string, code: string): GraphQLError => new GraphQLError(message, { extensions: { code } });

/**
 * The same abuse limits as queries over HTTP (src/server/query-limits.ts), before anything
 * runs: the token cap while parsing, depth/aliases/directives while validating, the link
 * and object budgets from the operation's facts. Only subscriptions come this way (queries
 * and mutations have POST /graphql).
 */
export function prepareSubscription(deps: SubscriptionDeps, input: OperationInput, key: string): ExecutionArgs | GraphQLError[] {
  if (typeof input.query !== 'string') return [requestError('Send a GraphQL document in `query`.', 'BAD_REQUEST')];
  let document: DocumentNode;
  try {
    document = parse(input.query, deps.limits.parseOptions);
  } catch (error) {
    return [requestError(error instanceof Error ? error.message : 'Syntax error', 'GRAPHQL_PARSE_FAILED')];
  }
  const errors = validate(deps.schema, document, [...specifiedRules, ...deps.limits.validationRules]);
  if (errors.length > 0)
    return errors.map((e) =>
      e.extensions?.code
        ? e
        : new GraphQLError(e.message, {
            nodes: e.nodes,
            originalError: e.originalError,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
    );
  const operation = getOperationAST(document, input.operationName ?? undefined);
  if (!operation) return [requestError('Name the operation to run (`operationName`).', 'OPERATION_RESOLUTION_FAILURE')];
  if (operation.operation !== 'subscription') {
    return [requestError('Only subscriptions run here; send queries to POST /graphql.', 'BAD_REQUEST')];
  }
  const variables = input.variables ?? undefined;
  const hints: RequestHints = {};
  try {
    const found = deps.facts({ document, variables: variables ?? undefined, operationName: input.operationName ?? undefined });
    hints.linkValidForSecs = found.linkValidForSecs;
    checkQueryCost(found, deps.config.queryLimits);
  } catch (error) {
    // Variables that do not fit their types are refused by execution, as over HTTP.
    if (!(error instanceof GraphQLError) || error.extensions?.code === 'QUERY_TOO_COMPLEX') {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  }
  const subscriber: SubscriberContext = { operationKey: key, operationContext: () => subscriptionContext(deps, hints) };
  return {
    schema: deps.schema,
    document,
    variableValues: variables,
    operationName: input.operationName ?? undefined,
    contextValue: subscriber,
  };
}

/**
 * A subscriber's `contextValue` (what its transport hands `subscribeShared`): the distinct
 * operation it asks for, and how to build that operation's context, which happens only if
 * no operation of that key runs yet (a subscriber who joins one builds nothing).
 */
export interface SubscriberContext {
  operationKey: string;
  operationContext(): GraphQLContext;
}

/**
 * What makes two subscriptions the same distinct operation, whose results are shared
 * (docs/subscriptions.md, "Delivery cost"): the document as sent, the variables, the
 * operation name, and the API key presented (as a digest). Results do not differ between
 * keys today (every key reaches the same vendor accounts), but a subscriber never receives
 * what was executed for another key, should they ever differ.
 */
export function operationKey(input: OperationInput, authorization: string | undefined): string {
  const parts = [authorization ?? '', input.operationName ?? '', JSON.stringify(input.variables ?? null), input.query];
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

/**
 * One distinct operation's context, built when the operation starts: like a request's
 * (src/server/request-context.ts), with a fresh loader set, memo and run-time budget per
 * event (GraphQLContext.subscription), and a signal that aborts its vendor calls when it
 * stops. Its own loaders and budget go unused: graphql-js runs only the subscribe resolver
 * with it, which reads `providers` and `subscription`.
 */
function subscriptionContext(deps: SubscriptionDeps, hints: RequestHints): GraphQLContext {
  const controller = new AbortController();
  const context = deps.contextFor({ id: randomUUID(), signal: controller.signal });
  Object.assign(context.hints, hints);
  let events = 0;
  const subscription: SubscriptionContext = {
    events: deps.live.events,
    stop: () => controller.abort(),
    eventContext: () => {
      // Per event: its own budget (the request limits count per event, and the deadline
      // runs from the event, not from subscribing), memo and loaders; never reading the
      // cross-request cache, which another replica may not have invalidated yet.
      events += 1;
      const perEvent = deps.contextFor({ id: `${context.requestId}/${events}`, signal: controller.signal, cacheRead: false });
      Object.assign(perEvent.hints, hints);
      return { ...perEvent, subscription };
    },
  };
  return { ...context, subscription };
}

/**
 * graphql-ws's and graphql-sse's `subscribe`: joins the running operation with the same
 * key, or starts it (graphql-js `subscribe`, once). Every result is formatted once, by the
 * one error formatter, and the same object goes to every subscriber of the operation.
 */
export function subscribeShared(
  deps: SubscriptionDeps,
): (args: ExecutionArgs) => Promise<AsyncIterableIterator<FormattedExecutionResult> | FormattedExecutionResult> {
  return async (args) => {
    const subscriber = args.contextValue as SubscriberContext;
    return deps.live.operations.subscribe(subscriber.operationKey, async () => {
      // What graphql-js `subscribe` does, with a context of its own for every event.
      const context = subscriber.operationContext();
      const live = context.subscription;
      if (!live) throw new Error('subscribeShared needs a subscription context (prepareSubscription)');
      const stream = await createSourceEventStream({ ...args, contextValue: context });
      if (!(Symbol.asyncIterator in stream)) return { single: formatResult(deps.formatError, stream) };
      const source = stream[Symbol.asyncIterator]();
      const run = async (rootValue: unknown): Promise<FormattedExecutionResult> =>
        formatResult(deps.formatError, await execute({ ...args, rootValue, contextValue: live.eventContext() }));
      // The result a member that falls behind ends with: the resolver's own SUBSCRIBER_TOO_SLOW.
      const overflow = await run(OVERFLOW).catch(async (error: unknown) => {
        await source.return?.();
        throw error;
      });
      return {
        source: {
          next: async () => {
            const next = await source.next();
            return next.done ? { done: true, value: undefined } : { done: false, value: await run(next.value) };
          },
          return: async () => {
            await source.return?.();
            return { done: true, value: undefined };
          },
        },
        overflow,
        stop: () => live.stop(),
      };
    });
  };
}

/** The one error formatter (src/errors/format-error.ts) applied to what a subscription sends. */
function formatResult(formatError: FormatError, result: ExecutionResult): FormattedExecutionResult {
  const { errors, ...rest } = result;
  if (!errors || errors.length === 0) return rest as FormattedExecutionResult;
  return { ...rest, errors: errors.map((e) => formatError(e.toJSON(), e)) } as FormattedExecutionResult;
}

export function formatErrors(formatError: FormatError, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => formatError(e.toJSON(), e));
}
