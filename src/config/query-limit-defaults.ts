import type { QueryLimitsConfig } from './config.types';

/**
 * The defaults of the abuse limits (QUERY_MAX_*) that src/server/limits/query-limits.ts checks;
 * load-config.ts reads them and variables.ts documents them, from here.
 */
export const QUERY_LIMIT_DEFAULTS: QueryLimitsConfig = {
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 10,
  maxTokens: 2_000,
  maxLinks: 200,
  maxObjects: 1_000,
};
