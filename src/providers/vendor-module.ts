import type { VendorCommonConfig } from '../config/config.types';
import { credentials, httpUrl, int, problem, str, type Env } from '../config/env-readers';
import { formatRateLimit, rateVariableName, type RateClass } from '../config/rate-limits';
import type { ConfigVariable, SharedVendorSettings, VendorConfigReader } from '../config';
import { PROVIDER_LABELS, type ProviderName } from '../domain/provider-name';
import type { RecordingProvider } from './recording-provider';
import type { ProviderDeps } from './shared/provider-deps';
import type { VendorWebhook } from './shared/webhook';

/** A vendor's defaults: its base URL (null when each account has its own host) and its bound on calls in flight. */
export interface VendorDefaults {
  baseUrl: string | null;
  maxConcurrency: number;
}

/**
 * One vendor, whole: everything the rest of the server needs to know about it, read from
 * this one object (src/providers/<vendor>/index.ts) through the VENDORS list (vendors.ts):
 * configuration loading, the documented variables, log redaction, the cursor key, the
 * shared-state account keys, the webhook receivers' settings and the registry.
 */
export interface VendorModule<
  N extends ProviderName = ProviderName,
  C extends VendorCommonConfig = VendorCommonConfig,
  W extends object = object,
> extends VendorConfigReader<N, C, W> {
  /** For messages and logs. */
  readonly label: string;
  /** The variable that takes its base URL (DAILY_API_URL, SIGNALWIRE_SPACE_URL, ...): what the sandbox's log names. */
  readonly urlVariable: string;
  /** Every environment variable it reads, documented (docs/configuration.md lists them). */
  readonly variables: readonly ConfigVariable[];
  /**
   * Fields of its config and of its webhook settings whose values are never logged
   * (src/server/logger-options.ts redacts them wherever they appear).
   */
  readonly secrets: readonly string[];
  /**
   * What identifies the account (its credentials): the cursor key is derived from it when
   * CURSOR_SECRET is unset (src/timeline/cursor-key.ts), and the shared rate budgets and
   * cache entries are keyed by a hash of it (src/shared-state.ts).
   */
  accountMaterial(config: C): string[];
  create(config: C, deps: ProviderDeps): RecordingProvider;
  /** Its webhook receiver for the settings readWebhook read (src/live/vendor-webhooks.ts); absent: no receiver. */
  webhookReceiver?(settings: W): VendorWebhook;
}

/** One of a vendor's own variables, read into the field `field` of what its module reads. */
export interface VariableSpec {
  field: string;
  variable: string;
  description: string;
  /** Never logged: the field is redacted (src/server/logger-options.ts) and the variable documented as a secret. */
  secret?: boolean;
  /** Checked once read (a pattern, or a test); `invalid` completes "<VARIABLE> ..." (e.g. "must be the project id, a UUID."). */
  valid?: RegExp | ((value: string) => boolean);
  invalid?: string;
}

/** A vendor's webhook receiver settings (POST /webhooks/<vendor>, docs/subscriptions.md): present only when its secret is set. */
export interface WebhookSpec<W extends object> {
  /** Its variables; the secret ones' fields are redacted like the credentials. */
  variables: readonly VariableSpec[];
  /** The settings from the environment, undefined when the receiver is off; records problems with `problem`. */
  read(env: Env): W | undefined;
  /** The receiver (verification and normalisation, `<vendor>.webhook.ts`) for the settings read. */
  receiver(settings: W): VendorWebhook;
}

export interface VendorSpec<N extends ProviderName, C extends VendorCommonConfig, W extends object> {
  name: N;
  /**
   * For messages and logs; PROVIDER_LABELS[name] unless given. The floor (ids, errors,
   * http) names vendors in its messages from src/domain/provider-name.ts.
   */
  label?: string;
  /** The prefix of its tuning variables (`<PREFIX>_MAX_CONCURRENCY`, `<PREFIX>_RATE_<CLASS>`); its name in capitals unless given. */
  envPrefix?: string;
  defaults: VendorDefaults;
  /** Its account's documented rate limits, each overridable by `<PREFIX>_RATE_<CLASS>`. */
  rateClasses: readonly RateClass[];
  /** The variables that enable the vendor: when one is set, all must be. */
  credentials: readonly VariableSpec[];
  /** The base URL variable; required when `defaults.baseUrl` is null. */
  url: { variable: string; description: string };
  /** Optional variables (a customer bucket, say): a field is set only when its variable is. */
  options?: readonly VariableSpec[];
  /**
   * The vendor's config from what was read: the common part (its `baseUrl` is the URL
   * variable's value or default), the credentials and options by field. A rule across
   * fields records its problem on `env`.
   */
  toConfig(read: { common: VendorCommonConfig; values: Record<string, string>; env: Env }): C;
  webhook?: WebhookSpec<W>;
  accountMaterial(config: C): string[];
  create(config: C, deps: ProviderDeps): RecordingProvider;
}

/** The value of a variable, checked (a problem is recorded when it fails its check). */
function checked(env: Env, spec: Pick<VariableSpec, 'variable' | 'valid' | 'invalid'>, value: string): string {
  const valid = spec.valid === undefined || value === '' || (spec.valid instanceof RegExp ? spec.valid.test(value) : spec.valid(value));
  if (!valid) problem(env, spec.variable, spec.invalid ?? 'is not valid.');
  return value;
}

/** The documented form of a vendor's own variable. */
const documented = (spec: VariableSpec): ConfigVariable => ({
  name: spec.variable,
  description: spec.description,
  ...(spec.secret ? { secret: true } : {}),
});

/**
 * The optional variables in `specs` that are set, by field, each checked (the problem
 * recorded). What a module's options and simple webhook settings read.
 */
function readOptions(env: Env, specs: readonly VariableSpec[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const spec of specs) {
    const value = str(env, spec.variable);
    if (value !== undefined) values[spec.field] = checked(env, spec, value);
  }
  return values;
}

/** A webhook receiver enabled by one secret variable, read (and checked) into `{ [field]: value }`, verifying with it. */
export function webhookSecret<F extends string>(
  spec: VariableSpec & { field: F },
  receiver: (secret: string) => VendorWebhook,
): WebhookSpec<Record<F, string>> {
  return {
    variables: [{ ...spec, secret: true }],
    receiver: (settings) => receiver(settings[spec.field]),
    read: (env) => {
      const value = readOptions(env, [spec])[spec.field];
      return value === undefined ? undefined : ({ [spec.field]: value } as Record<F, string>);
    },
  };
}

/**
 * A vendor's module from its spec: its variables (credentials, base URL, options,
 * `<PREFIX>_MAX_CONCURRENCY`, `<PREFIX>_RATE_*`, then its webhook's), reading and
 * validating them in that order, and its secrets.
 */
export function defineVendor<N extends ProviderName, C extends VendorCommonConfig, W extends object = never>(
  spec: VendorSpec<N, C, W>,
): VendorModule<N, C, W> {
  const label = spec.label ?? PROVIDER_LABELS[spec.name];
  const envPrefix = spec.envPrefix ?? spec.name.toUpperCase();
  const concurrency = `${envPrefix}_MAX_CONCURRENCY`;
  const own = [...spec.credentials, ...(spec.options ?? [])];
  const hooks = spec.webhook?.variables ?? [];
  const variables: ConfigVariable[] = [
    ...spec.credentials.map(documented),
    { name: spec.url.variable, description: spec.url.description, ...(spec.defaults.baseUrl ? { default: spec.defaults.baseUrl } : {}) },
    ...(spec.options ?? []).map(documented),
    {
      name: concurrency,
      description: `Most ${label.split(' ')[0]} calls in flight at once`,
      default: String(spec.defaults.maxConcurrency),
    },
    ...spec.rateClasses.map((c) => ({
      name: rateVariableName(envPrefix, c),
      description: `Rate budget of ${c.description}: calls per window (e.g. \`20/1s\`, \`1200/300s\`) or \`off\``,
      default: formatRateLimit(c.default),
    })),
    ...hooks.map(documented),
  ];
  const webhook = spec.webhook;
  return {
    name: spec.name,
    label,
    envPrefix,
    urlVariable: spec.url.variable,
    rateClasses: spec.rateClasses,
    variables,
    secrets: [...new Set([...own, ...hooks].filter((s) => s.secret).map((s) => s.field))],
    readConfig(env: Env, shared: SharedVendorSettings): C | undefined {
      const creds = credentials(env, Object.fromEntries(spec.credentials.map((c) => [c.field, c.variable])));
      if (!creds) return undefined;
      for (const c of spec.credentials) checked(env, c, creds[c.field]);
      const url = httpUrl(env, spec.url.variable, spec.defaults.baseUrl);
      const values: Record<string, string> = { ...creds, ...readOptions(env, spec.options ?? []) };
      const common: VendorCommonConfig = {
        baseUrl: url,
        maxConcurrency: int(env, concurrency, spec.defaults.maxConcurrency, 1, 256),
        ...shared,
      };
      return spec.toConfig({ common, values, env });
    },
    ...(webhook ? { readWebhook: webhook.read, webhookReceiver: webhook.receiver } : {}),
    accountMaterial: spec.accountMaterial,
    create: spec.create,
  };
}
