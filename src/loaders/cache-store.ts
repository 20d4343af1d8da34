import { LRUCache } from 'lru-cache';

/** The model's Date fields, revived from the ISO strings JSON made of them. */
const DATE_FIELDS = new Set(['startedAt', 'endedAt', 'createdAt', 'expiresAt']);
const revive = (key: string, value: unknown): unknown => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value);

/** A cached value as text (JSON): what Redis stores, and what the byte bound counts. */
export const encodeCacheValue = (value: unknown): string => JSON.stringify(value);
/** The value `encodeCacheValue` wrote, with its Dates. */
export const decodeCacheValue = (text: string): unknown => JSON.parse(text, revive);

/**
 * Where the cross-request cache keeps its entries: in this process (LocalCacheStore), or in
 * Redis, shared by every replica and encrypted at rest (src/loaders/redis-cache-store.ts).
 */
export interface CacheStore {
  /** Whether reads and writes can work now (Redis connected); not: the cache is skipped. */
  available(): boolean;
  /** The values stored under `keys` (undefined: none). Read-only: a process may share them between requests. */
  getMany(keys: readonly string[]): Promise<Array<unknown>>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Shared stores only (Redis), for single flight across replicas: claims each key for one
   * fetch for at most `ttlMs`; true where this process got the claim, false where another
   * holds it.
   */
  claim?(keys: readonly string[], ttlMs: number): Promise<boolean[]>;
  /** Ends this process's claims (once their values are stored, or when there is none). */
  release?(keys: readonly string[]): Promise<void>;
  /** A key's value if stored, and whether a claim on it is still held. */
  peek?(key: string): Promise<{ value?: unknown; claimed: boolean }>;
}

/**
 * A bounded LRU (entries and bytes), each entry with its own time to live (lru-cache). It
 * keeps values as objects, not text: a hit costs no parsing (the hot set's path,
 * bench/README.md). Each is a frozen copy made through its JSON text, so no request can
 * change what the next one reads; its size is that text's (about two bytes a character,
 * UTF-16) plus its key's.
 */
export class LocalCacheStore implements CacheStore {
  private readonly lru: LRUCache<string, object>;

  constructor(maxEntries: number, maxBytes: number) {
    this.lru = new LRUCache<string, object>({ max: maxEntries, maxSize: maxBytes });
  }

  available(): boolean {
    return true;
  }

  async getMany(keys: readonly string[]): Promise<Array<unknown>> {
    return keys.map((key) => this.lru.get(key));
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (ttlMs <= 0 || value === null || typeof value !== 'object') return;
    // A copy through JSON, as Redis would give it back: what is kept is exactly what is cached.
    const text = encodeCacheValue(value);
    this.lru.set(key, deepFreeze(decodeCacheValue(text) as object), { ttl: ttlMs, size: Math.max(1, 2 * (text.length + key.length)) });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.lru.delete(key);
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner !== null && typeof inner === 'object' && !Object.isFrozen(inner)) deepFreeze(inner);
  return Object.freeze(value);
}
