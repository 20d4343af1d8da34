import { randomUUID } from 'node:crypto';
import {
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
import type { GraphQLContext } from '../../graphql/context';
import type { Live } from '../../live/create-live';
import { createLoaders } from '../../loaders/create-loaders';
import type { ProviderRegistry } from '../../providers/provider-registry';
import type { OperationRequest } from '../limits/argument-facts';
import type { OperationFacts } from '../limits/operation-facts';
import { checkQueryCost } from '../limits/query-limits';
import type { RequestIdentity } from '../request-context';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface SubscriptionDeps {
  config: AppConfig;
  schema: GraphQLSchema;
  providers: ProviderRegistry;
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
export function prepareSubscription(
  deps: SubscriptionDeps,
  input: OperationInput,
  context: GraphQLContext,
): ExecutionArgs | GraphQLError[] {
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
  try {
    const found = deps.facts({ document, variables: variables ?? undefined, operationName: input.operationName ?? undefined });
    context.hints.linkValidForSecs = found.linkValidForSecs;
    checkQueryCost(found, deps.config.queryLimits);
  } catch (error) {
    // Variables that do not fit their types are refused by execution, as over HTTP.
    if (!(error instanceof GraphQLError) || error.extensions?.code === 'QUERY_TOO_COMPLEX') {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  }
  return {
    schema: deps.schema,
    document,
    variableValues: variables,
    operationName: input.operationName ?? undefined,
    contextValue: context,
  };
}

/**
 * One subscription's context: like a request's (create-server.ts), with a fresh loader set
 * per event (GraphQLContext.subscription); `signal` aborts its vendor calls when it ends.
 */
export function subscriptionContext(deps: SubscriptionDeps, signal: AbortSignal): GraphQLContext {
  const context = deps.contextFor({ id: randomUUID(), signal });
  // Same call (signal, id, hints, metrics), a new memo and loader set per event.
  const freshLoaders = () =>
    createLoaders(
      deps.providers,
      { ...context.call, memo: deps.config.batching ? new Map() : undefined },
      { batching: deps.config.batching },
    );
  return { ...context, subscription: { events: deps.live.events, freshLoaders } };
}

/** The one error formatter (src/errors/format-error.ts) applied to what a subscription sends. */
export function formatResult(formatError: FormatError, result: ExecutionResult): FormattedExecutionResult {
  const { errors, ...rest } = result;
  if (!errors || errors.length === 0) return rest as FormattedExecutionResult;
  return { ...rest, errors: errors.map((e) => formatError(e.toJSON(), e)) } as FormattedExecutionResult;
}

export function formatErrors(formatError: FormatError, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => formatError(e.toJSON(), e));
}
