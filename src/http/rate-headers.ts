import type { IncomingHttpHeaders } from 'node:http';

/** What a vendor's response says about its own window. */
export interface VendorRateState {
  /** Calls left in the current window. */
  remaining?: number;
  /** Seconds until the window resets. */
  resetSecs?: number;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function whole(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
  return Number(raw.trim());
}

/**
 * Reads the rate-limit headers the vendors send (docs/caching-and-rate-limits.md):
 * - `Ratelimit: "default";r=50;t=30` (Cloudflare, after the IETF httpapi draft: r is what
 *   remains, t the seconds until the reset); with several policies the smallest r counts;
 * - `X-RateLimit-Remaining` (Zoom; also `X-RateLimit-Reset` where a vendor sends one).
 * Nothing readable: an empty state, and the budget keeps its own count.
 */
export function readRateHeaders(headers: IncomingHttpHeaders): VendorRateState {
  const state: VendorRateState = {};
  const structured = first(headers['ratelimit']);
  if (structured) {
    for (const item of structured.split(',')) {
      const r = whole(/;\s*r=(\d+)/.exec(item)?.[1]);
      const t = whole(/;\s*t=(\d+)/.exec(item)?.[1]);
      if (r !== undefined && (state.remaining === undefined || r < state.remaining)) {
        state.remaining = r;
        state.resetSecs = t;
      }
    }
  }
  const remaining = whole(first(headers['x-ratelimit-remaining']) ?? first(headers['ratelimit-remaining']));
  if (remaining !== undefined && (state.remaining === undefined || remaining < state.remaining)) {
    state.remaining = remaining;
    state.resetSecs = whole(first(headers['x-ratelimit-reset']) ?? first(headers['ratelimit-reset']));
  }
  return state;
}
