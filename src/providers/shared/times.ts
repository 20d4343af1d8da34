/** Time helpers for mappers: every vendor spells time differently (docs/vendors/README.md#times). */

/** Unix seconds (Daily `start_ts`, `expires`) -> Date. */
export function fromUnixSeconds(value: number | null | undefined): Date | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return new Date(value * 1000);
}

/**
 * ISO 8601 or RFC 2822 (SignalWire) -> Date; null for absent or unreadable values and for
 * Go's zero time `0001-01-01T00:00:00Z`, which Bird sends for "not set" (docs/vendors/bird.md#recording-object).
 */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  if (value.startsWith('0001-01-01')) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** Whole seconds between two dates, or null when either is missing or the span is negative. */
export function secondsBetween(start: Date | null, end: Date | null): number | null {
  if (!start || !end) return null;
  const secs = Math.round((end.getTime() - start.getTime()) / 1000);
  return secs >= 0 ? secs : null;
}

/**
 * Date -> RFC 2822 in UTC, as SignalWire writes and filters times (`Tue, 25 Sep 2018
 * 23:00:00 +0000`, recordings/main.tsp). toUTCString gives the same fields with `GMT`.
 */
export function toRfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

/** One day in milliseconds (UTC days: no daylight saving). */
export const DAY_MS = 86_400_000;

/** 00:00 UTC of the day `ms` falls in. */
export function utcDayFloor(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The first 00:00 UTC at or after `ms`. */
export function utcDayCeil(ms: number): number {
  return Math.ceil(ms / DAY_MS) * DAY_MS;
}
