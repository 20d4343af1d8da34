import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses, at validation, an operation whose root type the schema does not have: this API
 * has queries only, and graphql-js's validation lets `mutation { x }` or `subscription { x }`
 * through to execution, which then fails with an error Apollo masks as a 500-class
 * INTERNAL_SERVER_ERROR. Reported here it is GRAPHQL_VALIDATION_FAILED (HTTP 400), a client
 * error that is not logged above debug.
 */
export const knownRootOperationRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This API has no ${node.operation}s: send a query.`, { nodes: node }));
  },
});

/**
 * For the HTTP route only: a subscription sent to POST/GET /graphql is refused at validation
 * (GRAPHQL_VALIDATION_FAILED, HTTP 400) with where subscriptions run (docs/subscriptions.md),
 * instead of reaching Apollo's execution, which has no stream to give it.
 */
export const subscriptionsElsewhereRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') return;
    context.reportError(
      new GraphQLError(
        'Subscriptions run over WebSocket (graphql-transport-ws) on /graphql or over SSE on /graphql/stream, not over HTTP requests to /graphql.',
        { nodes: node },
      ),
    );
  },
});
