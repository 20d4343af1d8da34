import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { QueryLimitsConfig } from '../../config/config.types';
import type { OperationRequest } from '../limits/argument-facts';
import type { OperationFacts } from '../limits/operation-facts';
import { checkQueryCost, tooComplex } from '../limits/query-limits';
import type { RequestHooks } from './request-hooks-plugin';

/**
 * Whether the variables do not fit the operation's types: execution refuses those as
 * BAD_USER_INPUT before any resolver (or vendor) runs, so measuring may give up on them.
 */
function variablesRefused(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): boolean {
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  return errors !== undefined && errors.length > 0;
}

/**
 * Once the operation is known and before it runs, reads its facts once (src/server/limits/operation-facts.ts):
 * leaves the link validity it asks for in the request's hints for the adapters (see
 * RequestHints), and refuses it over the link or object budget (checkQueryCost).
 *
 * Fails closed: an operation whose cost cannot be measured is refused as QUERY_TOO_COMPLEX
 * (HTTP 400) before any resolver runs. graphql-query-complexity gives up on a document that
 * expands to more than 10,000 fields (fragments spread inside fragments do that in a few
 * hundred characters, docs/limits.md); only variables that do not fit their types are left
 * to execution, which refuses them without calling a vendor.
 */
export function operationFactsPlugin(
  schema: GraphQLSchema,
  facts: (operation: OperationRequest) => OperationFacts,
  limits: QueryLimitsConfig,
): RequestHooks {
  return {
    async didResolveOperation({ document, operation, request, contextValue }) {
      let found: OperationFacts;
      try {
        found = facts({ document, variables: request.variables, operationName: request.operationName });
      } catch {
        if (operation && variablesRefused(schema, operation, request.variables)) return;
        throw tooComplex('Query too complex: its cost could not be measured (it expands to too many fields).');
      }
      contextValue.hints.linkValidForSecs = found.linkValidForSecs;
      checkQueryCost(found, limits);
    },
  };
}
