/** At most `limit` calls in any `windowMs` (a sliding window). */
export interface RateLimitSetting {
  limit: number;
  windowMs: number;
}

/**
 * One documented limit of a vendor account: the calls it counts (by the endpoint template
 * the adapters label their calls with, e.g. `/recordings/{recording_id}`) and its default.
 * A call takes one unit from every class that matches its route. Each vendor's module
 * declares its own (src/providers/<vendor>/<vendor>.config.ts).
 */
export interface RateClass {
  /** Lower case; `<VENDOR>_RATE_<NAME>` (upper case) overrides the default. */
  name: string;
  description: string;
  matches(route: string): boolean;
  /** null: no documented limit, so no budget unless configured. */
  default: RateLimitSetting | null;
}

/** A rate class with its configured limit: what src/http/rate-budget.ts enforces. */
export interface RateRule extends RateLimitSetting {
  name: string;
  matches(route: string): boolean;
}

/** A rate class that counts every call. */
export const everyCall = (): boolean => true;

/** `limit` calls a second. */
export const perSecond = (limit: number): RateLimitSetting => ({ limit, windowMs: 1_000 });

/** `20/1s`, `1200/300s`, `2/500ms`, or `off`; what `<VENDOR>_RATE_<CLASS>` takes. */
export function formatRateLimit(setting: RateLimitSetting | null): string {
  if (!setting) return 'off';
  return setting.windowMs % 1_000 === 0 ? `${setting.limit}/${setting.windowMs / 1_000}s` : `${setting.limit}/${setting.windowMs}ms`;
}

/** The default rules of a vendor: its classes with a documented limit. */
export function defaultRateRules(classes: readonly RateClass[]): RateRule[] {
  return classes.filter((c) => c.default).map((c) => ({ name: c.name, matches: c.matches, ...c.default! }));
}

/** `<VENDOR>_RATE_<CLASS>` */
export function rateVariableName(prefix: string, rateClass: RateClass): string {
  return `${prefix}_RATE_${rateClass.name.toUpperCase()}`;
}
