import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/error-codes';
import { DEFAULT_FIRST, MAX_FIRST } from '../graphql/listing/listing-plan';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Most access links one request may mint (each can cost a vendor call). */
  maxLinks: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxDirectives: 10, maxTokens: 2_000, maxLinks: 200 };

/** What `Session.recordings` is counted as, for the link budget: a session holds a handful of files. */
export const SESSION_RECORDINGS_ESTIMATE = 20;

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });

/** The page size `Query.recordings` will really use; out of range it is refused before any call anyway. */
function listingPageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_FIRST;
  return Math.min(Math.max(first, 0), MAX_FIRST);
}

/**
 * Counts the links an operation could mint: each `accessLink` is one, multiplied by the
 * lists above it (`nodes(ids:)` by its number of ids, `Query.recordings` by its `first`,
 * `Session.recordings` by SESSION_RECORDINGS_ESTIMATE). Other fields cost nothing of their own.
 */
const linkEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === 'accessLink') return 1;
  if (field.name === 'nodes' && type.name === 'Query') return (Array.isArray(args.ids) ? args.ids.length : 0) * childComplexity;
  if (field.name === 'recordings' && type.name === 'Query') return listingPageSize(args.first) * childComplexity;
  if (field.name === 'recordings') return SESSION_RECORDINGS_ESTIMATE * childComplexity;
  return childComplexity;
};

/**
 * Abuse limits, all checked before any resolver runs and so before any vendor call:
 * depth, aliases, directives and tokens by graphql-armor, and the link budget by
 * graphql-query-complexity. Over a limit is QUERY_TOO_COMPLEX, naming the limit.
 */
export function queryLimits(
  limits: QueryLimits,
  production: boolean,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  // Reported as a validation error carrying our code (Apollo keeps it as originalError;
  // src/errors/format-error.ts surfaces it), instead of armor's thrown "Syntax Error".
  const reject = (ctx: ValidationContext | null, error: GraphQLError) => {
    const coded = tooComplex(error.message.replace(/^Syntax Error: /, 'Query too complex: '));
    if (ctx) ctx.reportError(coded);
    else throw coded;
  };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, onReject: [reject], propagateOnRejection: false },
    maxAliases: { n: limits.maxAliases, onReject: [reject], propagateOnRejection: false },
    maxDirectives: { n: limits.maxDirectives, onReject: [reject], propagateOnRejection: false },
    // Tokens are limited by graphql-js's own parser (parseOptions.maxTokens below): armor's
    // check runs in a plugin hook, where a rejection would become an HTTP 500.
    maxTokens: { enabled: false },
    // Cost here is about vendor calls, which the link budget below measures.
    costLimit: { enabled: false },
    // Suggestions help while developing and map the schema for an attacker in production.
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  const linkBudget: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let links: number;
          try {
            links = getComplexity({ schema, query: document, variables: request.variables ?? {}, operationName: request.operationName, estimators: [linkEstimator] });
          } catch (error) {
            // Variables that do not fit their types: thrown here, this would be a 500; left to
            // execution, which refuses them as BAD_USER_INPUT before any resolver (or vendor) runs.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (links > limits.maxLinks) {
            throw tooComplex(`Query too complex: it could mint up to ${links} access links; the limit is ${limits.maxLinks} per request.`);
          }
        },
      };
    },
  };
  return { plugins: [...(plugins as ApolloServerPlugin[]), linkBudget], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
