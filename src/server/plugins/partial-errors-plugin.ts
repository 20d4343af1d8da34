import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isCodedError } from '../../errors/coded-error';
import { ErrorCode } from '../../errors/error-codes';
import type { RequestHooks } from './request-hooks-plugin';

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The part of the server's (pino) logger the error logs need. */
export interface RequestLog {
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * GraphQL has no way for a field to return data and an error: a resolver that has both (the
 * timeline page with one vendor failing) leaves the error in `contextValue.partialErrors`, and
 * this plugin appends it to the response's errors, through the server's one error formatter
 * (src/errors/format-error.ts), as Apollo does for thrown errors.
 *
 * Options: `formatError`, the very function given to ApolloServer's `formatError`; `log`, the
 * server's logger (each line carries the request's `reqId`).
 */
export function partialErrorsPlugin(formatError: FormatError, log: RequestLog): RequestHooks {
  return {
    async willSendResponse({ response, contextValue }) {
      if (contextValue.partialErrors.length === 0 || response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      const added = contextValue.partialErrors.map(({ error, path }) => {
        // An adapter bug, reported to the client as INTERNAL_SERVER_ERROR naming the vendor
        // (attributeToProvider): the log gets what it was, by name only, like masked errors.
        if (isCodedError(error) && error.code === ErrorCode.INTERNAL_SERVER_ERROR) {
          const cause = (error as { cause?: unknown }).cause;
          log.error(
            {
              reqId: contextValue.requestId,
              provider: error.provider,
              path,
              err: { name: cause instanceof Error ? cause.name : typeof cause },
            },
            'a vendor adapter failed without a code',
          );
        }
        const original = error instanceof Error ? error : new Error(String(error));
        const graphQLError = new GraphQLError(original.message, { path, originalError: original });
        return formatError(graphQLError.toJSON(), graphQLError);
      });
      result.errors = [...(result.errors ?? []), ...added];
    },
  };
}
