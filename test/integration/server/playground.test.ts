import { request } from 'undici';
import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/app-config';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { gql } from '../../support/graphql-client';

const KEY = 'playground-test-key-0123456789';
/** What Chromium sends when a person opens the URL. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const res = await request(url, { headers });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

/** The settings the page hands its bootstrap script, from the JSON data block. */
function pageConfig(html: string): { tabs: Array<{ query: string; variables?: string; headers?: string }>; headers: string | null } {
  const m = /<script id="playground-config" type="application\/json">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no playground-config block in the page');
  return JSON.parse(m[1]);
}

/** Which servers serve the playground, and what it needs from them (the browser test is test/e2e/playground.e2e.test.ts). */
describe('playground over HTTP', () => {
  let sandbox: Sandbox;
  const apps: RunningApp[] = [];
  const start = async (env: Record<string, string>): Promise<RunningApp> => {
    const p = sandbox.providers.daily;
    const app = await startApp(
      loadConfig({ PORT: '0', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', DAILY_API_KEY: p.apiKey, DAILY_API_URL: p.baseUrl, ...env }),
    );
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await sandbox.close();
  });

  it('is on in development: a browser gets the page, GraphQL clients still get GraphQL over HTTP', async () => {
    const app = await start({ NODE_ENV: 'development' });
    const page = await get(`${app.url}/graphql`, { accept: BROWSER_ACCEPT });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).not.toMatch(/<script>|<style|https?:\/\//);
    expect(pageConfig(page.body).headers).toBeNull();
    expect(pageConfig(page.body).tabs[0].query).toMatch(/query Recording/);

    const viaGet = await get(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      accept: 'application/graphql-response+json',
      'apollo-require-preflight': '1',
    });
    expect(viaGet.status).toBe(200);
    expect(JSON.parse(viaGet.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves its files from the installed packages, and nothing else under /graphql/assets', async () => {
    const app = await start({ NODE_ENV: 'development' });
    const js = await get(`${app.url}/graphql/assets/graphiql.js`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('GraphiQL');
    expect((await get(`${app.url}/graphql/assets/graphiql.css`)).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get(`${app.url}/graphql/assets/react.js`)).status).toBe(200);
    expect((await get(`${app.url}/graphql/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await get(`${app.url}/graphql/assets/index.ts`)).status).toBe(404);
  });

  it('is off in production unless PLAYGROUND=on, and off wherever PLAYGROUND=off', async () => {
    const prod = await start({ NODE_ENV: 'production', API_KEYS: KEY });
    const prodPage = await get(`${prod.url}/graphql`, { accept: BROWSER_ACCEPT, authorization: `Bearer ${KEY}` });
    expect(prodPage.headers['content-type']).not.toMatch(/text\/html/);
    expect((await get(`${prod.url}/graphql/assets/graphiql.js`, { authorization: `Bearer ${KEY}` })).status).toBe(404);

    const off = await start({ NODE_ENV: 'development', PLAYGROUND: 'off' });
    expect((await get(`${off.url}/graphql`, { accept: BROWSER_ACCEPT })).headers['content-type']).not.toMatch(/text\/html/);

    const on = await start({ NODE_ENV: 'production', API_KEYS: KEY, PLAYGROUND: 'on' });
    expect((await get(`${on.url}/graphql`, { accept: BROWSER_ACCEPT })).status).toBe(200);
  });

  it('with API_KEYS: the page and its files need no key, shows an Authorization placeholder, and queries still need a key', async () => {
    const app = await start({ NODE_ENV: 'development', API_KEYS: KEY });
    const page = await get(`${app.url}/graphql`, { accept: BROWSER_ACCEPT });
    expect(page.status).toBe(200);
    const config = pageConfig(page.body);
    expect(JSON.parse(config.headers!)).toEqual({ Authorization: 'Bearer <one of API_KEYS>' });
    expect(config.tabs.every((t) => t.headers === config.headers)).toBe(true);
    expect(page.body).not.toContain(KEY);
    const asset = await get(`${app.url}/graphql/assets/playground.js`);
    expect(asset.status).toBe(200);
    // The files are static: unlike every other answer (no-store), caches may keep them.
    expect(asset.headers['cache-control']).toBe('public, max-age=3600');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await gql(app.url, '{ __typename }')).status).toBe(401);
    expect((await gql(app.url, '{ __typename }', undefined, { authorization: `Bearer ${KEY}` })).body.data).toEqual({
      __typename: 'Query',
    });
  });
});
