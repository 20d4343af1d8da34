import { BlockList, isIP } from 'node:net';
import type {
  AppConfig,
  CacheConfig,
  NodeEnv,
  ProvidersConfig,
  VendorCommonConfig,
  VendorHttpTimeoutsConfig,
  VendorResilienceConfig,
} from './config.types';
import { ConfigError, type ConfigProblem } from './config-error';
import { QUERY_LIMIT_DEFAULTS } from './query-limit-defaults';
import { SERVER_DEFAULTS } from './server-defaults';
import { subscriptionsFrom, webhooksFrom, type EnvReaders } from './webhook-config';
import { SIGNALWIRE_API_PATH, VENDOR_DEFAULTS, VENDOR_RESILIENCE_DEFAULTS, VENDOR_TIMEOUT_DEFAULTS } from './vendor-defaults';
import { PROVIDER_NAMES, type ProviderName } from '../domain/provider-name';
import { CACHE_DEFAULTS } from './cache-defaults';
import { RATE_CLASSES, rateVariableName, type RateLimitSetting, type RateRule } from './rate-limit-defaults';

type EnvValues = Record<string, string | undefined>;

/**
 * The environment being read, and every problem found so far: a reader that finds a bad
 * value records it and carries on with the default, so one start reports every variable
 * to fix (loadConfig throws them together at the end).
 */
interface Env {
  values: EnvValues;
  problems: ConfigProblem[];
}

/** Records a problem; the caller carries on with a fallback. */
function problem(env: Env, variable: string, message: string): void {
  env.problems.push({ variable, message });
}

function str(env: Env, name: string): string | undefined {
  const value = env.values[name]?.trim();
  return value ? value : undefined;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problem(env, name, `must be a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

/** An http(s) base URL; '' when it is missing or unusable (the problem is recorded). */
function httpUrl(env: Env, name: string, fallback: string | null): string {
  const raw = str(env, name) ?? fallback;
  const refuse = (message: string): string => (problem(env, name, message), '');
  if (!raw) return refuse('is required.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('must be an absolute http(s) URL.');
  if (url.username || url.password) return refuse('must not carry credentials; use the credential variables.');
  if (url.search || url.hash) return refuse('must not have a query or fragment.');
  return url.toString().replace(/\/+$/, '');
}

/**
 * A vendor is enabled when any of its credential variables is set; then all of them
 * must be, so a half-configured vendor refuses to start instead of failing per request.
 */
function credentials<K extends string>(env: Env, names: Record<K, string>): Record<K, string> | undefined {
  const entries = Object.entries(names) as Array<[K, string]>;
  const present = entries.filter(([, variable]) => str(env, variable) !== undefined);
  if (present.length === 0) return undefined;
  for (const [, variable] of entries.filter(([, v]) => str(env, v) === undefined)) {
    problem(env, variable, `is required because ${present.map(([, v]) => v).join(', ')} ${present.length === 1 ? 'is' : 'are'} set.`);
  }
  // Still enabled with the missing ones empty: it counts as configured (no sandbox), and
  // loadConfig refuses to start anyway.
  return Object.fromEntries(entries.map(([key, variable]) => [key, str(env, variable) ?? ''])) as Record<K, string>;
}

interface SharedVendorSettings {
  timeouts: VendorHttpTimeoutsConfig;
  resilience: VendorResilienceConfig;
  rateLimits: Record<ProviderName, RateRule[]>;
}

const RATE_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000 };

/** `<count>/<window>` (`20/1s`, `1200/300s`, `1000/1m`, `2/500ms`) or `off`. */
function rateLimit(env: Env, name: string, fallback: RateLimitSetting | null): RateLimitSetting | null {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (raw.toLowerCase() === 'off') return null;
  const m = /^(\d{1,7})\/(\d{1,7})(ms|s|m)$/.exec(raw);
  const limit = m ? Number(m[1]) : 0;
  const windowMs = m ? Number(m[2]) * RATE_UNITS[m[3]] : 0;
  if (limit < 1 || windowMs < 1 || windowMs > 86_400_000) {
    problem(env, name, 'must be `off` or calls per window such as 20/1s, 1200/300s or 1000/1m (window at most a day).');
    return fallback;
  }
  return { limit, windowMs };
}

/** `<VENDOR>_RATE_<CLASS>` of every vendor: the rules its budget enforces. */
function rateLimits(env: Env): Record<ProviderName, RateRule[]> {
  const out = {} as Record<ProviderName, RateRule[]>;
  for (const provider of PROVIDER_NAMES) {
    out[provider] = RATE_CLASSES[provider].flatMap((c) => {
      const setting = rateLimit(env, rateVariableName(provider.toUpperCase(), c), c.default);
      return setting ? [{ name: c.name, matches: c.matches, ...setting }] : [];
    });
  }
  return out;
}

function common(env: Env, provider: ProviderName, prefix: string, baseUrl: string, shared: SharedVendorSettings): VendorCommonConfig {
  const defaults = VENDOR_DEFAULTS[provider];
  return {
    baseUrl,
    maxConcurrency: int(env, `${prefix}_MAX_CONCURRENCY`, defaults.maxConcurrency, 1, 256),
    timeouts: shared.timeouts,
    resilience: shared.resilience,
    rateLimits: shared.rateLimits[provider],
  };
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

/** S3 bucket names: 3..63 lower-case letters, digits, dots and hyphens (AWS bucket naming rules). */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** DAILY_RECORDINGS_BUCKET (and its region), the domain's customer bucket; none by default. */
function dailyBucket(env: Env): { name: string; region?: string } | undefined {
  const name = str(env, 'DAILY_RECORDINGS_BUCKET');
  const region = str(env, 'DAILY_RECORDINGS_BUCKET_REGION');
  if (name === undefined) {
    if (region !== undefined) problem(env, 'DAILY_RECORDINGS_BUCKET', 'is required because DAILY_RECORDINGS_BUCKET_REGION is set.');
    return undefined;
  }
  if (!S3_BUCKET.test(name)) problem(env, 'DAILY_RECORDINGS_BUCKET', 'must be an S3 bucket name.');
  if (region !== undefined && !AWS_REGION.test(region))
    problem(env, 'DAILY_RECORDINGS_BUCKET_REGION', 'must be an AWS region, e.g. us-west-2.');
  return region === undefined ? { name } : { name, region };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const CLOUDFLARE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function providers(env: Env, shared: SharedVendorSettings): ProvidersConfig {
  const out: ProvidersConfig = {};

  const daily = credentials(env, { apiKey: 'DAILY_API_KEY' });
  if (daily) {
    const recordingsBucket = dailyBucket(env);
    out.daily = {
      ...common(env, 'daily', 'DAILY', httpUrl(env, 'DAILY_API_URL', VENDOR_DEFAULTS.daily.baseUrl), shared),
      ...daily,
      ...(recordingsBucket ? { recordingsBucket } : {}),
    };
  }

  const sw = credentials(env, { projectId: 'SIGNALWIRE_PROJECT_ID', apiToken: 'SIGNALWIRE_API_TOKEN' });
  if (sw) {
    if (!UUID.test(sw.projectId)) problem(env, 'SIGNALWIRE_PROJECT_ID', 'must be the project id, a UUID.');
    const spaceUrl = httpUrl(env, 'SIGNALWIRE_SPACE_URL', null);
    out.signalwire = { ...common(env, 'signalwire', 'SIGNALWIRE', `${spaceUrl}${SIGNALWIRE_API_PATH}`, shared), spaceUrl, ...sw };
  }

  const zoom = credentials(env, { apiKey: 'ZOOM_API_KEY', apiSecret: 'ZOOM_API_SECRET' });
  if (zoom) out.zoom = { ...common(env, 'zoom', 'ZOOM', httpUrl(env, 'ZOOM_API_URL', VENDOR_DEFAULTS.zoom.baseUrl), shared), ...zoom };

  const bird = credentials(env, { accessKey: 'BIRD_ACCESS_KEY', workspaceId: 'BIRD_WORKSPACE_ID' });
  if (bird) {
    if (!UUID.test(bird.workspaceId)) problem(env, 'BIRD_WORKSPACE_ID', 'must be the workspace id, a UUID.');
    out.bird = { ...common(env, 'bird', 'BIRD', httpUrl(env, 'BIRD_API_URL', VENDOR_DEFAULTS.bird.baseUrl), shared), ...bird };
  }

  const cf = credentials(env, { apiToken: 'CLOUDFLARE_API_TOKEN', accountId: 'CLOUDFLARE_ACCOUNT_ID', appId: 'CLOUDFLARE_APP_ID' });
  if (cf) {
    // account_id and app_id are at most 32 characters (docs/vendors/cloudflare.md#base-url-and-authentication); allow a margin, no dots or slashes.
    if (!CLOUDFLARE_ID.test(cf.accountId)) problem(env, 'CLOUDFLARE_ACCOUNT_ID', 'must be a Cloudflare account id.');
    if (!CLOUDFLARE_ID.test(cf.appId)) problem(env, 'CLOUDFLARE_APP_ID', 'must be a RealtimeKit app id.');
    out.cloudflare = {
      ...common(env, 'cloudflare', 'CLOUDFLARE', httpUrl(env, 'CLOUDFLARE_API_URL', VENDOR_DEFAULTS.cloudflare.baseUrl), shared),
      ...cf,
    };
  }
  return out;
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

function choice<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = (str(env, name) ?? fallback).toLowerCase();
  if (!(allowed as readonly string[]).includes(raw)) {
    problem(
      env,
      name,
      `must be ${allowed.length > 2 ? `one of ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed.join(' or ')}.`,
    );
    return fallback;
  }
  return raw as T;
}

/** pino's levels (LOG_LEVEL), lowest first. */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/**
 * Reads and validates the whole configuration once, at start. The only reader of
 * process.env in the code base; throws one ConfigError naming every variable at fault.
 * `stdoutIsTty` picks the default log format: pretty for a person at a terminal in
 * development, JSON lines for everything else (log collectors, tests, production).
 */
export function loadConfig(values: EnvValues = process.env, stdoutIsTty: boolean = process.stdout.isTTY === true): AppConfig {
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
  const rates = rateLimits(env);
  const configured = providers(env, { timeouts, resilience, rateLimits: rates });
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
  const readers: EnvReaders = {
    str: (name) => str(env, name),
    int: (name, fallback, min, max) => int(env, name, fallback, min, max),
    httpUrl: (name, fallback) => httpUrl(env, name, fallback),
  };
  const host = str(env, 'HOST') ?? SERVER_DEFAULTS.host;
  if (sandbox && apiKeys.length === 0 && !isLoopbackHost(host)) {
    problem(
      env,
      'API_KEYS',
      `is required in sandbox mode when HOST is not a loopback address (127.0.0.0/8, ::1, localhost): the sandbox runs open, and HOST=${host} would let anyone who reaches it query and mint links.`,
    );
  }
  const config: AppConfig = {
    host,
    port: int(env, 'PORT', SERVER_DEFAULTS.port, 0, 65_535),
    nodeEnv,
    logLevel: choice(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    apiKeys,
    batching: batchingRaw === 'on',
    cache: cacheConfig(env),
    rateLimits: rates,
    sandboxRateLimits: choice(env, 'SANDBOX_RATE_LIMITS', ['on', 'off'], 'on') === 'on',
    providers: configured,
    vendorHttp: { timeouts, resilience },
    sandbox,
    sandboxLatencyMs: int(env, 'SANDBOX_LATENCY_MS', SERVER_DEFAULTS.sandboxLatencyMs, 0, 60_000),
    sandboxRecordingsPerVendor: int(env, 'SANDBOX_RECORDINGS_PER_VENDOR', SERVER_DEFAULTS.sandboxRecordingsPerVendor, 0, 100_000),
    ...(cursorSecret !== undefined ? { cursorSecret } : {}),
    ...(redisUrl !== undefined ? { redisUrl } : {}),
    webhooks: webhooksFrom(readers),
    subscriptions: subscriptionsFrom(readers),
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
