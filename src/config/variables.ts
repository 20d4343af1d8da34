import type { ProviderName } from '../domain/provider-name';
import { CACHE_DEFAULTS } from './cache-defaults';
import { QUERY_LIMIT_DEFAULTS } from './query-limit-defaults';
import { formatRateLimit, RATE_CLASSES, rateVariableName } from './rate-limit-defaults';
import { SERVER_DEFAULTS } from './server-defaults';
import { SUBSCRIPTION_BUFFER_DEFAULT, WEBHOOK_MAX_BODY_DEFAULT_BYTES, WEBHOOK_TOLERANCE_DEFAULT_SECS } from './webhook-config';
import { VENDOR_DEFAULTS, VENDOR_RESILIENCE_DEFAULTS, VENDOR_TIMEOUT_DEFAULTS } from './vendor-defaults';

/**
 * Every environment variable the server reads, in one table. The table in docs/configuration.md
 * lists exactly these (a test compares the two), and `secret` marks values that
 * must never be logged.
 */
export interface ConfigVariable {
  name: string;
  description: string;
  default?: string;
  secret?: boolean;
}

const vendorTuning = (prefix: string, label: string, provider: ProviderName): ConfigVariable[] => [
  {
    name: `${prefix}_MAX_CONCURRENCY`,
    description: `Most ${label} calls in flight at once`,
    default: String(VENDOR_DEFAULTS[provider].maxConcurrency),
  },
  ...RATE_CLASSES[provider].map((c) => ({
    name: rateVariableName(prefix, c),
    description: `Rate budget of ${c.description}: calls per window (e.g. \`20/1s\`, \`1200/300s\`) or \`off\``,
    default: formatRateLimit(c.default),
  })),
];

/** The vendor's default base URL (VENDOR_DEFAULTS); SignalWire has none. */
const baseUrl = (provider: ProviderName): string | undefined => VENDOR_DEFAULTS[provider].baseUrl ?? undefined;

export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'HOST', description: 'Address to listen on', default: SERVER_DEFAULTS.host },
  { name: 'PORT', description: 'Port to listen on (0 picks a free one)', default: String(SERVER_DEFAULTS.port) },
  { name: 'NODE_ENV', description: '`development`, `production` or `test`', default: SERVER_DEFAULTS.nodeEnv },
  { name: 'LOG_LEVEL', description: 'pino log level', default: 'info' },
  {
    name: 'LOG_FORMAT',
    description: '`json` (one JSON object a line) or `pretty` (pino-pretty); pretty by default only in development on a terminal',
    default: 'json',
  },
  {
    name: 'PLAYGROUND',
    description: '`on` serves GraphiQL on GET /graphql to browsers; on by default except when NODE_ENV=production',
    default: 'on',
  },
  {
    name: 'SHUTDOWN_GRACE_MS',
    description: 'On SIGTERM, how long in-flight requests may finish before they are cut',
    default: String(SERVER_DEFAULTS.shutdownGraceMs),
  },
  { name: 'API_KEYS', description: 'Comma-separated client API keys; when set, requests need `Authorization: Bearer <key>`', secret: true },
  { name: 'DAILY_API_KEY', description: 'Daily API key (enables Daily)', secret: true },
  { name: 'DAILY_API_URL', description: 'Daily base URL', default: baseUrl('daily') },
  {
    name: 'DAILY_RECORDINGS_BUCKET',
    description:
      'The customer S3 bucket the Daily domain stores recordings in (its `recordings_bucket`), if any: recordings show it as their storage, and their access links must then be valid 900 to 43200 s',
  },
  { name: 'DAILY_RECORDINGS_BUCKET_REGION', description: 'The AWS region of DAILY_RECORDINGS_BUCKET' },
  ...vendorTuning('DAILY', 'Daily', 'daily'),
  { name: 'SIGNALWIRE_PROJECT_ID', description: 'SignalWire project id (enables SignalWire with the token)' },
  { name: 'SIGNALWIRE_API_TOKEN', description: 'SignalWire API token with the Voice scope', secret: true },
  { name: 'SIGNALWIRE_SPACE_URL', description: 'SignalWire space URL, e.g. https://example.signalwire.com (required with SignalWire)' },
  ...vendorTuning('SIGNALWIRE', 'SignalWire', 'signalwire'),
  { name: 'ZOOM_API_KEY', description: 'Zoom Video SDK API key (enables Zoom with the secret)' },
  { name: 'ZOOM_API_SECRET', description: 'Zoom Video SDK API secret (signs the API JWT)', secret: true },
  { name: 'ZOOM_API_URL', description: 'Zoom base URL', default: baseUrl('zoom') },
  ...vendorTuning('ZOOM', 'Zoom', 'zoom'),
  { name: 'BIRD_ACCESS_KEY', description: 'Bird access key (enables Bird with the workspace id)', secret: true },
  { name: 'BIRD_WORKSPACE_ID', description: 'Bird workspace id (a UUID)' },
  { name: 'BIRD_API_URL', description: 'Bird base URL', default: baseUrl('bird') },
  ...vendorTuning('BIRD', 'Bird', 'bird'),
  {
    name: 'CLOUDFLARE_API_TOKEN',
    description: 'Cloudflare API token with Realtime permission (enables Cloudflare with the ids)',
    secret: true,
  },
  { name: 'CLOUDFLARE_ACCOUNT_ID', description: 'Cloudflare account id' },
  { name: 'CLOUDFLARE_APP_ID', description: 'RealtimeKit app id' },
  { name: 'CLOUDFLARE_API_URL', description: 'Cloudflare base URL', default: baseUrl('cloudflare') },
  ...vendorTuning('CLOUDFLARE', 'Cloudflare', 'cloudflare'),
  { name: 'VENDOR_CONNECT_TIMEOUT_MS', description: 'Timeout to connect to a vendor', default: String(VENDOR_TIMEOUT_DEFAULTS.connectMs) },
  {
    name: 'VENDOR_HEADERS_TIMEOUT_MS',
    description: 'Timeout for a vendor to start answering',
    default: String(VENDOR_TIMEOUT_DEFAULTS.headersMs),
  },
  {
    name: 'VENDOR_BODY_TIMEOUT_MS',
    description: 'Timeout between body chunks from a vendor',
    default: String(VENDOR_TIMEOUT_DEFAULTS.bodyMs),
  },
  {
    name: 'VENDOR_REQUEST_TIMEOUT_MS',
    description: 'Deadline of one vendor call as a whole: all its attempts and the waits between them',
    default: String(VENDOR_TIMEOUT_DEFAULTS.requestMs),
  },
  {
    name: 'VENDOR_MAX_RETRIES',
    description: 'Retries of a failed vendor read (429, 502, 503, 504, connection reset)',
    default: String(VENDOR_RESILIENCE_DEFAULTS.maxRetries),
  },
  {
    name: 'VENDOR_RETRY_AFTER_CAP_MS',
    description: 'Longest Retry-After waited for; longer is PROVIDER_RATE_LIMITED at once',
    default: String(VENDOR_RESILIENCE_DEFAULTS.retryAfterCapMs),
  },
  {
    name: 'VENDOR_BREAKER_THRESHOLD',
    description: "Consecutive vendor outages that open the vendor's circuit",
    default: String(VENDOR_RESILIENCE_DEFAULTS.breakerThreshold),
  },
  {
    name: 'VENDOR_BREAKER_COOLDOWN_MS',
    description: 'How long an open circuit fails fast before a trial call',
    default: String(VENDOR_RESILIENCE_DEFAULTS.breakerCooldownMs),
  },
  { name: 'QUERY_MAX_DEPTH', description: 'Deepest query accepted', default: String(QUERY_LIMIT_DEFAULTS.maxDepth) },
  { name: 'QUERY_MAX_ALIASES', description: 'Most aliases in one query', default: String(QUERY_LIMIT_DEFAULTS.maxAliases) },
  { name: 'QUERY_MAX_DIRECTIVES', description: 'Most directives in one query', default: String(QUERY_LIMIT_DEFAULTS.maxDirectives) },
  { name: 'QUERY_MAX_TOKENS', description: 'Most tokens in one query document', default: String(QUERY_LIMIT_DEFAULTS.maxTokens) },
  { name: 'QUERY_MAX_LINKS', description: 'Most access links one request may mint', default: String(QUERY_LIMIT_DEFAULTS.maxLinks) },
  {
    name: 'QUERY_MAX_OBJECTS',
    description: 'Most recordings and sessions one request may fetch or list',
    default: String(QUERY_LIMIT_DEFAULTS.maxObjects),
  },
  {
    name: 'QUERY_MAX_VENDOR_CALLS',
    description: 'Most HTTP calls to vendors one request may make, retries included',
    default: String(QUERY_LIMIT_DEFAULTS.maxVendorCalls),
  },
  {
    name: 'REQUEST_DEADLINE_MS',
    description: 'Deadline of one request as a whole: vendor calls, retries and paging included',
    default: String(QUERY_LIMIT_DEFAULTS.requestDeadlineMs),
  },
  {
    name: 'SANDBOX_LATENCY_MS',
    description: 'Latency each sandbox emulator adds per call',
    default: String(SERVER_DEFAULTS.sandboxLatencyMs),
  },
  {
    name: 'SANDBOX_RECORDINGS_PER_VENDOR',
    description: 'Generated recordings per vendor added to the sandbox demo data (a large timeline to browse)',
    default: String(SERVER_DEFAULTS.sandboxRecordingsPerVendor),
  },
  {
    name: 'CURSOR_SECRET',
    description:
      "Key (at least 32 characters) that seals (AES-256-GCM) `Query.recordings` cursors; when unset it is derived from the vendor credentials, so replicas with the same configuration accept each other's cursors",
    secret: true,
  },
  {
    name: 'REDIS_URL',
    description:
      '`redis://` or `rediss://` URL of a Redis that replicas share; unset, everything stays in process (the embedded default). May carry a password: never logged',
    secret: true,
  },
  {
    name: 'SANDBOX_RATE_LIMITS',
    description: "`on`: the sandbox emulators answer 429 past the vendors' documented rate limits, with the vendors' headers",
    default: 'on',
  },
  { name: 'CACHE', description: "`off` disables the cross-request cache (the benchmark's baseline)", default: 'on' },
  {
    name: 'CACHE_TTL_SECS',
    description: 'How long a recording in a final state (READY, FAILED, DELETED) is reused across requests',
    default: String(CACHE_DEFAULTS.ttlSecs),
  },
  {
    name: 'CACHE_CHANGING_TTL_SECS',
    description: 'How long a recording still changing (or a session) is reused across requests; 0: not at all',
    default: String(CACHE_DEFAULTS.changingTtlSecs),
  },
  {
    name: 'CACHE_MAX_ENTRIES',
    description: 'Most entries the in-process cache keeps (least recently used go first)',
    default: String(CACHE_DEFAULTS.maxEntries),
  },
  {
    name: 'CACHE_MAX_BYTES',
    description: 'Most bytes the in-process cache keeps (least recently used go first)',
    default: String(CACHE_DEFAULTS.maxBytes),
  },
  {
    name: 'CACHE_LINK_SLACK_PERCENT',
    description:
      'A cached access link is reused only while what remains of it is at least the validity asked and at most this much more; links are minted that much longer than asked',
    default: String(CACHE_DEFAULTS.linkSlackPercent),
  },
  {
    name: 'CACHE_SECRET',
    description:
      'Key (at least 32 characters) that encrypts (AES-256-GCM) what the cache stores in Redis, links included; when unset it is derived from the vendor credentials',
    secret: true,
  },
  {
    name: 'PUBLIC_URL',
    description:
      "Public origin (and path prefix) vendors post webhooks to, e.g. `https://recordings.example.com`: the URL SignalWire and Bird sign; unset, the request's own",
  },
  {
    name: 'WEBHOOK_TOLERANCE_SECS',
    description: "How far a webhook's signed timestamp may be from now, either way",
    default: String(WEBHOOK_TOLERANCE_DEFAULT_SECS),
  },
  {
    name: 'WEBHOOK_MAX_BODY_BYTES',
    description: 'Largest webhook body accepted (larger is 413)',
    default: String(WEBHOOK_MAX_BODY_DEFAULT_BYTES),
  },
  { name: 'DAILY_WEBHOOK_SECRET', description: 'The base64 `hmac` of the Daily webhook; enables POST /webhooks/daily', secret: true },
  { name: 'SIGNALWIRE_SIGNING_KEY', description: 'SignalWire project Signing Key; enables POST /webhooks/signalwire', secret: true },
  { name: 'ZOOM_WEBHOOK_SECRET_TOKEN', description: 'Zoom Video SDK app Secret Token; enables POST /webhooks/zoom', secret: true },
  {
    name: 'BIRD_WEBHOOK_SIGNING_KEY',
    description: 'The `signingKey` of the Bird webhook subscription; enables POST /webhooks/bird',
    secret: true,
  },
  {
    name: 'CLOUDFLARE_WEBHOOK_PUBLIC_KEY',
    description: 'RealtimeKit webhook public key (PEM); enables POST /webhooks/cloudflare without fetching the key',
  },
  {
    name: 'CLOUDFLARE_WEBHOOK_KEY_URL',
    description:
      'Where to fetch the RealtimeKit webhook key (`data.publicKey`); setting it enables POST /webhooks/cloudflare. Typically `https://api.realtime.cloudflare.com/.well-known/webhooks.json`',
  },
  {
    name: 'SUBSCRIPTION_BUFFER',
    description: 'Events one subscriber may have waiting; one more and its subscription ends with SUBSCRIBER_TOO_SLOW',
    default: String(SUBSCRIPTION_BUFFER_DEFAULT),
  },
  {
    name: 'RECORDING_GRAPH_BATCHING',
    description: '`off` disables DataLoader batching and caching (benchmark baseline only)',
    default: SERVER_DEFAULTS.batching,
  },
];
