import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SharedRedis } from '../redis/redis-connection';
import { decodeCacheValue, encodeCacheValue, type CacheStore } from './cache-store';

const IV_BYTES = 12;

/** A cache key's claim (single flight across replicas): beside it, holding no value. */
const claimKey = (key: string) => `${key}#claim`;

const RELEASE_SCRIPT = `for _, k in ipairs(KEYS) do
  if redis.call('GET', k) == ARGV[1] then redis.call('DEL', k) end
end
return 0`;
const TAG_BYTES = 16;

/**
 * The cross-request cache in Redis, shared by every replica. What it stores holds bearer
 * credentials (access links, and links known from a recording's body), so every value is
 * sealed with AES-256-GCM under the cache key (CACHE_SECRET, or derived from the vendor
 * credentials): Redis, its snapshots and its replicas hold only ciphertext. A value that
 * does not open (another key, tampering) is a miss. Keys hold a hash of the account and
 * the vendor's ids, never a credential. While Redis is unreachable the cache is skipped
 * (available() false): answers go to the vendors, within the local budgets.
 */
export class RedisCacheStore implements CacheStore {
  /** This process's claims hold this token, so it releases only its own. */
  private readonly token = randomBytes(12).toString('hex');

  constructor(
    private readonly redis: SharedRedis,
    private readonly key: Buffer,
  ) {}

  available(): boolean {
    return this.redis.isReady();
  }

  private seal(text: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private open(sealed: Buffer | null): string | undefined {
    if (!sealed || sealed.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** A value that does not open is a miss. */
  private decode(sealed: Buffer | null): unknown {
    const text = this.open(sealed);
    return text === undefined ? undefined : decodeCacheValue(text);
  }

  async getMany(keys: readonly string[]): Promise<Array<unknown>> {
    if (keys.length === 0) return [];
    const values = await this.redis.client.mgetBuffer(...keys);
    return values.map((v) => this.decode(v));
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    await this.redis.client.set(key, this.seal(encodeCacheValue(value)), 'PX', Math.ceil(ttlMs));
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.redis.client.del(...keys);
  }

  /** SET NX PX: the first replica to ask gets the claim, until it releases it or it expires. */
  async claim(keys: readonly string[], ttlMs: number): Promise<boolean[]> {
    const pipeline = this.redis.client.pipeline();
    for (const key of keys) pipeline.set(claimKey(key), this.token, 'PX', ttlMs, 'NX');
    const results = (await pipeline.exec()) ?? [];
    return keys.map((_, i) => {
      const [error, reply] = results[i] ?? [new Error('no reply')];
      if (error) throw error;
      return reply === 'OK';
    });
  }

  /** Deletes the claims this process still holds (compare and delete, one script). */
  async release(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.redis.client.eval(RELEASE_SCRIPT, keys.length, ...keys.map(claimKey), this.token);
  }

  async peek(key: string): Promise<{ value?: unknown; claimed: boolean }> {
    const [value, claim] = await this.redis.client.mgetBuffer(key, claimKey(key));
    return { value: this.decode(value), claimed: claim !== null };
  }
}
