import { BlockList, isIP } from 'node:net';
import type { ProviderName } from '../domain/provider-name';
import type { AppConfig, CacheConfig, NodeEnv, VendorCommonConfig, VendorHttpTimeoutsConfig, VendorResilienceConfig } from './config.types';
import { ConfigError } from './config-error';
import { choice, int, problem, rateLimit, str, type Env, type EnvValues } from './env-readers';
import { QUERY_LIMIT_DEFAULTS } from './query-limit-defaults';
import { SERVER_DEFAULTS } from './server-defaults';
import { subscriptionsFrom, webhookSettingsFrom } from './webhook-config';
import { VENDOR_RESILIENCE_DEFAULTS, VENDOR_TIMEOUT_DEFAULTS } from './vendor-defaults';
import { CACHE_DEFAULTS } from './cache-defaults';
import { rateVariableName, type RateClass, type RateRule } from './rate-limits';

/** What every vendor's config gets from the server's settings: the VENDOR_* timeouts and resilience, and its rate budget. */
export type SharedVendorSettings = Pick<VendorCommonConfig, 'timeouts' | 'resilience' | 'rateLimits'>;

/**
 * What loading needs of a vendor's module (src/providers/vendor-module.ts): its name, the
 * prefix and classes of its rate variables, and how to read its config and its webhook
 * receiver's settings. The composition root hands the VENDORS list (src/app-config.ts).
 */
export interface VendorConfigReader<
  N extends ProviderName = ProviderName,
  C extends VendorCommonConfig = VendorCommonConfig,
  W extends object = object,
> {
  readonly name: N;
  readonly envPrefix: string;
  readonly rateClasses: readonly RateClass[];
  /** Its config, undefined when none of its credentials is set; problems are recorded on `env`. */
  readConfig(env: Env, shared: SharedVendorSettings): C | undefined;
  /** Its webhook receiver's settings, undefined when its secret is unset (or it has no receiver). */
  readWebhook?(env: Env): W | undefined;
}

/** The configs `vendors` read, by name: `{ daily?: DailyConfig, ... }`. */
export type ConfigsOf<V extends readonly VendorConfigReader[]> = {
  [R in V[number] as R['name']]?: Exclude<ReturnType<R['readConfig']>, undefined>;
};

/** The webhook settings `vendors` read, by name: `{ daily?: { secret: string }, ... }`. */
export type WebhookConfigsOf<V extends readonly VendorConfigReader[]> = {
  [R in V[number] as R['name']]?: R extends { readWebhook?(env: Env): infer W } ? Exclude<W, undefined> : never;
};

/** `<VENDOR>_RATE_<CLASS>` of every vendor: the rules its budget enforces. */
function rateLimits(env: Env, vendors: readonly VendorConfigReader[]): Record<ProviderName, RateRule[]> {
  const out = {} as Record<ProviderName, RateRule[]>;
  for (const vendor of vendors) {
    out[vendor.name] = vendor.rateClasses.flatMap((c) => {
      const setting = rateLimit(env, rateVariableName(vendor.envPrefix, c), c.default);
      return setting ? [{ name: c.name, matches: c.matches, ...setting }] : [];
    });
  }
  return out;
}

/** CACHE and CACHE_*. */
function cacheConfig(env: Env): CacheConfig {
  const secret = str(env, 'CACHE_SECRET');
  // As CURSOR_SECRET: enough entropy for an AES-256 key (HKDF'd) even when written by hand.
  if (secret !== undefined && secret.length < 32) problem(env, 'CACHE_SECRET', 'must be at least 32 characters.');
  const slackPercent = int(env, 'CACHE_LINK_SLACK_PERCENT', CACHE_DEFAULTS.linkSlackPercent, 0, 1_000);
  return {
    enabled: choice(env, 'CACHE', ['on', 'off'], 'on') === 'on',
    ttlSecs: int(env, 'CACHE_TTL_SECS', CACHE_DEFAULTS.ttlSecs, 0, 86_400),
    changingTtlSecs: int(env, 'CACHE_CHANGING_TTL_SECS', CACHE_DEFAULTS.changingTtlSecs, 0, 3_600),
    maxEntries: int(env, 'CACHE_MAX_ENTRIES', CACHE_DEFAULTS.maxEntries, 1, 10_000_000),
    maxBytes: int(env, 'CACHE_MAX_BYTES', CACHE_DEFAULTS.maxBytes, 1_024, 8 * 1024 ** 3),
    linkSlack: 1 + slackPercent / 100,
    ...(secret !== undefined ? { secret } : {}),
  };
}

// Loopback: 127.0.0.0/8 (RFC 1122 §3.2.1.3), ::1 (RFC 4291 §2.5.3) and the name localhost.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether HOST is a loopback address, reachable only from this machine. */
function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  const family = isIP(bare);
  return family !== 0 && LOOPBACK.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** REDIS_URL: a redis:// or rediss:// URL; the message never repeats the value (it may hold a password). */
function redisUrlFrom(env: Env): string | undefined {
  const raw = str(env, 'REDIS_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problem(env, 'REDIS_URL', 'must be a redis:// or rediss:// URL.');
    return undefined;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    problem(env, 'REDIS_URL', 'must be a redis:// or rediss:// URL.');
    return undefined;
  }
  return raw;
}

/** pino's levels (LOG_LEVEL), lowest first. */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/**
 * Reads and validates the whole configuration once, at start: the server's own settings,
 * and each of `vendors` its own (the composition root passes the VENDORS list,
 * src/app-config.ts). The only reader of process.env in the code base; throws one
 * ConfigError naming every variable at fault.
 * `stdoutIsTty` picks the default log format: pretty for a person at a terminal in
 * development, JSON lines for everything else (log collectors, tests, production).
 */
export function loadConfigFor<V extends readonly VendorConfigReader[]>(
  vendors: V,
  values: EnvValues = process.env,
  stdoutIsTty: boolean = process.stdout.isTTY === true,
): AppConfig<ConfigsOf<V>, WebhookConfigsOf<V>> {
  const env: Env = { values, problems: [] };
  const nodeEnv: NodeEnv = choice(env, 'NODE_ENV', ['development', 'production', 'test'], SERVER_DEFAULTS.nodeEnv);
  const timeouts: VendorHttpTimeoutsConfig = {
    connectMs: int(env, 'VENDOR_CONNECT_TIMEOUT_MS', VENDOR_TIMEOUT_DEFAULTS.connectMs, 1, 600_000),
    headersMs: int(env, 'VENDOR_HEADERS_TIMEOUT_MS', VENDOR_TIMEOUT_DEFAULTS.headersMs, 1, 600_000),
    bodyMs: int(env, 'VENDOR_BODY_TIMEOUT_MS', VENDOR_TIMEOUT_DEFAULTS.bodyMs, 1, 600_000),
    requestMs: int(env, 'VENDOR_REQUEST_TIMEOUT_MS', VENDOR_TIMEOUT_DEFAULTS.requestMs, 1, 600_000),
  };
  const resilience: VendorResilienceConfig = {
    maxRetries: int(env, 'VENDOR_MAX_RETRIES', VENDOR_RESILIENCE_DEFAULTS.maxRetries, 0, 10),
    retryBaseDelayMs: VENDOR_RESILIENCE_DEFAULTS.retryBaseDelayMs,
    retryAfterCapMs: int(env, 'VENDOR_RETRY_AFTER_CAP_MS', VENDOR_RESILIENCE_DEFAULTS.retryAfterCapMs, 0, 600_000),
    breakerThreshold: int(env, 'VENDOR_BREAKER_THRESHOLD', VENDOR_RESILIENCE_DEFAULTS.breakerThreshold, 1, 1_000),
    breakerCooldownMs: int(env, 'VENDOR_BREAKER_COOLDOWN_MS', VENDOR_RESILIENCE_DEFAULTS.breakerCooldownMs, 1, 3_600_000),
  };
  const rates = rateLimits(env, vendors);
  const configured: Record<string, VendorCommonConfig> = {};
  for (const vendor of vendors) {
    const config = vendor.readConfig(env, { timeouts, resilience, rateLimits: rates[vendor.name] });
    if (config) configured[vendor.name] = config;
  }
  const apiKeys = (str(env, 'API_KEYS') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (apiKeys.some((k) => k.length < 16)) problem(env, 'API_KEYS', 'every key must be at least 16 characters.');
  const batchingRaw = choice(env, 'RECORDING_GRAPH_BATCHING', ['on', 'off'], SERVER_DEFAULTS.batching);
  if (nodeEnv === 'production' && apiKeys.length === 0) {
    problem(
      env,
      'API_KEYS',
      'is required when NODE_ENV=production: without it anyone who reaches the server can read every recording and mint download links.',
    );
  }
  const cursorSecret = str(env, 'CURSOR_SECRET');
  // 32 characters: enough entropy for the cursor key (HKDF'd to AES-256) even when written by hand.
  if (cursorSecret !== undefined && cursorSecret.length < 32) problem(env, 'CURSOR_SECRET', 'must be at least 32 characters.');
  const sandbox = Object.keys(configured).length === 0;
  if (sandbox && nodeEnv === 'production') {
    problem(
      env,
      'NODE_ENV',
      "is production but no vendor is configured; set at least one vendor's credentials (the sandbox is for development).",
    );
  }
  const redisUrl = redisUrlFrom(env);
  const webhooks: Record<string, object> = {};
  for (const vendor of vendors) {
    const settings = vendor.readWebhook?.(env);
    if (settings) webhooks[vendor.name] = settings;
  }
  const host = str(env, 'HOST') ?? SERVER_DEFAULTS.host;
  if (sandbox && apiKeys.length === 0 && !isLoopbackHost(host)) {
    problem(
      env,
      'API_KEYS',
      `is required in sandbox mode when HOST is not a loopback address (127.0.0.0/8, ::1, localhost): the sandbox runs open, and HOST=${host} would let anyone who reaches it query and mint links.`,
    );
  }
  const config: AppConfig<ConfigsOf<V>, WebhookConfigsOf<V>> = {
    host,
    port: int(env, 'PORT', SERVER_DEFAULTS.port, 0, 65_535),
    nodeEnv,
    logLevel: choice(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    apiKeys,
    batching: batchingRaw === 'on',
    cache: cacheConfig(env),
    rateLimits: rates,
    sandboxRateLimits: choice(env, 'SANDBOX_RATE_LIMITS', ['on', 'off'], 'on') === 'on',
    providers: configured as ConfigsOf<V>,
    vendorHttp: { timeouts, resilience },
    sandbox,
    sandboxLatencyMs: int(env, 'SANDBOX_LATENCY_MS', SERVER_DEFAULTS.sandboxLatencyMs, 0, 60_000),
    sandboxRecordingsPerVendor: int(env, 'SANDBOX_RECORDINGS_PER_VENDOR', SERVER_DEFAULTS.sandboxRecordingsPerVendor, 0, 100_000),
    ...(cursorSecret !== undefined ? { cursorSecret } : {}),
    ...(redisUrl !== undefined ? { redisUrl } : {}),
    webhooks: { ...webhookSettingsFrom(env), ...(webhooks as WebhookConfigsOf<V>) },
    subscriptions: subscriptionsFrom(env),
    playground: choice(env, 'PLAYGROUND', ['on', 'off'], nodeEnv === 'production' ? 'off' : 'on') === 'on',
    logFormat: choice(env, 'LOG_FORMAT', ['json', 'pretty'], nodeEnv === 'development' && stdoutIsTty ? 'pretty' : 'json'),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', SERVER_DEFAULTS.shutdownGraceMs, 0, 600_000),
    queryLimits: {
      maxDepth: int(env, 'QUERY_MAX_DEPTH', QUERY_LIMIT_DEFAULTS.maxDepth, 1, 100),
      maxAliases: int(env, 'QUERY_MAX_ALIASES', QUERY_LIMIT_DEFAULTS.maxAliases, 0, 1_000),
      maxDirectives: int(env, 'QUERY_MAX_DIRECTIVES', QUERY_LIMIT_DEFAULTS.maxDirectives, 0, 1_000),
      maxTokens: int(env, 'QUERY_MAX_TOKENS', QUERY_LIMIT_DEFAULTS.maxTokens, 10, 100_000),
      maxLinks: int(env, 'QUERY_MAX_LINKS', QUERY_LIMIT_DEFAULTS.maxLinks, 0, 100_000),
      maxObjects: int(env, 'QUERY_MAX_OBJECTS', QUERY_LIMIT_DEFAULTS.maxObjects, 0, 1_000_000),
      maxVendorCalls: int(env, 'QUERY_MAX_VENDOR_CALLS', QUERY_LIMIT_DEFAULTS.maxVendorCalls, 0, 1_000_000),
      requestDeadlineMs: int(env, 'REQUEST_DEADLINE_MS', QUERY_LIMIT_DEFAULTS.requestDeadlineMs, 1, 3_600_000),
    },
  };
  if (env.problems.length > 0) throw ConfigError.of(env.problems);
  return config;
}
