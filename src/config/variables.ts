import { CACHE_DEFAULTS } from './cache-defaults';
import { QUERY_LIMIT_DEFAULTS } from './query-limit-defaults';
import { SERVER_DEFAULTS } from './server-defaults';
import { SUBSCRIPTION_BUFFER_DEFAULT, WEBHOOK_MAX_BODY_DEFAULT_BYTES, WEBHOOK_TOLERANCE_DEFAULT_SECS } from './webhook-config';
import { VENDOR_RESILIENCE_DEFAULTS, VENDOR_TIMEOUT_DEFAULTS } from './vendor-defaults';

/**
 * An environment variable the server reads. The table in docs/configuration.md lists
 * exactly these (a test compares the two), and `secret` marks values that must never be logged.
 */
export interface ConfigVariable {
  name: string;
  description: string;
  default?: string;
  secret?: boolean;
}

/** The server's own variables; each vendor's module declares its own (configVariables adds them). */
const SERVER_VARIABLES: ConfigVariable[] = [
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

/** Every environment variable the server reads: its own, and those of the vendors' modules (the VENDORS list, src/app-config.ts). */
export function configVariables(vendors: ReadonlyArray<{ variables: readonly ConfigVariable[] }>): ConfigVariable[] {
  return [...SERVER_VARIABLES, ...vendors.flatMap((v) => v.variables)];
}
