import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateRule } from '../config/rate-limits';
import { LocalRateStore, type RateStore, type RateTake } from './rate-store';

/** What this store needs of the process's Redis connection (src/redis/redis-connection.ts's SharedRedis). */
export interface RedisLink {
  readonly client: Redis;
  isReady(): boolean;
}

/**
 * The sliding windows of src/http/rate-store.ts in Redis, so every replica takes from one
 * budget per vendor account. One sorted set per rule (members: calls, scores: when they
 * count from) and one key per rule for a pause. Taking is one Lua script: it checks every
 * rule of the call and adds the call to all of them or to none, atomically, on Redis's
 * clock (TIME), so replicas' clocks do not matter. Written here rather than taken from a
 * limiter library: rate-limiter-flexible's Redis limiters are fixed windows or token
 * buckets per key, with no all-or-nothing take over several windows, no pause and no
 * "count from the answer".
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rules = #KEYS / 2
local wait = 0
local remaining = {}
for i = 1, rules do
  local limit = tonumber(ARGV[2 * i - 1])
  local window = tonumber(ARGV[2 * i])
  local key = KEYS[2 * i - 1]
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  local paused = redis.call('PTTL', KEYS[2 * i])
  if paused > wait then wait = paused end
  if count >= limit then
    local blocker = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local w = tonumber(blocker[2]) + window - now
    -- a blocker still in flight counts as made later: look again after one window at most
    if w > window then w = window end
    if w > wait then wait = w end
  end
  remaining[i] = limit - count
end
if wait <= 0 then
  for i = 1, rules do
    local key = KEYS[2 * i - 1]
    redis.call('ZADD', key, now + tonumber(ARGV[#ARGV - 1]), ARGV[#ARGV] .. ':' .. i)
    redis.call('PEXPIRE', key, tonumber(ARGV[2 * i]) * 2 + tonumber(ARGV[#ARGV - 1]))
    remaining[i] = remaining[i] - 1
  end
  wait = 0
end
table.insert(remaining, 1, wait)
return remaining
`;

/** Moves a call to the moment it was answered (only if it is still in the window). */
const SETTLE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], 'XX', now, ARGV[1] .. ':' .. i)
end
return 0
`;

/** Counts `ARGV[2]` more calls (the vendor said fewer remain than we know of) so that `ARGV[1]` remain. */
const SHRINK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local remaining = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local at = now + tonumber(ARGV[4]) - window
if at > now then at = now end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local spent = limit - remaining - redis.call('ZCARD', KEYS[1])
for i = 1, spent do redis.call('ZADD', KEYS[1], at, ARGV[5] .. ':' .. i) end
if spent > 0 then redis.call('PEXPIRE', KEYS[1], window * 2) end
return spent
`;

type Ticket = { id: string; keys: string[] } | { local: unknown };

/** While Redis is unreachable, each replica keeps its own windows (and says so in /readyz). */
export class RedisRateStore implements RateStore {
  private readonly local = new LocalRateStore();

  constructor(
    private readonly redis: RedisLink,
    /** `rg:rate:<provider>:<account hash>`: one budget per vendor account. */
    private readonly prefix: string,
  ) {}

  private keys(rules: readonly RateRule[]): string[] {
    return rules.flatMap((r) => [`${this.prefix}:${r.name}`, `${this.prefix}:${r.name}:pause`]);
  }

  async take(rules: readonly RateRule[], openMs: number): Promise<RateTake> {
    if (!this.redis.isReady()) return this.fallback(rules, openMs);
    const id = randomUUID();
    const keys = this.keys(rules);
    let reply: number[];
    try {
      reply = (await this.redis.client.eval(
        TAKE,
        keys.length,
        ...keys,
        ...rules.flatMap((r) => [r.limit, r.windowMs]),
        Math.ceil(openMs),
        id,
      )) as number[];
    } catch {
      return this.fallback(rules, openMs);
    }
    const [waitMs, ...left] = reply.map(Number);
    const remaining = Object.fromEntries(rules.map((r, i) => [r.name, Math.max(0, left[i])]));
    if (waitMs > 0) return { waitMs, remaining };
    const ticket: Ticket = { id, keys: rules.map((r) => `${this.prefix}:${r.name}`) };
    return { waitMs: 0, remaining, ticket };
  }

  private async fallback(rules: readonly RateRule[], openMs: number): Promise<RateTake> {
    const took = await this.local.take(rules, openMs);
    return took.ticket === undefined ? took : { ...took, ticket: { local: took.ticket } satisfies Ticket };
  }

  async settle(ticket: unknown): Promise<void> {
    const t = ticket as Ticket;
    if ('local' in t) return this.local.settle(t.local);
    if (!this.redis.isReady()) return;
    await this.redis.client.eval(SETTLE, t.keys.length, ...t.keys, t.id).catch(() => undefined);
  }

  async pause(rules: readonly RateRule[], ms: number): Promise<void> {
    await this.local.pause(rules, ms);
    if (!this.redis.isReady() || ms <= 0) return;
    const pipeline = this.redis.client.pipeline();
    for (const rule of rules) pipeline.set(`${this.prefix}:${rule.name}:pause`, '1', 'PX', Math.ceil(ms));
    await pipeline.exec().catch(() => undefined);
  }

  async shrink(rule: RateRule, remaining: number, resetMs: number | undefined): Promise<void> {
    if (!this.redis.isReady()) return this.local.shrink(rule, remaining, resetMs);
    await this.redis.client
      .eval(SHRINK, 1, `${this.prefix}:${rule.name}`, rule.limit, remaining, rule.windowMs, resetMs ?? rule.windowMs, randomUUID())
      .catch(() => undefined);
  }
}
