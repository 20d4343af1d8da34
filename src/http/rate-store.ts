import type { RateRule } from '../config/rate-limits';

/** What one attempt to take budget found. */
export interface RateTake {
  /** 0: one unit was taken from every rule; otherwise ms to wait before trying again (nothing taken). */
  waitMs: number;
  /** Units left in each rule's window after this attempt, by rule name. */
  remaining: Record<string, number>;
  /** What `settle` takes once the call is answered (only when a unit was taken). */
  ticket?: unknown;
}

/**
 * Where a vendor account's rate windows live: in this process (LocalRateStore) or in Redis,
 * shared by every replica (src/http/redis-rate-store.ts). Every rule is a sliding window:
 * at most `limit` calls in any `windowMs`, which is exactly what a vendor documenting
 * "N per window" allows, where a token bucket would let a full bucket plus its refill
 * through in one window.
 */
export interface RateStore {
  /**
   * Takes one unit from every rule at once, or none (then says how long to wait). Until it
   * is settled, a unit counts as made `openMs` from now: the call may reach the vendor any
   * time before its timeout, so a window cannot open past it on the guess that it was prompt.
   */
  take(rules: readonly RateRule[], openMs: number): Promise<RateTake>;
  /**
   * The call that took `ticket` is over: its units now count from this moment. The vendor
   * counted the call somewhere between our sending it and its answer; counting it from the
   * answer means the next window opens only after the vendor's has, whatever the latency
   * or the time the call spent connecting.
   */
  settle(ticket: unknown): Promise<void>;
  /** No unit from these rules before `ms` from now (a vendor's Retry-After). */
  pause(rules: readonly RateRule[], ms: number): Promise<void>;
  /** The vendor says only `remaining` calls are left in this rule's window: count the rest as spent. */
  shrink(rule: RateRule, remaining: number, resetMs: number | undefined): Promise<void>;
}

/** One call in a window: when it counts from (moved to its answer by settle). */
interface Stamp {
  at: number;
}

/** One rule's window: the calls in it. */
class WindowLog {
  private stamps: Stamp[] = [];
  pausedUntil = 0;

  /** Drops the calls that left the window. */
  prune(now: number, windowMs: number): void {
    if (this.stamps.some((s) => s.at <= now - windowMs)) this.stamps = this.stamps.filter((s) => s.at > now - windowMs);
  }

  get size(): number {
    return this.stamps.length;
  }

  /** When the call that must leave the window before one more fits entered it (settled calls move later). */
  blockerAt(limit: number): number {
    const times = this.stamps.map((s) => s.at).sort((a, b) => a - b);
    return times[times.length - limit];
  }

  add(at: number, count = 1): Stamp[] {
    const added = Array.from({ length: count }, () => ({ at }));
    this.stamps.push(...added);
    return added;
  }
}

/** The in-process store: the embedded default, and what a replica uses while Redis is down. */
export class LocalRateStore implements RateStore {
  private readonly logs = new Map<string, WindowLog>();

  constructor(private readonly now: () => number = Date.now) {}

  private log(rule: RateRule): WindowLog {
    let log = this.logs.get(rule.name);
    if (!log) {
      log = new WindowLog();
      this.logs.set(rule.name, log);
    }
    return log;
  }

  async take(rules: readonly RateRule[], openMs: number): Promise<RateTake> {
    return this.takeNow(rules, openMs);
  }

  /** Synchronous, so concurrent callers in this process cannot both see the last unit. */
  takeNow(rules: readonly RateRule[], openMs: number): RateTake {
    const now = this.now();
    let waitMs = 0;
    const remaining: Record<string, number> = {};
    for (const rule of rules) {
      const log = this.log(rule);
      log.prune(now, rule.windowMs);
      if (log.pausedUntil > now) waitMs = Math.max(waitMs, log.pausedUntil - now);
      // A blocker still in flight counts as made later: look again after one window at most.
      if (log.size >= rule.limit) waitMs = Math.max(waitMs, Math.min(rule.windowMs, log.blockerAt(rule.limit) + rule.windowMs - now));
    }
    const ticket: Stamp[] = [];
    for (const rule of rules) {
      const log = this.log(rule);
      if (waitMs === 0) ticket.push(...log.add(now + openMs));
      remaining[rule.name] = Math.max(0, rule.limit - log.size);
    }
    return waitMs === 0 ? { waitMs, remaining, ticket } : { waitMs, remaining };
  }

  async settle(ticket: unknown): Promise<void> {
    const now = this.now();
    for (const stamp of ticket as Stamp[]) stamp.at = now;
  }

  async pause(rules: readonly RateRule[], ms: number): Promise<void> {
    const until = this.now() + ms;
    for (const rule of rules) {
      const log = this.log(rule);
      log.pausedUntil = Math.max(log.pausedUntil, until);
    }
  }

  async shrink(rule: RateRule, remaining: number, resetMs: number | undefined): Promise<void> {
    const now = this.now();
    const log = this.log(rule);
    log.prune(now, rule.windowMs);
    const spent = rule.limit - remaining - log.size;
    // Calls we did not see (another client of the same account): counted as made now, so
    // they leave the window when ours would; the vendor's reset, when it says, bounds that.
    if (spent > 0) log.add(resetMs !== undefined ? Math.min(now, now + resetMs - rule.windowMs) : now, spent);
  }
}
