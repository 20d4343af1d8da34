import { Redis } from 'ioredis';

/** What the connection reports about itself; never the URL (it may carry a password). */
export interface RedisLog {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * One shared Redis (REDIS_URL) for the state replicas share: rate budgets, the cache, the
 * event fan-out. Commands fail at once while Redis is unreachable (no offline queue, no
 * per-command retries), so every caller falls back to its in-process state instead of
 * waiting; the connection itself retries for ever, so the server recovers by itself.
 */
export interface SharedRedis {
  /** The command connection. */
  readonly client: Redis;
  /** Connected and ready for commands now (what /readyz reports). */
  isReady(): boolean;
  /**
   * Another connection with the same settings, for SUBSCRIBE (a subscribed connection
   * runs no other commands). The caller closes it, or `close()` does.
   */
  duplicate(): Redis;
  close(): Promise<void>;
}

/** Reconnect delay grows with each failed attempt up to this cap, then stays there. */
const MAX_RECONNECT_DELAY_MS = 2_000;
/** A connection attempt that has not completed by then counts as failed (and is retried). */
const CONNECT_TIMEOUT_MS = 2_000;

export function connectRedis(url: string, log: RedisLog): SharedRedis {
  const connections = new Set<Redis>();
  const open = (role: string): Redis => {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
      // A subscriber must re-subscribe after a reconnect; ioredis does that itself.
      autoResubscribe: true,
    });
    let wasReady = false;
    // Without an 'error' listener ioredis prints every failed attempt; the message may hold
    // the host, never the password, but one line per state change is enough.
    redis.on('error', () => undefined);
    redis.on('ready', () => {
      wasReady = true;
      log.info(`redis (${role}): connected`);
    });
    redis.on('close', () => {
      if (wasReady) log.warn(`redis (${role}): connection lost; using in-process state until it is back`);
      wasReady = false;
    });
    connections.add(redis);
    redis.once('end', () => connections.delete(redis));
    return redis;
  };
  const client = open('commands');
  return {
    client,
    isReady: () => client.status === 'ready',
    duplicate: () => open('subscriber'),
    close: async () => {
      await Promise.all([...connections].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
