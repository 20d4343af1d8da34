import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from '../../../src/app-config';

describe('the configuration table', () => {
  it('lists exactly the variables loadConfig reads', () => {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get(_target, key) {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    });
    loadConfig(env);
    // With every vendor enabled, the vendor-specific variables are read too.
    const full: Record<string, string> = {
      DAILY_API_KEY: 'k',
      SIGNALWIRE_PROJECT_ID: '720796a0-8ee9-4350-83bd-2d07a3121f1e',
      SIGNALWIRE_API_TOKEN: 't',
      SIGNALWIRE_SPACE_URL: 'https://x.signalwire.com',
      ZOOM_API_KEY: 'k',
      ZOOM_API_SECRET: 's',
      BIRD_ACCESS_KEY: 'a',
      BIRD_WORKSPACE_ID: '8bc02f53-87ac-48d2-b4fd-c2cf856a305f',
      CLOUDFLARE_API_TOKEN: 't',
      CLOUDFLARE_ACCOUNT_ID: 'a',
      CLOUDFLARE_APP_ID: 'b',
    };
    loadConfig(new Proxy(full, { get: (t, key) => (typeof key === 'string' ? (read.add(key), t[key]) : undefined) }));
    expect([...read].sort()).toEqual(CONFIG_VARIABLES.map((v) => v.name).sort());
  });

  it('is documented in docs/configuration.md, every variable with its default', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'configuration.md'), 'utf8');
    for (const v of CONFIG_VARIABLES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${v.name}\` |`));
      expect(row).toBeDefined();
      if (v.default !== undefined) expect(row).toContain(`\`${v.default}\``);
    }
  });
});
