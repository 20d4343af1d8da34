import type { Redis } from 'ioredis';

/**
 * Remembers deliveries already accepted, so a replayed one is acknowledged (200, the
 * vendor stops retrying) and changes nothing. `firstSeen` records the key and says
 * whether it was new, in one step.
 */
export interface ReplayGuard {
  firstSeen(key: string, rememberMs: number): Promise<boolean>;
}

/** Most delivery ids one process keeps; past it the oldest are forgotten first. */
const MAX_REMEMBERED = 100_000;

/** In process (no REDIS_URL): a Map in insertion order, expired entries dropped as new ones come. */
export function memoryReplayGuard(maxEntries: number = MAX_REMEMBERED, now: () => number = Date.now): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    firstSeen: async (key, rememberMs) => {
      const t = now();
      const until = seen.get(key);
      if (until !== undefined && until > t) return false;
      seen.delete(key);
      seen.set(key, t + rememberMs);
      // Oldest first: drop the expired, and the oldest beyond the cap.
      for (const [k, expiry] of seen) {
        if (seen.size <= maxEntries && expiry > t) break;
        seen.delete(k);
      }
      return true;
    },
  };
}

/**
 * Shared by the replicas (REDIS_URL): SET NX with an expiry, so a delivery retried to
 * another replica is still a replay. A Redis error propagates: the receiver answers 503
 * and the vendor retries later.
 */
export function redisReplayGuard(client: Redis, prefix = 'rg:webhook:seen:'): ReplayGuard {
  return {
    firstSeen: async (key, rememberMs) => (await client.set(`${prefix}${key}`, '1', 'PX', rememberMs, 'NX')) === 'OK',
  };
}
