import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context';
import { linkValidityOf } from '../graphql/link-hint';

/**
 * Reads, once the operation is known and before it runs, which link validity it asks for,
 * and leaves it in the request's hints for the adapters (see RequestHints).
 */
export function linkHintPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          contextValue.hints.linkValidForSecs = linkValidityOf(document, request.variables ?? {});
        },
      };
    },
  };
}
