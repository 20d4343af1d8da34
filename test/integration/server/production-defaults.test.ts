import { request } from 'undici';
import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/app-config';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { gql } from '../../support/graphql-client';

const KEY = 'production-client-key-0123456789';

describe('production defaults', () => {
  let sandbox: Sandbox;
  let prod: RunningApp;
  let dev: RunningApp;
  const auth = { authorization: `Bearer ${KEY}` };

  beforeAll(async () => {
    sandbox = await startSandbox();
    const p = sandbox.providers.daily;
    prod = await startApp(
      loadConfig({
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'silent',
        API_KEYS: KEY,
        DAILY_API_KEY: p.apiKey,
        DAILY_API_URL: p.baseUrl,
      }),
    );
    dev = await startApp(
      loadConfig({ NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'silent', DAILY_API_KEY: p.apiKey, DAILY_API_URL: p.baseUrl }),
    );
  });
  afterAll(async () => {
    await Promise.all([prod.close(), dev.close()]);
    await sandbox.close();
  });

  it('turns introspection off in production, on in development', async () => {
    const q = '{ __schema { types { name } } }';
    expect((await gql(prod.url, q, undefined, auth)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await gql(dev.url, q)).body.errors).toBeUndefined();
  });

  it('gives no field suggestions in production', async () => {
    const q = '{ recordng(id: "x") { id } }';
    expect((await gql(prod.url, q, undefined, auth)).body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect((await gql(dev.url, q)).body.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('refuses simple GET requests that could be cross-site (CSRF prevention)', async () => {
    const res = await request(`${prod.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: auth });
    expect(res.statusCode).toBe(400);
    await res.body.dump();
  });

  it('applies CSRF prevention in development too: a GET runs with the header docs/limits.md names', async () => {
    const url = `${dev.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const bare = await request(url);
    expect(bare.statusCode).toBe(400);
    expect(((await bare.body.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
    const preflighted = await request(url, { headers: { 'apollo-require-preflight': '1' } });
    expect(preflighted.statusCode).toBe(200);
    expect(await preflighted.body.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('caps the request body size', async () => {
    const body = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(300_000) } });
    const res = await request(`${prod.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body });
    expect(res.statusCode).toBe(413);
    await res.body.dump();
  });

  it('serves no landing page in production', async () => {
    const res = await request(`${prod.url}/graphql`, { headers: { accept: 'text/html', ...auth } });
    expect(res.statusCode).toBe(400);
    expect(await res.body.text()).not.toMatch(/<html/i);
  });
});
