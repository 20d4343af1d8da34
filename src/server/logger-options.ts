import type { FastifyServerOptions } from 'fastify';
import type { LogFormat } from '../config/config.types';

/**
 * pino options: JSON lines (or pino-pretty for a person at a terminal), and the paths
 * where a secret could appear redacted, so a credential never reaches a log line at any
 * level. Redaction happens before the transport, so pretty lines are redacted too.
 */
export function loggerOptions(level: string, format: LogFormat, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    ...(format === 'pretty' ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
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
