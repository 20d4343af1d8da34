import { createHash, hkdfSync } from 'node:crypto';
import type { AppConfig, VendorConfigs } from './config/config.types';
import type { ProviderName } from './domain/provider-name';
import { RedisRateStore } from './http/redis-rate-store';
import type { RateStore } from './http/rate-store';
import { LocalCacheStore } from './loaders/cache-store';
import { CrossRequestCache } from './loaders/cross-request-cache';
import { RedisCacheStore } from './loaders/redis-cache-store';
import { connectRedis, type RedisLog, type SharedRedis } from './redis/redis-connection';
import { credentialsOf, type AccountSource } from './timeline/cursor-key';

/** What the replicas share, built once per process by the composition root (src/app.ts). */
export interface SharedState {
  /** The one Redis connection of the process (REDIS_URL); other features reuse it. */
  redis?: SharedRedis;
  /** Where each vendor account's rate windows live: Redis, or none (each adapter keeps its own). */
  rateStoreFor(provider: ProviderName): RateStore | undefined;
  /** The cross-request cache; undefined with CACHE=off. Its invalidateRecording/invalidateSession serve webhooks. */
  cache?: CrossRequestCache;
  /** For /readyz: `connected`, `unreachable` (answers go on with local budgets and no shared cache), or `none` without REDIS_URL. */
  redisState(): 'connected' | 'unreachable' | 'none';
  close(): Promise<void>;
}

/** A hash of each configured vendor's credentials: what keys budgets and cache entries, never the credentials. */
export function vendorAccountIds(providers: VendorConfigs, vendors: readonly AccountSource[]): Partial<Record<ProviderName, string>> {
  return Object.fromEntries(
    credentialsOf(providers, vendors).map(([name, creds]) => [
      name,
      createHash('sha256')
        .update(JSON.stringify([name, creds]))
        .digest('hex')
        .slice(0, 24),
    ]),
  );
}

/** The cache key in Redis: from CACHE_SECRET, otherwise derived (HKDF-SHA256) from the vendor credentials, like the cursor key. */
function cacheKey(secret: string | undefined, providers: VendorConfigs, vendors: readonly AccountSource[]): Buffer {
  const material = secret !== undefined ? `secret:${secret}` : `vendors:${JSON.stringify(credentialsOf(providers, vendors))}`;
  return Buffer.from(hkdfSync('sha256', material, 'recording-graph/cache-key', 'cross-request cache AES-256-GCM v1', 32));
}

export function createSharedState(
  config: AppConfig,
  providers: VendorConfigs,
  vendors: readonly AccountSource[],
  log: RedisLog,
): SharedState {
  const redis = config.redisUrl ? connectRedis(config.redisUrl, log) : undefined;
  const accounts = vendorAccountIds(providers, vendors);
  const rateStores = new Map<ProviderName, RateStore>();
  const rateStoreFor = (provider: ProviderName): RateStore | undefined => {
    if (!redis) return undefined;
    let store = rateStores.get(provider);
    if (!store) {
      store = new RedisRateStore(redis, `rg:rate:${provider}:${accounts[provider] ?? '-'}`);
      rateStores.set(provider, store);
    }
    return store;
  };
  const store = redis
    ? new RedisCacheStore(redis, cacheKey(config.cache.secret, providers, vendors))
    : new LocalCacheStore(config.cache.maxEntries, config.cache.maxBytes);
  return {
    redis,
    rateStoreFor,
    cache: config.cache.enabled ? new CrossRequestCache(config.cache, store, accounts) : undefined,
    redisState: () => (!redis ? 'none' : redis.isReady() ? 'connected' : 'unreachable'),
    close: async () => {
      await redis?.close();
    },
  };
}
