import { createHash, timingSafeEqual } from 'node:crypto';

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
