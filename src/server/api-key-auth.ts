import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestAsyncHookHandler } from 'fastify';
import { ErrorCode } from '../errors/error-codes';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Checks `Authorization: Bearer <key>` against the configured keys in constant time:
 * comparing fixed-length digests, and every key every time, so neither the length nor
 * which key matched shows in the timing.
 */
export function createApiKeyCheck(keys: readonly string[]): (authorization: string | undefined) => boolean {
  const digests = keys.map(digest);
  return (authorization) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const presented = digest(m?.[1] ?? '');
    let ok = false;
    for (const d of digests) ok = timingSafeEqual(d, presented) || ok;
    return ok && m !== null;
  };
}

/**
 * An onRequest hook that answers 401 UNAUTHENTICATED unless the request carries one of the
 * keys. It looks at no URL: where it applies is decided by where it is added (the fastify
 * context that holds the GraphQL route alone, see createServer).
 */
export function requireApiKey(keys: readonly string[]): onRequestAsyncHookHandler {
  const allowed = createApiKeyCheck(keys);
  return async (request, reply) => {
    if (allowed(request.headers.authorization)) return;
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({
        errors: [{ message: 'Send a valid API key as `Authorization: Bearer <key>`.', extensions: { code: ErrorCode.UNAUTHENTICATED } }],
      });
  };
}
