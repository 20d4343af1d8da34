import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimitsConfig } from '../../config/config.types';
import { ErrorCode } from '../../errors/error-codes';
import type { QueryCost } from './query-cost';
import { knownRootOperationRule } from './root-operation-rule';

// `http.status`: thrown from a plugin hook (the cost budgets, src/server/plugins/operation-facts-plugin.ts), Apollo would otherwise answer 500.
export const tooComplex = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } } });

/**
 * Abuse limits, all checked before any resolver runs and so before any vendor call:
 * depth, aliases, directives and tokens by graphql-armor, and the link and object budgets
 * (checkQueryCost, called by src/server/plugins/operation-facts-plugin.ts). Over a limit is QUERY_TOO_COMPLEX, naming the limit.
 */
/** The limits as Apollo takes them; subscriptions apply the same rules and parse options. */
export interface QueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}

export function queryLimits(limits: QueryLimitsConfig, production: boolean): QueryLimits {
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
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: [knownRootOperationRule, ...validationRules],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** Refuses an operation over the link or object budget with QUERY_TOO_COMPLEX naming it. */
export function checkQueryCost(cost: QueryCost, limits: QueryLimitsConfig): void {
  if (cost.links > limits.maxLinks) {
    throw tooComplex(`Query too complex: it could mint up to ${cost.links} access links; the limit is ${limits.maxLinks} per request.`);
  }
  if (cost.objects > limits.maxObjects) {
    throw tooComplex(
      `Query too complex: it could fetch or list up to ${cost.objects} recordings and sessions; the limit is ${limits.maxObjects} per request.`,
    );
  }
}
