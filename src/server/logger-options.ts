import type { FastifyServerOptions } from 'fastify';
import type { LogFormat } from '../config/config.types';

/** What redaction needs of a vendor's module (src/providers/vendor-module.ts): the fields of its config and webhook settings that are secrets. */
export interface SecretFields {
  readonly secrets: readonly string[];
}

/**
 * Where the server's own secrets could appear: a request's API key and cookies, API_KEYS,
 * CURSOR_SECRET, REDIS_URL (it may carry a password) and CACHE_SECRET (`cache.secret`).
 */
const SERVER_SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.apiKeys',
  '*.cursorSecret',
  '*.redisUrl',
  'config.cache.secret',
];

/**
 * Every path a secret could be logged at: the server's, and each vendor's secret fields
 * (from its module) in any object logged (`*.<field>`), in a logged configuration
 * (`config.providers.*.<field>`, `config.webhooks.*.<field>`). A new vendor's secrets are
 * redacted without a line here.
 */
function redactionPaths(vendors: readonly SecretFields[]): string[] {
  const fields = [...new Set(vendors.flatMap((v) => v.secrets))];
  return [...SERVER_SECRET_PATHS, ...fields.flatMap((f) => [`*.${f}`, `config.providers.*.${f}`, `config.webhooks.*.${f}`])];
}

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
 * where a secret could appear redacted (redactionPaths, from `vendors`' modules), so a
 * credential never reaches a log line at any level. Redaction happens before the
 * transport, so pretty lines are redacted too.
 */
export function loggerOptions(
  level: string,
  format: LogFormat,
  vendors: readonly SecretFields[],
  stream?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
    serializers: { err: errorFields },
    redact: {
      paths: redactionPaths(vendors),
      censor: '[redacted]',
    },
  };
}
