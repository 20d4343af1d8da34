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
  // The most a request within the link and object limits needs (a call per object and per
  // link), with room for retries.
  maxVendorCalls: 2_000,
  // A vendor call's own deadline (VENDOR_REQUEST_TIMEOUT_MS) is 30 s: no call outlives the request.
  requestDeadlineMs: 30_000,
};
