import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isCodedError } from './coded-error';
import { ErrorCode } from './error-codes';

/**
 * Request-level codes Apollo Server itself sets for a query that cannot run (unparsable,
 * invalid against the schema, bad variables, a bad HTTP request). Their messages come
 * from graphql-js and name only the query's own text, so they pass as they are.
 */
const REQUEST_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.QUERY_TOO_COMPLEX,
]);

export const MASKED_MESSAGE = 'Internal server error';

/** What the formatter reports about an error it masked, for the log (no message, no stack). */
export type MaskedErrorReport = (info: { name: string; path?: ReadonlyArray<string | number> }) => void;

/**
 * The one place any thrown value becomes what a client sees (Apollo's formatError).
 * A CodedError keeps its message (ours, never a vendor's) and gets `extensions.code` and
 * `extensions.provider`; Apollo's request-level errors pass; everything else is masked as
 * INTERNAL_SERVER_ERROR, and only its name is reported for the log.
 */
export function createFormatError(reportMasked: MaskedErrorReport = () => undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (isCodedError(original)) {
      return {
        message: original.message,
        ...base,
        extensions: { code: original.code, ...(original.provider ? { provider: original.provider } : {}) },
      };
    }
    // A limit rejected during validation: Apollo wraps our coded error as a validation error.
    const inner = original instanceof GraphQLError ? original.originalError : undefined;
    if (inner instanceof GraphQLError && inner.extensions?.code === ErrorCode.QUERY_TOO_COMPLEX) {
      return { message: inner.message, ...base, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
    }
    const code = formatted.extensions?.code;
    // graphql-js's parser stops at parseOptions.maxTokens: "Document contains more that N tokens" (sic).
    const tokens = code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED && /contains more th\w+ (\d+) tokens/.exec(formatted.message);
    if (tokens) {
      return {
        message: `Query too complex: the document has more than ${tokens[1]} tokens, the limit.`,
        ...base,
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
      };
    }
    const fromGraphQL = original instanceof GraphQLError && !(original.originalError && !(original.originalError instanceof GraphQLError));
    if (typeof code === 'string' && REQUEST_CODES.has(code) && (fromGraphQL || original === undefined)) {
      return { message: formatted.message, ...base, extensions: { code } };
    }
    reportMasked({ name: original instanceof Error ? original.name : typeof original, path: formatted.path });
    return { message: MASKED_MESSAGE, ...base, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
