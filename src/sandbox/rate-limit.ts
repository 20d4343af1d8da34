import type { RateLimitSetting } from '../config/rate-limits';
import type { ProviderName } from '../domain/provider-name';

/**
 * The vendors' documented rate limits, enforced by the emulators (SANDBOX_RATE_LIMITS), so
 * the tests and the benchmark show that recording-graph stays within them instead of
 * assuming it. The figures are the vendors' (docs/vendors/<vendor>.md, "Rate limits",
 * docs/caching-and-rate-limits.md), written here from the documents as the emulators are,
 * apart from the adapters; a test checks they are what the adapters' budgets default to
 * (test/unit/providers/vendors.test.ts). Which emulator routes each limit counts is decided
 * here, by the emulators' route names.
 */
interface EmulatorRateRule extends RateLimitSetting {
  name: string;
  counts(routeName: string): boolean;
}

/** Each vendor's documented limits by the name its budget gives them (`<VENDOR>_RATE_<NAME>`). */
export const DOCUMENTED_RATE_LIMITS: Record<ProviderName, Record<string, RateLimitSetting>> = {
  // ~20 req/s, 2 req/s for lists (a secondary profile; docs/vendors/daily.md, "Rate limits").
  daily: { default: { limit: 20, windowMs: 1_000 }, list: { limit: 2, windowMs: 1_000 } },
  // Reads are "effectively unlimited".
  signalwire: {},
  // Pro figures for a Video SDK account: Light 30/s, Medium 20/s.
  zoom: { light: { limit: 30, windowMs: 1_000 }, medium: { limit: 20, windowMs: 1_000 } },
  // 50 GET/s per workspace.
  bird: { get: { limit: 50, windowMs: 1_000 } },
  // 1200 per 5 min per token; RealtimeKit 250 per 10 s, Recordings 1000 per 60 s.
  cloudflare: {
    account: { limit: 1_200, windowMs: 300_000 },
    realtimekit: { limit: 250, windowMs: 10_000 },
    recordings: { limit: 1_000, windowMs: 60_000 },
  },
};

function limitOf(provider: ProviderName, name: string): RateLimitSetting {
  const found = DOCUMENTED_RATE_LIMITS[provider][name];
  if (!found) throw new Error(`no documented ${provider} rate limit ${name}`);
  return found;
}

/** Media downloads are not API calls (Zoom's download host, SignalWire's media URLs). */
const isApiRoute = (routeName: string): boolean => !/download|^media\./.test(routeName);

const RULES: Record<ProviderName, EmulatorRateRule[]> = {
  daily: [
    { name: 'default', ...limitOf('daily', 'default'), counts: (r) => isApiRoute(r) && r !== 'recordings.list' },
    { name: 'list', ...limitOf('daily', 'list'), counts: (r) => r === 'recordings.list' },
  ],
  // Reads are effectively unlimited (docs/vendors/signalwire.md, "Rate limits").
  signalwire: [],
  zoom: [
    { name: 'Light', ...limitOf('zoom', 'light'), counts: (r) => r.startsWith('sessions.recordings') },
    { name: 'Medium', ...limitOf('zoom', 'medium'), counts: (r) => isApiRoute(r) && !r.startsWith('sessions.recordings') },
  ],
  bird: [{ name: 'get', ...limitOf('bird', 'get'), counts: isApiRoute }],
  cloudflare: [
    { name: 'default', ...limitOf('cloudflare', 'account'), counts: isApiRoute },
    { name: 'realtimekit', ...limitOf('cloudflare', 'realtimekit'), counts: isApiRoute },
    { name: 'recordings', ...limitOf('cloudflare', 'recordings'), counts: (r) => r.startsWith('recordings.') },
  ],
};

/** How a rule stands after a request: what the vendor's headers report. */
interface RuleState {
  rule: EmulatorRateRule;
  remaining: number;
  /** ms until one more call fits (0 when one does). */
  resetMs: number;
}

/** Each vendor's rate-limit headers, as its docs show them (docs/vendors/<vendor>.md, "Rate limits"). */
function headersFor(vendor: ProviderName, states: RuleState[], refused: RuleState | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  const secs = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));
  if (refused) headers['retry-after'] = secs(refused.resetMs);
  const tightest = states.reduce<RuleState | undefined>((a, s) => (!a || s.remaining < a.remaining ? s : a), undefined);
  if (!tightest) return headers;
  if (vendor === 'zoom') {
    headers['x-ratelimit-category'] = tightest.rule.name;
    headers['x-ratelimit-type'] = 'QPS';
    headers['x-ratelimit-limit'] = String(tightest.rule.limit);
    headers['x-ratelimit-remaining'] = String(tightest.remaining);
  }
  if (vendor === 'cloudflare') {
    const account = states.find((s) => s.rule.name === 'default') ?? tightest;
    headers['ratelimit'] = `"default";r=${account.remaining};t=${Math.ceil(account.resetMs / 1000)}`;
    headers['ratelimit-policy'] = `"default";q=${account.rule.limit};w=${account.rule.windowMs / 1000}`;
  }
  return headers;
}

export interface RateLimitVerdict {
  /** false: answer 429 with the vendor's rate-limited body. */
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * A sliding window per rule over the calls it accepted (a refused call does not count, as
 * with Zoom's and Cloudflare's per-second limits).
 */
export function createEmulatorRateLimiter(
  vendor: ProviderName,
  now: () => number = () => performance.now(),
): { admit(routeName: string): RateLimitVerdict | null } {
  const rules = RULES[vendor];
  const logs = new Map<string, number[]>(rules.map((r) => [r.name, []]));
  return {
    admit(routeName) {
      const applying = rules.filter((r) => r.counts(routeName));
      if (applying.length === 0) return null;
      const at = now();
      const states: RuleState[] = applying.map((rule) => {
        const log = logs.get(rule.name)!;
        while (log.length > 0 && log[0] <= at - rule.windowMs) log.shift();
        return { rule, remaining: rule.limit - log.length, resetMs: log.length > 0 ? log[0] + rule.windowMs - at : 0 };
      });
      const refused = states.filter((s) => s.remaining <= 0).sort((a, b) => b.resetMs - a.resetMs)[0];
      if (!refused) {
        for (const s of states) {
          const log = logs.get(s.rule.name)!;
          log.push(at);
          s.remaining -= 1;
          // Until the oldest call in the window leaves it: when the next unit comes back.
          s.resetMs = log[0] + s.rule.windowMs - at;
        }
      }
      return { allowed: !refused, headers: headersFor(vendor, states, refused) };
    },
  };
}
