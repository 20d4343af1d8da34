import type { FastifyServerOptions } from 'fastify';
import type { LogFormat } from '../config/config.types';

/**
 * The fields of an error a log line keeps: what it is, where it came from, and our own
 * message. Everything else an error object carries is left out, because some carry the
 * request: Node's HTTP parser errors hold `rawPacket` (the raw bytes, headers and API key
 * included), others a `cause` or a response body.
 */
type LoggedError = { [key: string]: unknown; type: string; message: string; stack: string };

export function errorFields(error: unknown): LoggedError {
  // Our own log lines pass `err: { name }` (the masked-error and adapter-bug lines): kept so.
  if (!(error instanceof Error)) {
    const name = (error as { name?: unknown } | null)?.name;
    return (typeof name === 'string' ? { name } : {}) as LoggedError;
  }
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  const out: LoggedError = { type: e.name, message: e.message, stack: e.stack ?? '' };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  return out;
}

/**
 * pino options: JSON lines (or pino-pretty for a person at a terminal), and the paths
 * where a secret could appear redacted, so a credential never reaches a log line at any
 * level. Redaction happens before the transport, so pretty lines are redacted too.
 */
export function loggerOptions(level: string, format: LogFormat, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
    serializers: { err: errorFields },
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
