import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import { loadConfig } from '../../../src/app-config';
import { VENDORS } from '../../../src/providers/vendors';
import { buildAppSchema } from '../../../src/graphql/build-schema';
import type { ProviderRegistry } from '../../../src/providers/provider-registry';
import { createServer, type HttpServer } from '../../../src/server/create-server';
import { gql } from '../../support/graphql-client';
import { inMemoryVendor, recordingOf } from '../../support/in-memory-vendor';

/** pino's numeric levels: debug is 20, info 30, warn 40, error 50. */
const INFO = 30;

/**
 * What any key holder can send that is wrong: an operation type this API does not have,
 * malformed federation representations, a body that is no GraphQL request. Each is a client
 * error with a 4xx-class code in the GraphQL error shape, and none writes a log line above
 * debug (so nobody can flood the error log).
 */
describe('client errors: coded, in the GraphQL shape, logged at debug at most', () => {
  let server: HttpServer;
  const logLines: Array<{ level: number; msg?: string }> = [];
  const daily = inMemoryVendor({
    name: 'daily',
    recordings: [recordingOf('daily', 'd1', { startedAt: new Date(0), createdAt: new Date(0), status: 'READY', session: 's' })],
    pageSize: 2,
    honoursLimit: true,
  });

  beforeAll(async () => {
    const providers: ProviderRegistry = { daily: daily.provider };
    const logStream = { write: (line: string) => void logLines.push(JSON.parse(line) as { level: number }) };
    server = await createServer(loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'trace' }), await buildAppSchema(), providers, {
      cursorKey: randomBytes(32),
      vendors: VENDORS,
      logStream,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    logLines.length = 0;
  });
  afterEach(() => {
    // fastify's own request/response lines are at info; nothing about the error may be above debug.
    expect(
      logLines.filter((l) => l.level > INFO || (l.level === INFO && !/^(incoming request|request completed)$/.test(l.msg ?? ''))),
    ).toEqual([]);
    expect(daily.calls).toEqual([]);
  });

  it.each([['mutation { x }', 'mutations']])('answers %s with GRAPHQL_VALIDATION_FAILED (HTTP 400)', async (query, what) => {
    const res = await gql(server.url, query);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ message: `This API has no ${what}: send a query.`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
  });

  it('answers a subscription sent over HTTP with GRAPHQL_VALIDATION_FAILED (HTTP 400) naming where subscriptions run', async () => {
    const res = await gql(server.url, 'subscription { recordingEvents { id } }');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Subscriptions run over WebSocket'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it.each<[string, unknown]>([
    ['an empty object', {}],
    ['no id', { __typename: 'Recording' }],
    ['a number for an id', { __typename: 'Recording', id: 5 }],
    ['a type that is no entity', { __typename: 'Query', id: 'x' }],
    ['a string', 'x'],
    ['null', null],
  ])('answers _entities with a malformed representation (%s) with BAD_USER_INPUT', async (_name, representation) => {
    const res = await gql(server.url, 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [representation] });
    const codes = res.body.errors?.map((e) => e.extensions?.code);
    expect(codes?.length).toBeGreaterThan(0);
    for (const code of codes ?? []) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(code);
  });

  async function post(body: string, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
    const res = await request(`${server.url}/graphql`, { method: 'POST', headers, body });
    return { status: res.statusCode, json: await res.body.json() };
  }

  it.each<[string, string, Record<string, string>, number]>([
    ['an empty body', '', { 'content-type': 'application/json' }, 400],
    ['a body that is not JSON', '{"query": ', { 'content-type': 'application/json' }, 400],
    ['no content type', '{"query":"{ __typename }"}', {}, 415],
    [
      'a body over the limit',
      JSON.stringify({ query: `{ __typename }${' '.repeat(300 * 1024)}` }),
      { 'content-type': 'application/json' },
      413,
    ],
  ])('answers %s in the GraphQL error shape with extensions.code', async (_name, body, headers, status) => {
    const res = await post(body, headers);
    expect(res.status).toBe(status);
    expect(res.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
  });
});
