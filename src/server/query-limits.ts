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
  /** Most recordings and sessions one request may fetch or list (each can cost vendor calls). */
  maxObjects: number;
}

/** What `Session.recordings` is counted as, for both budgets: a session holds a handful of files. */
export const SESSION_RECORDINGS_ESTIMATE = 20;

// `http.status`: thrown from a plugin hook (the cost budgets), Apollo would otherwise answer 500.
const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } } });

/** The page size `Query.recordings` will really use; out of range it is refused before any call anyway. */
function listingPageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_FIRST;
  return Math.min(Math.max(first, 0), MAX_FIRST);
}

const listLength = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/**
 * How many items a list field yields at most, or undefined for a field that is no list of
 * recordings or sessions: `nodes(ids:)` its ids, federation's `_entities(representations:)`
 * its representations, `Query.recordings` its `first`, `Session.recordings` the estimate.
 */
function listMultiplier(typeName: string, fieldName: string, args: Record<string, unknown>): number | undefined {
  if (typeName === 'Query' && fieldName === 'nodes') return listLength(args.ids);
  if (typeName === 'Query' && fieldName === '_entities') return listLength(args.representations);
  if (typeName === 'Query' && fieldName === 'recordings') return listingPageSize(args.first);
  if (typeName === 'Session' && fieldName === 'recordings') return SESSION_RECORDINGS_ESTIMATE;
  return undefined;
}

/** Fields that fetch one recording or session each (a vendor call unless batched or cached). */
const SINGLE_OBJECT_FIELDS = new Set(['Query.node', 'Query.recording', 'Query.session', 'Recording.session']);

/**
 * Counts the links an operation could mint: each `accessLink` is one, multiplied by the
 * lists above it (see listMultiplier). Other fields cost nothing of their own.
 */
const linkEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === 'accessLink') return 1;
  const multiplier = listMultiplier(type.name, field.name, args);
  return multiplier === undefined ? childComplexity : multiplier * childComplexity;
};

/**
 * Counts the recordings and sessions an operation could fetch or list: one for each
 * single lookup, one per item of a list (see listMultiplier), each with what it selects
 * beneath it, so nesting multiplies like in the link budget.
 */
const objectEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const multiplier = listMultiplier(type.name, field.name, args);
  if (multiplier !== undefined) return multiplier * (1 + childComplexity);
  if (SINGLE_OBJECT_FIELDS.has(`${type.name}.${field.name}`)) return 1 + childComplexity;
  return childComplexity;
};

/**
 * Abuse limits, all checked before any resolver runs and so before any vendor call:
 * depth, aliases, directives and tokens by graphql-armor, and the link and object budgets
 * by graphql-query-complexity. Over a limit is QUERY_TOO_COMPLEX, naming the limit.
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
    // Cost here is about vendor calls, which the link and object budgets below measure.
    costLimit: { enabled: false },
    // Suggestions help while developing and map the schema for an attacker in production.
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  const costBudgets: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const measure = (estimator: ComplexityEstimator) =>
            getComplexity({ schema, query: document, variables: request.variables ?? {}, operationName: request.operationName, estimators: [estimator] });
          let links: number;
          let objects: number;
          try {
            links = measure(linkEstimator);
            objects = measure(objectEstimator);
          } catch (error) {
            // Variables that do not fit their types: thrown here, this would be a 500; left to
            // execution, which refuses them as BAD_USER_INPUT before any resolver (or vendor) runs.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (links > limits.maxLinks) {
            throw tooComplex(`Query too complex: it could mint up to ${links} access links; the limit is ${limits.maxLinks} per request.`);
          }
          if (objects > limits.maxObjects) {
            throw tooComplex(`Query too complex: it could fetch or list up to ${objects} recordings and sessions; the limit is ${limits.maxObjects} per request.`);
          }
        },
      };
    },
  };
  return { plugins: [...(plugins as ApolloServerPlugin[]), costBudgets], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
