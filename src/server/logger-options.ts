import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: JSON lines, and the paths where a secret could appear redacted, so a
 * credential never reaches a log line at any level.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        '*.apiKey',
        '*.apiToken',
        '*.apiSecret',
        '*.accessKey',
        '*.apiKeys',
        'config.providers.*.apiKey',
        'config.providers.*.apiToken',
        'config.providers.*.apiSecret',
        'config.providers.*.accessKey',
      ],
      censor: '[redacted]',
    },
  };
}
