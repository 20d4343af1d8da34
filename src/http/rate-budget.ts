import type { IncomingHttpHeaders } from 'node:http';
import type { RateRule } from '../config/rate-limits';
import { PROVIDER_LABELS, type ProviderName } from '../domain/provider-name';
import { ErrorCode } from '../errors/error-codes';
import { ProviderError } from '../errors/provider-error';
import type { CallContext } from '../domain/call-context';
import { readRateHeaders } from './rate-headers';
import { LocalRateStore, type RateStore } from './rate-store';
import { parseRetryAfter } from './retry-after';

/**
 * Added to every window, for clocks read to the millisecond on both sides. The latency
 * between us and the vendor needs no margin: a call counts from its answer (RateStore.settle).
 */
export const RATE_WINDOW_MARGIN_MS = 10;

/** vendorCode of a call refused by our own budget (no vendor call was made). */
export const BUDGET_EXHAUSTED = 'RATE_BUDGET';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new Error('aborted'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A vendor account's rate budget: before each attempt (retries included) a call takes one
 * unit from every rule its route falls under, waiting for one up to the request's deadline;
 * past that it fails PROVIDER_RATE_LIMITED without calling. What the vendor answers adapts
 * it: Retry-After pauses the route's rules, a smaller remaining count (Ratelimit,
 * X-RateLimit-Remaining) than ours shrinks them.
 */
export class RateBudget {
  private readonly rules: RateRule[];
  private readonly byRoute = new Map<string, RateRule[]>();

  constructor(
    private readonly provider: ProviderName,
    rules: readonly RateRule[],
    private readonly store: RateStore = new LocalRateStore(),
    /** The vendor request timeout: bounds the wait when the request sets no deadline, and how long a call can be in flight. */
    private readonly requestMs: number = 30_000,
  ) {
    this.rules = rules.map((r) => ({ ...r, windowMs: r.windowMs + RATE_WINDOW_MARGIN_MS }));
  }

  private rulesFor(route: string): RateRule[] {
    let rules = this.byRoute.get(route);
    if (!rules) {
      rules = this.rules.filter((r) => r.matches(route));
      this.byRoute.set(route, rules);
    }
    return rules;
  }

  /**
   * Waits for one unit of every rule of `route`, runs `call`, and counts the unit from the
   * call's end; PROVIDER_RATE_LIMITED, with no call, when no unit comes before the deadline.
   */
  async run<T>(route: string, ctx: CallContext, call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const ticket = await this.acquire(route, ctx, signal);
    if (ticket === undefined) return call();
    try {
      return await call();
    } finally {
      await this.store.settle(ticket).catch(() => undefined);
    }
  }

  /** `signal` ends the wait: the caller went away, or the call's own deadline passed. */
  private async acquire(route: string, ctx: CallContext, signal: AbortSignal): Promise<unknown> {
    const rules = this.rulesFor(route);
    if (rules.length === 0) return undefined;
    const started = Date.now();
    const deadline = ctx.deadlineAt ?? started + this.requestMs;
    let waited = false;
    for (;;) {
      // In flight at most until the vendor request timeout: until settled, the unit counts from there.
      const { waitMs, remaining, ticket } = await this.store.take(rules, this.requestMs);
      for (const [rule, left] of Object.entries(remaining)) ctx.metrics?.rateRemaining?.(this.provider, rule, left);
      if (waitMs === 0) {
        if (waited) ctx.metrics?.rateWait?.(this.provider, (Date.now() - started) / 1000);
        return ticket ?? null;
      }
      if (Date.now() + waitMs > deadline) {
        ctx.metrics?.rateRefused?.(this.provider);
        throw new ProviderError(
          this.provider,
          ErrorCode.PROVIDER_RATE_LIMITED,
          `${PROVIDER_LABELS[this.provider]}'s rate limit leaves no room for this call before the request's deadline; try again later.`,
          { vendorCode: BUDGET_EXHAUSTED, retryAfterSecs: Math.ceil(waitMs / 1000) },
        );
      }
      // A little jitter, so the callers that waited for the same unit do not all ask at once.
      await sleep(waitMs + Math.random() * 5, signal);
      waited = true;
    }
  }

  /** What the vendor's answer says about its window. */
  async observe(route: string, status: number, headers: IncomingHttpHeaders): Promise<void> {
    const rules = this.rulesFor(route);
    if (rules.length === 0) return;
    if (status === 429) {
      const retryAfter = parseRetryAfter(headers['retry-after']);
      // No Retry-After: wait out the shortest window of the route, the least the vendor can mean.
      const ms = retryAfter !== undefined ? retryAfter * 1000 : Math.min(...rules.map((r) => r.windowMs));
      await this.store.pause(rules, ms);
      return;
    }
    const { remaining, resetSecs } = readRateHeaders(headers);
    if (remaining === undefined) return;
    // Some vendors send the reset as a Unix time rather than a number of seconds.
    const resetMs = resetSecs === undefined ? undefined : resetSecs > 1e9 ? resetSecs * 1000 - Date.now() : resetSecs * 1000;
    if (remaining === 0 && resetMs !== undefined && resetMs > 0) {
      await this.store.pause(rules, resetMs);
      return;
    }
    // Whichever of its windows the vendor counts, no more than `remaining` calls fit in any
    // of ours over this route: each keeps the smaller of the two counts.
    for (const rule of rules) await this.store.shrink(rule, remaining, resetMs);
  }
}
