import type { ProviderName } from '../domain/provider-name';

/** At most `limit` calls in any `windowMs` (a sliding window). */
export interface RateLimitSetting {
  limit: number;
  windowMs: number;
}

/**
 * One documented limit of a vendor account: the calls it counts (by the endpoint template
 * the adapters label their calls with, e.g. `/recordings/{recording_id}`) and its default.
 * A call takes one unit from every class that matches its route.
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

const all = (): boolean => true;
const perSecond = (limit: number): RateLimitSetting => ({ limit, windowMs: 1_000 });

/**
 * The vendors' published limits (docs/vendors/<vendor>.md, "Rate limits", and
 * docs/caching-and-rate-limits.md, with their sources). Every figure is per vendor account
 * (API key, token, workspace), which is what the budgets are keyed by.
 */
export const RATE_CLASSES: Record<ProviderName, readonly RateClass[]> = {
  // Daily documents "two levels" without numbers; a secondary profile gives ~20 req/s for
  // most endpoints and 2 req/s for list endpoints (docs/vendors/daily.md, "Rate limits").
  daily: [
    { name: 'default', description: 'Daily calls other than lists', matches: (route) => route !== '/recordings', default: perSecond(20) },
    { name: 'list', description: 'Daily list calls (GET /recordings)', matches: (route) => route === '/recordings', default: perSecond(2) },
  ],
  // GETs are "effectively unlimited" (SignalWire's platform rate-limits page): no budget unless set.
  signalwire: [{ name: 'read', description: 'SignalWire reads (documented as effectively unlimited: off)', matches: all, default: null }],
  // Zoom labels session recordings Light and account recordings Medium; a Video SDK account
  // gets the Pro figures: Light 30/s, Medium 20/s (developers.zoom.us/docs/api/rate-limits).
  zoom: [
    {
      name: 'light',
      description: 'Zoom "Light" calls (a session\'s recordings)',
      matches: (route) => route.startsWith('/videosdk/sessions/'),
      default: perSecond(30),
    },
    {
      name: 'medium',
      description: 'Zoom "Medium" calls (account recordings, session lists)',
      matches: (route) => !route.startsWith('/videosdk/sessions/'),
      default: perSecond(20),
    },
  ],
  // 50 GET/s per workspace (Bird's Channels API rate-limit page; assumed for Voice).
  bird: [{ name: 'get', description: 'Bird GETs per workspace', matches: all, default: perSecond(50) }],
  // Cloudflare: 1200 per 5 min per token (API limits page); RealtimeKit: 250 per 10 s over
  // all its APIs and 1000 per 60 s on the Recordings APIs (RealtimeKit rate-limits page).
  cloudflare: [
    { name: 'account', description: 'Cloudflare API calls per token', matches: all, default: { limit: 1_200, windowMs: 300_000 } },
    { name: 'realtimekit', description: 'RealtimeKit API calls', matches: all, default: { limit: 250, windowMs: 10_000 } },
    {
      name: 'recordings',
      description: 'RealtimeKit Recordings API calls',
      matches: (route) => route.startsWith('/recordings'),
      default: { limit: 1_000, windowMs: 60_000 },
    },
  ],
};

/** `20/1s`, `1200/300s`, `2/500ms`, or `off`; what `<VENDOR>_RATE_<CLASS>` takes. */
export function formatRateLimit(setting: RateLimitSetting | null): string {
  if (!setting) return 'off';
  return setting.windowMs % 1_000 === 0 ? `${setting.limit}/${setting.windowMs / 1_000}s` : `${setting.limit}/${setting.windowMs}ms`;
}

/** The default rules of a vendor (its classes with a documented limit). */
export function defaultRateRules(provider: ProviderName): RateRule[] {
  return RATE_CLASSES[provider].filter((c) => c.default).map((c) => ({ name: c.name, matches: c.matches, ...c.default! }));
}

/** `<VENDOR>_RATE_<CLASS>` */
export function rateVariableName(prefix: string, rateClass: RateClass): string {
  return `${prefix}_RATE_${rateClass.name.toUpperCase()}`;
}
