import Fastify from 'fastify';
import { CONFIG_VARIABLES, loadConfig } from '../../../src/app-config';
import { configVariables, loadConfigFor } from '../../../src/config';
import type { VendorCommonConfig } from '../../../src/config/config.types';
import { PROVIDER_LABELS, PROVIDER_NAMES, type ProviderName } from '../../../src/domain/provider-name';
import { createProviders } from '../../../src/providers/provider-registry';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import type { VendorWebhook } from '../../../src/providers/shared/webhook';
import { defineVendor, webhookSecret } from '../../../src/providers/vendor-module';
import { vendorWebhooks } from '../../../src/live/vendor-webhooks';
import { VENDORS } from '../../../src/providers/vendors';
import { DOCUMENTED_RATE_LIMITS } from '../../../src/sandbox/rate-limit';
import { loggerOptions } from '../../../src/server/logger-options';
import { credentialsOf } from '../../../src/timeline/cursor-key';
import { configErrorOf } from '../../support/config-problems';
import { decodedViews } from '../../support/decoded-views';

/** Every vendor enabled, every secret (credentials and webhook secrets) a distinct value. */
const ALL_FIVE: Record<string, string> = {
  DAILY_API_KEY: 'daily-secret-key-0001',
  DAILY_WEBHOOK_SECRET: Buffer.from('daily-webhook-secret-0009').toString('base64'),
  SIGNALWIRE_PROJECT_ID: '720796a0-8ee9-4350-83bd-2d07a3121f1e',
  SIGNALWIRE_API_TOKEN: 'signalwire-secret-token-0002',
  SIGNALWIRE_SPACE_URL: 'https://example.signalwire.com',
  SIGNALWIRE_SIGNING_KEY: 'signalwire-signing-key-0010',
  ZOOM_API_KEY: 'zoom-key-0003',
  ZOOM_API_SECRET: 'zoom-secret-0004',
  ZOOM_WEBHOOK_SECRET_TOKEN: 'zoom-webhook-token-0011',
  BIRD_ACCESS_KEY: 'bird-secret-access-key-0005',
  BIRD_WORKSPACE_ID: '8bc02f53-87ac-48d2-b4fd-c2cf856a305f',
  BIRD_WEBHOOK_SIGNING_KEY: 'bird-webhook-signing-key-0012',
  CLOUDFLARE_API_TOKEN: 'cloudflare-secret-token-0006',
  CLOUDFLARE_ACCOUNT_ID: 'acc',
  CLOUDFLARE_APP_ID: 'app',
};

interface SixthConfig extends VendorCommonConfig {
  /** A field name no other vendor has: only the sixth module can say it is secret. */
  privateToken: string;
  region: string;
}

/** A made-up sixth vendor, written as a vendor's module is: nothing outside this object knows its fields. */
const created: SixthConfig[] = [];
const receivers: string[] = [];
const sixth = defineVendor({
  name: 'sixth' as ProviderName,
  label: 'Sixth',
  defaults: { baseUrl: 'https://api.sixth.example', maxConcurrency: 4 },
  rateClasses: [{ name: 'calls', description: 'Sixth calls', matches: () => true, default: { limit: 7, windowMs: 1_000 } }],
  credentials: [
    { field: 'privateToken', variable: 'SIXTH_SIGNING_KEY', description: 'Sixth signing key (enables Sixth)', secret: true },
    { field: 'region', variable: 'SIXTH_REGION', description: 'Sixth region', valid: /^[a-z]+$/, invalid: 'must be a region name.' },
  ],
  url: { variable: 'SIXTH_API_URL', description: 'Sixth base URL' },
  toConfig: ({ common, values: { privateToken, region } }): SixthConfig => ({ ...common, privateToken, region }),
  webhook: webhookSecret({ field: 'hookToken', variable: 'SIXTH_WEBHOOK_TOKEN', description: 'Sixth webhook token' }, (token) => {
    receivers.push(token);
    return {} as VendorWebhook;
  }),
  accountMaterial: (config) => [config.privateToken],
  create: (config) => {
    created.push(config);
    return { name: 'sixth' } as unknown as RecordingProvider;
  },
});

const SIXTH_ENV = { SIXTH_SIGNING_KEY: 'sixth-signing-key-0007', SIXTH_REGION: 'north', SIXTH_WEBHOOK_TOKEN: 'sixth-webhook-token-0008' };

/** What a server logging through the real logger options, with `vendors`' redaction, writes for `fields`. */
async function logged(vendors: ReadonlyArray<{ secrets: readonly string[] }>, fields: Record<string, unknown>): Promise<string> {
  let out = '';
  const app = Fastify({ logger: loggerOptions('trace', 'json', vendors, { write: (line: string) => void (out += line) }) });
  app.log.info(fields, 'configuration');
  await app.close();
  return out;
}

/** Whether `text`, or any decoding of what in it looks encoded (base64, hex, byte arrays), contains `secret`. */
const reveals = (text: string, secret: string): boolean =>
  decodedViews(text).some(
    (view) =>
      view.includes(secret) || view.includes(Buffer.from(secret).toString('base64')) || view.includes(Buffer.from(secret).toString('hex')),
  );

describe('the VENDORS list', () => {
  it('holds every vendor once, in the order and with the labels of the provider names', () => {
    expect(VENDORS.map((v) => v.name)).toEqual([...PROVIDER_NAMES]);
    expect(VENDORS.map((v) => v.label)).toEqual(PROVIDER_NAMES.map((p) => PROVIDER_LABELS[p]));
  });

  it("marks as secret exactly the variables behind each vendor's secret fields (credentials and webhook secrets)", () => {
    const config = loadConfig(ALL_FIVE);
    for (const vendor of VENDORS) {
      const own = { ...config.providers[vendor.name], ...config.webhooks[vendor.name] } as Record<string, unknown>;
      const secretValues = vendor.secrets.map((field) => own[field]);
      const secretVariables = vendor.variables.filter((v) => v.secret).map((v) => ALL_FIVE[v.name]);
      expect({ vendor: vendor.name, secrets: secretValues.sort() }).toEqual({ vendor: vendor.name, secrets: secretVariables.sort() });
    }
  });

  it("redacts every vendor's secrets from the log, however encoded, from the modules' declarations alone", async () => {
    const config = loadConfig(ALL_FIVE);
    const secrets = VENDORS.flatMap((v) => v.variables.filter((x) => x.secret).map((x) => ALL_FIVE[x.name]));
    expect(secrets).toHaveLength(9);
    const lines =
      (await logged(VENDORS, { config })) + (await logged(VENDORS, config.providers)) + (await logged(VENDORS, { ...config.webhooks }));
    expect(lines).toContain('[redacted]');
    expect(lines).toContain('https://api.daily.co/v1');
    for (const secret of secrets) expect({ secret, revealed: reveals(lines, secret) }).toEqual({ secret, revealed: false });
  });

  it("keeps the emulators' rate limits (written from the vendors' documents) equal to the modules' default budgets", () => {
    for (const vendor of VENDORS) {
      const budgets = Object.fromEntries(vendor.rateClasses.flatMap((c) => (c.default ? [[c.name, c.default]] : [])));
      expect({ vendor: vendor.name, limits: budgets }).toEqual({ vendor: vendor.name, limits: DOCUMENTED_RATE_LIMITS[vendor.name] });
    }
  });
});

describe('a sixth vendor: its module and a line in the list, no line in configuration, logging, cursor key or registry code', () => {
  const vendors = [...VENDORS, sixth];
  const env = { ...ALL_FIVE, ...SIXTH_ENV, SIXTH_RATE_CALLS: '9/1s' };

  it('has its variables loaded: config, rate budget, webhook receiver, registry and account material', () => {
    const config = loadConfigFor(vendors, env);
    const own = config.providers['sixth' as ProviderName] as SixthConfig;
    expect(own).toMatchObject({
      baseUrl: 'https://api.sixth.example',
      maxConcurrency: 4,
      privateToken: 'sixth-signing-key-0007',
      region: 'north',
    });
    expect(own.rateLimits).toEqual([expect.objectContaining({ name: 'calls', limit: 9, windowMs: 1_000 })]);
    expect(config.webhooks['sixth' as ProviderName]).toEqual({ hookToken: 'sixth-webhook-token-0008' });
    expect(Object.keys(config.providers)).toEqual([...PROVIDER_NAMES, 'sixth']);
    expect(Object.keys(createProviders(vendors, config.providers))).toEqual([...PROVIDER_NAMES, 'sixth']);
    expect(created.at(-1)).toBe(own);
    expect(credentialsOf(config.providers, vendors).at(-1)).toEqual(['sixth', ['sixth-signing-key-0007']]);
    expect(Object.keys(vendorWebhooks(config.webhooks, vendors))).toEqual(['daily', 'signalwire', 'zoom', 'bird', 'sixth']);
    expect(receivers.at(-1)).toBe('sixth-webhook-token-0008');
  });

  it("reports its bad variables with the server's, all at once", () => {
    const bad = { ...env, SIXTH_REGION: 'North 1', SIXTH_RATE_CALLS: 'often', SIXTH_API_URL: 'ftp://x', PORT: 'eighty' };
    const error = configErrorOf(() => loadConfigFor(vendors, bad));
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['PORT', 'SIXTH_API_URL', 'SIXTH_RATE_CALLS', 'SIXTH_REGION']);
    expect(error.message).toContain('SIXTH_REGION: must be a region name.');
  });

  it('has its secrets redacted from the log, however encoded, with no line outside its module', async () => {
    const config = loadConfigFor(vendors, env);
    const secrets = [SIXTH_ENV.SIXTH_SIGNING_KEY, SIXTH_ENV.SIXTH_WEBHOOK_TOKEN];
    const lines =
      (await logged(vendors, { config })) +
      (await logged(vendors, { vendor: config.providers['sixth' as ProviderName] })) +
      (await logged(vendors, { webhook: config.webhooks['sixth' as ProviderName] }));
    expect(lines).toContain('[redacted]');
    expect(lines).toContain('https://api.sixth.example');
    for (const secret of secrets) expect({ secret, revealed: reveals(lines, secret) }).toEqual({ secret, revealed: false });
    // Without the sixth module in the list its secrets would be logged: the redaction comes from the modules.
    expect(await logged(VENDORS, { vendor: config.providers['sixth' as ProviderName] })).toContain(SIXTH_ENV.SIXTH_SIGNING_KEY);
  });

  it('has its variables documented from its module, the secret ones marked so', () => {
    const documented = configVariables(vendors);
    const names = documented.map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(CONFIG_VARIABLES.map((v) => v.name)));
    const own = documented.filter((v) => v.name.startsWith('SIXTH_'));
    expect(own.map((v) => [v.name, v.default, v.secret ?? false])).toEqual([
      ['SIXTH_SIGNING_KEY', undefined, true],
      ['SIXTH_REGION', undefined, false],
      ['SIXTH_API_URL', 'https://api.sixth.example', false],
      ['SIXTH_MAX_CONCURRENCY', '4', false],
      ['SIXTH_RATE_CALLS', '7/1s', false],
      ['SIXTH_WEBHOOK_TOKEN', undefined, true],
    ]);
  });
});
