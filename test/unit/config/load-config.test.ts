import { loadConfig } from '../../../src/app-config';
import { ConfigError } from '../../../src/config';
import { configErrorOf } from '../../support/config-problems';

const SW = {
  SIGNALWIRE_PROJECT_ID: '720796a0-8ee9-4350-83bd-2d07a3121f1e',
  SIGNALWIRE_API_TOKEN: 'PTxxxxxxxx',
  SIGNALWIRE_SPACE_URL: 'https://example.signalwire.com',
};

describe('loadConfig', () => {
  it('runs in sandbox mode with no vendor configured, with the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      sandbox: true,
      host: '127.0.0.1',
      port: 4000,
      nodeEnv: 'development',
      apiKeys: [],
      batching: true,
      providers: {},
    });
  });

  it('enables each vendor by its own credentials, with default base URLs', () => {
    const config = loadConfig({ DAILY_API_KEY: 'k', ZOOM_API_KEY: 'zk', ZOOM_API_SECRET: 'zs', ...SW });
    expect(config.sandbox).toBe(false);
    expect(Object.keys(config.providers).sort()).toEqual(['daily', 'signalwire', 'zoom']);
    expect(config.providers.daily).toMatchObject({ apiKey: 'k', baseUrl: 'https://api.daily.co/v1', maxConcurrency: 64 });
    expect(config.providers.zoom?.baseUrl).toBe('https://api.zoom.us/v2');
    expect(config.providers.signalwire?.baseUrl).toBe('https://example.signalwire.com/api/laml/2010-04-01');
  });

  it("reads the Daily domain's customer bucket, none by default", () => {
    expect(loadConfig({ DAILY_API_KEY: 'k' }).providers.daily?.recordingsBucket).toBeUndefined();
    expect(loadConfig({ DAILY_API_KEY: 'k', DAILY_RECORDINGS_BUCKET: 'acme-recordings' }).providers.daily?.recordingsBucket).toEqual({
      name: 'acme-recordings',
    });
    expect(
      loadConfig({ DAILY_API_KEY: 'k', DAILY_RECORDINGS_BUCKET: 'acme-recordings', DAILY_RECORDINGS_BUCKET_REGION: 'eu-west-1' }).providers
        .daily?.recordingsBucket,
    ).toEqual({
      name: 'acme-recordings',
      region: 'eu-west-1',
    });
  });

  it('takes base URL overrides (proxies, regions, tests)', () => {
    const config = loadConfig({
      BIRD_ACCESS_KEY: 'a',
      BIRD_WORKSPACE_ID: '8bc02f53-87ac-48d2-b4fd-c2cf856a305f',
      BIRD_API_URL: 'http://127.0.0.1:9999/',
    });
    expect(config.providers.bird?.baseUrl).toBe('http://127.0.0.1:9999');
  });

  it.each([
    [{ ZOOM_API_KEY: 'zk' }, 'ZOOM_API_SECRET'],
    [{ CLOUDFLARE_API_TOKEN: 't', CLOUDFLARE_ACCOUNT_ID: 'acc' }, 'CLOUDFLARE_APP_ID'],
    [{ SIGNALWIRE_PROJECT_ID: SW.SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN: 't' }, 'SIGNALWIRE_SPACE_URL'],
    [{ DAILY_API_KEY: 'k', DAILY_API_URL: 'ftp://x' }, 'DAILY_API_URL'],
    [{ DAILY_API_KEY: 'k', DAILY_API_URL: 'https://user:pw@x' }, 'DAILY_API_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BIRD_ACCESS_KEY: 'a', BIRD_WORKSPACE_ID: '../x' }, 'BIRD_WORKSPACE_ID'],
    [{ API_KEYS: 'short' }, 'API_KEYS'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production', API_KEYS: 'a-client-api-key-0001' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production', DAILY_API_KEY: 'k' }, 'API_KEYS'],
    [{ DAILY_API_KEY: 'k', DAILY_MAX_CONCURRENCY: '0' }, 'DAILY_MAX_CONCURRENCY'],
    [{ DAILY_API_KEY: 'k', DAILY_RECORDINGS_BUCKET: 'Not_A_Bucket' }, 'DAILY_RECORDINGS_BUCKET'],
    [{ DAILY_API_KEY: 'k', DAILY_RECORDINGS_BUCKET_REGION: 'us-west-2' }, 'DAILY_RECORDINGS_BUCKET'],
    [{ DAILY_API_KEY: 'k', DAILY_RECORDINGS_BUCKET: 'acme', DAILY_RECORDINGS_BUCKET_REGION: 'mars' }, 'DAILY_RECORDINGS_BUCKET_REGION'],
    [{ CURSOR_SECRET: 'only-31-characters-long-secret!' }, 'CURSOR_SECRET'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
    [{ SANDBOX_RECORDINGS_PER_VENDOR: '-1' }, 'SANDBOX_RECORDINGS_PER_VENDOR'],
  ])('refuses %p naming %s', (env, variable) => {
    let thrown: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as Error).message).toContain(variable);
  });

  it('reports every bad variable at once, each with what it must be', () => {
    let thrown: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        ZOOM_API_KEY: 'zk',
        BIRD_ACCESS_KEY: 'a',
        BIRD_WORKSPACE_ID: '../x',
        QUERY_MAX_DEPTH: '0',
        PLAYGROUND: 'maybe',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const problems = (thrown as ConfigError).problems;
    expect(problems.map((p) => p.variable).sort()).toEqual([
      'BIRD_WORKSPACE_ID',
      'LOG_LEVEL',
      'PLAYGROUND',
      'PORT',
      'QUERY_MAX_DEPTH',
      'ZOOM_API_SECRET',
    ]);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^6 variables to fix:\n/);
    for (const p of problems) expect(message).toContain(`  ${p.variable}: ${p.message}`);
    expect(problems.find((p) => p.variable === 'LOG_LEVEL')?.message).toBe(
      'must be one of trace, debug, info, warn, error, fatal or silent.',
    );
  });

  it("reports the vendors' webhook secrets with the rest, at once: a Daily secret that is no base64 hmac, a Cloudflare key that is no PEM", () => {
    const error = configErrorOf(() =>
      loadConfig({ PORT: 'eighty', DAILY_WEBHOOK_SECRET: 'not base64!', CLOUDFLARE_WEBHOOK_PUBLIC_KEY: 'not a key' }),
    );
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['CLOUDFLARE_WEBHOOK_PUBLIC_KEY', 'DAILY_WEBHOOK_SECRET', 'PORT']);
    expect(error.message).toContain("DAILY_WEBHOOK_SECRET: must be the webhook's base64 `hmac` secret");
    expect(error.message).not.toContain('not base64!');
  });

  it('takes any pino level for LOG_LEVEL, in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('refuses an open sandbox on a non-loopback HOST, naming API_KEYS and why', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      let thrown: unknown;
      try {
        loadConfig({ HOST: host });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).variable).toBe('API_KEYS');
      expect((thrown as Error).message).toMatch(/sandbox runs open/);
      expect((thrown as Error).message).toMatch(/not a loopback address/);
    }
  });

  it('lets the sandbox run open on loopback, and anywhere with API_KEYS set', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      expect(loadConfig({ HOST: host })).toMatchObject({ sandbox: true, host, apiKeys: [] });
    }
    expect(loadConfig({ HOST: '0.0.0.0', API_KEYS: 'a-client-api-key-0001' })).toMatchObject({ sandbox: true, host: '0.0.0.0' });
    // A configured vendor is not the sandbox: API_KEYS stays optional outside production.
    expect(loadConfig({ HOST: '0.0.0.0', DAILY_API_KEY: 'k' })).toMatchObject({ sandbox: false, host: '0.0.0.0' });
  });

  it('never puts a credential value in its error message', () => {
    expect(() => loadConfig({ ZOOM_API_SECRET: 'super-secret-value' })).toThrow(/ZOOM_API_KEY/);
    try {
      loadConfig({ ZOOM_API_SECRET: 'super-secret-value' });
    } catch (error) {
      expect((error as Error).message).not.toContain('super-secret-value');
    }
  });

  it('reads API_KEYS as a comma-separated list', () => {
    expect(loadConfig({ API_KEYS: ' aaaaaaaaaaaaaaaa , bbbbbbbbbbbbbbbbbbbb ' }).apiKeys).toEqual([
      'aaaaaaaaaaaaaaaa',
      'bbbbbbbbbbbbbbbbbbbb',
    ]);
  });

  it('reads the listing settings: the cursor secret, kept out of error messages, and the sandbox size', () => {
    const secret = 'a-cursor-secret-of-at-least-32-chars!';
    expect(loadConfig({ CURSOR_SECRET: secret, SANDBOX_RECORDINGS_PER_VENDOR: '10000' })).toMatchObject({
      cursorSecret: secret,
      sandboxRecordingsPerVendor: 10_000,
    });
    expect(loadConfig({})).toMatchObject({ sandboxRecordingsPerVendor: 0 });
    expect(loadConfig({}).cursorSecret).toBeUndefined();
    expect(() => loadConfig({ CURSOR_SECRET: 'short-secret' })).toThrow(/at least 32/);
    expect(() => loadConfig({ CURSOR_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('serves the playground except in production, unless PLAYGROUND says otherwise', () => {
    const prod = { NODE_ENV: 'production', API_KEYS: 'aaaaaaaaaaaaaaaa', DAILY_API_KEY: 'k' };
    expect(loadConfig({}).playground).toBe(true);
    expect(loadConfig(prod).playground).toBe(false);
    expect(loadConfig({ ...prod, PLAYGROUND: 'on' }).playground).toBe(true);
    expect(loadConfig({ PLAYGROUND: 'OFF' }).playground).toBe(false);
    expect(() => loadConfig({ PLAYGROUND: 'yes' })).toThrow(/PLAYGROUND: must be on or off/);
  });

  it('logs pretty only for a person at a terminal in development, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test' }, true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: must be json or pretty/);
  });

  it("reads VENDOR_REQUEST_TIMEOUT_MS as every vendor's request deadline, 30 s by default", () => {
    expect(loadConfig({ DAILY_API_KEY: 'k' }).providers.daily?.timeouts.requestMs).toBe(30_000);
    expect(loadConfig({ DAILY_API_KEY: 'k', ...SW, VENDOR_REQUEST_TIMEOUT_MS: '2500' }).providers.signalwire?.timeouts.requestMs).toBe(
      2_500,
    );
    expect(() => loadConfig({ VENDOR_REQUEST_TIMEOUT_MS: '0' })).toThrow(/VENDOR_REQUEST_TIMEOUT_MS/);
  });

  it('waits SHUTDOWN_GRACE_MS for requests in flight on shutdown', () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '2500' }).shutdownGraceMs).toBe(2_500);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});
