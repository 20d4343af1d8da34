import type { NodeEnv } from './config.types';

/**
 * The defaults of the server's own settings with a fixed default: what load-config.ts falls
 * back to and what variables.ts (and through it docs/configuration.md) documents. Settings whose
 * default depends on another (LOG_LEVEL, LOG_FORMAT, PLAYGROUND) are decided in load-config.ts.
 */
export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 4000,
  nodeEnv: 'development' as NodeEnv,
  shutdownGraceMs: 10_000,
  sandboxLatencyMs: 0,
  sandboxRecordingsPerVendor: 0,
  batching: 'on' as 'on' | 'off',
};
