import { request } from 'undici';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

const KEY = 'api-key-scope-test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
/** What Chromium sends when a person opens the URL. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
/** A GraphQL-over-HTTP GET: a GraphQL accept type, and the header Apollo's CSRF prevention asks of GETs. */
const GRAPHQL_GET = { accept: 'application/graphql-response+json', 'apollo-require-preflight': '1' };
const TYPENAME = encodeURIComponent('{ __typename }');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

async function send(
  url: string,
  init: { method?: 'GET' | 'POST' | 'HEAD' | 'OPTIONS'; headers?: Record<string, string>; query?: string } = {},
): Promise<Answer> {
  const post = init.query !== undefined;
  const res = await request(url, {
    method: init.method ?? (post ? 'POST' : 'GET'),
    headers: { ...(post ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: post ? JSON.stringify({ query: init.query }) : undefined,
  });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

/** A 401 in the API's own shape, with no GraphQL data in it. */
function expectRefused(answer: Answer): void {
  expect(answer.status).toBe(401);
  expect(answer.headers['www-authenticate']).toBe('Bearer');
  expect(answer.headers['cache-control']).toBe('no-store');
  const body = JSON.parse(answer.body);
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
}

/**
 * With API_KEYS set, the key guards the GraphQL route that Apollo Server answers, however its
 * URL is spelled, and nothing else: not the probes, not the playground page or its files.
 */
describe('API key scope', () => {
  let running: SandboxApp;
  let noPlayground: SandboxApp;
  let url: string;
  const daily = demoRecordings().daily[0];

  beforeAll(async () => {
    running = await startSandboxApp({ API_KEYS: KEY, PLAYGROUND: 'on' });
    noPlayground = await startSandboxApp({ API_KEYS: KEY, PLAYGROUND: 'off' });
    url = running.app.url;
  });
  afterAll(async () => {
    await Promise.all([running.close(), noPlayground.close()]);
  });
  it('refuses a GET operation (?query=) without a key, answers it with one', async () => {
    expectRefused(await send(`${url}/graphql?query=${TYPENAME}`, { headers: GRAPHQL_GET }));
    expectRefused(
      await send(`${url}/graphql?query=${TYPENAME}`, { headers: { ...GRAPHQL_GET, authorization: 'Bearer not-the-key-0123456789' } }),
    );
    const ok = await send(`${url}/graphql?query=${TYPENAME}`, { headers: { ...GRAPHQL_GET, ...auth } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a POST to every spelling fastify routes to the GraphQL endpoint, before any vendor call', async () => {
    const query = `{ recording(id: "${recordingGlobalId(daily)}") { id } }`;
    // A query string and a percent-encoded path both reach Apollo's route.
    for (const path of ['/graphql?x=1', '/%67raphql', '/graphql']) {
      running.resetCounters();
      expectRefused(await send(`${url}${path}`, { query }));
      expect(running.vendorCalls()).toBe(0);
      const ok = await send(`${url}${path}`, { query, headers: auth });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body).data.recording.id).toBe(recordingGlobalId(daily));
      expect(running.vendorCalls()).toBeGreaterThan(0);
    }
  });

  it('answers 404 and no data where fastify routes nothing: a trailing slash, a longer name, another case', async () => {
    for (const path of ['/graphql/', '/graphqlfoo', '/GRAPHQL', '//graphql']) {
      for (const headers of [{}, auth]) {
        const res = await send(`${url}${path}`, { query: '{ __typename }', headers });
        expect(res.status).toBe(404);
        expect(JSON.parse(res.body).data).toBeUndefined();
      }
    }
  });

  it('guards the other methods of the GraphQL route too (HEAD, OPTIONS)', async () => {
    for (const method of ['HEAD', 'OPTIONS'] as const) {
      const res = await send(`${url}/graphql`, { method });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('needs no key for /healthz, /readyz and /metrics', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await send(`${url}${path}`)).status).toBe(200);
    }
  });

  it('serves the playground page and its files without a key, also with a query string, and no data with them', async () => {
    for (const path of ['/graphql', `/graphql?query=${TYPENAME}`]) {
      const page = await send(`${url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).not.toContain('"__typename"');
    }
    const js = await send(`${url}/graphql/assets/playground.js`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // A browser Accept that also names a GraphQL type is a GraphQL client: it needs the key.
    expectRefused(
      await send(`${url}/graphql?query=${TYPENAME}`, { headers: { ...GRAPHQL_GET, accept: `text/html, ${GRAPHQL_GET.accept}` } }),
    );
  });

  it('with the playground off, a browser GET is an operation like any other: it needs the key', async () => {
    expectRefused(await send(`${noPlayground.app.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } }));
    expect((await send(`${noPlayground.app.url}/graphql/assets/playground.js`)).status).toBe(404);
  });

  it('keeps x-request-id and cache-control on every answer: refused, routed elsewhere, page, files and probes', async () => {
    const answers: Array<[string, Answer, string]> = [
      ['401 POST', await send(`${url}/graphql`, { query: '{ __typename }', headers: { 'x-request-id': 'scope-1' } }), 'no-store'],
      ['401 GET', await send(`${url}/graphql?query=${TYPENAME}`, { headers: { ...GRAPHQL_GET, 'x-request-id': 'scope-2' } }), 'no-store'],
      ['200 POST', await send(`${url}/graphql`, { query: '{ __typename }', headers: { ...auth, 'x-request-id': 'scope-3' } }), 'no-store'],
      ['404', await send(`${url}/graphql/`, { query: '{ __typename }', headers: { 'x-request-id': 'scope-4' } }), 'no-store'],
      ['page', await send(`${url}/graphql`, { headers: { accept: BROWSER_ACCEPT, 'x-request-id': 'scope-5' } }), 'no-store'],
      // The files are static: unlike every other answer, caches may keep them.
      ['asset', await send(`${url}/graphql/assets/graphiql.css`, { headers: { 'x-request-id': 'scope-6' } }), 'public, max-age=3600'],
      ['healthz', await send(`${url}/healthz`, { headers: { 'x-request-id': 'scope-7' } }), 'no-store'],
      ['readyz', await send(`${url}/readyz`, { headers: { 'x-request-id': 'scope-8' } }), 'no-store'],
      ['metrics', await send(`${url}/metrics`, { headers: { 'x-request-id': 'scope-9' } }), 'no-store'],
    ];
    expect(answers.map(([name, a]) => [name, a.headers['x-request-id'], a.headers['cache-control']])).toEqual(
      answers.map(([name, , cache], i) => [name, `scope-${i + 1}`, cache]),
    );
  });
});
