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
