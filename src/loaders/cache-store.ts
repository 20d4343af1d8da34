import { LRUCache } from 'lru-cache';

/**
 * Where the cross-request cache keeps its entries: in this process (LocalCacheStore), or in
 * Redis, shared by every replica and encrypted at rest (src/loaders/redis-cache-store.ts).
 * Values are JSON text: what Redis stores anyway, and what the byte bound counts.
 */
export interface CacheStore {
  /** Whether reads and writes can work now (Redis connected); not: the cache is skipped. */
  available(): boolean;
  getMany(keys: readonly string[]): Promise<Array<string | undefined>>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
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
  peek?(key: string): Promise<{ value?: string; claimed: boolean }>;
}

/** A bounded LRU (entries and bytes), each entry with its own time to live (lru-cache). */
export class LocalCacheStore implements CacheStore {
  private readonly lru: LRUCache<string, string>;

  constructor(maxEntries: number, maxBytes: number) {
    // A JS string costs about two bytes a character (UTF-16), plus its key.
    this.lru = new LRUCache<string, string>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (value, key) => Math.max(1, 2 * (value.length + key.length)),
    });
  }

  available(): boolean {
    return true;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | undefined>> {
    return keys.map((key) => this.lru.get(key));
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (ttlMs > 0) this.lru.set(key, value, { ttl: ttlMs });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.lru.delete(key);
  }
}
