import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import type { OperationFacts, OperationRequest } from './operation-facts';

/**
 * Reads, once the operation is known and before it runs, which link validity it asks for,
 * and leaves it in the request's hints for the adapters (see RequestHints).
 */
export function linkHintPlugin(facts: (operation: OperationRequest) => OperationFacts): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          try {
            contextValue.hints.linkValidForSecs = facts({ document, variables: request.variables, operationName: request.operationName }).linkValidForSecs;
          } catch (error) {
            // Variables that do not fit their types: execution refuses them before any resolver runs.
            if (!(error instanceof GraphQLError)) throw error;
          }
        },
      };
    },
  };
}
