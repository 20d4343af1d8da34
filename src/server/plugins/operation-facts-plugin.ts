import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { QueryLimitsConfig } from '../../config/config.types';
import type { GraphQLContext } from '../../graphql/context';
import type { OperationRequest } from '../limits/argument-facts';
import type { OperationFacts } from '../limits/operation-facts';
import { checkQueryCost } from '../limits/query-limits';

/**
 * Once the operation is known and before it runs, reads its facts once (src/server/limits/operation-facts.ts):
 * leaves the link validity it asks for in the request's hints for the adapters (see
 * RequestHints), and refuses it over the link or object budget (checkQueryCost).
 */
export function operationFactsPlugin(facts: (operation: OperationRequest) => OperationFacts, limits: QueryLimitsConfig): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          let found: OperationFacts;
          try {
            found = facts({ document, variables: request.variables, operationName: request.operationName });
          } catch (error) {
            // Variables that do not fit their types: thrown here, this would be a 500; left to
            // execution, which refuses them as BAD_USER_INPUT before any resolver (or vendor) runs.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          contextValue.hints.linkValidForSecs = found.linkValidForSecs;
          checkQueryCost(found, limits);
        },
      };
    },
  };
}
