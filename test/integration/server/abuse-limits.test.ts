import type { RunningApp } from '../../../src/app';
import { recordingGlobalId } from '../../../src/loaders/create-loaders';
import { demoRecordings } from '../../../src/sandbox/demo-data';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { gql } from '../../support/graphql-client';

describe('abuse limits, checked before any vendor call', () => {
  let app: RunningApp;
  const daily = demoRecordings().daily;

  let running: SandboxApp;

  beforeAll(async () => {
    running = await startSandboxApp();
    ({ app } = running);
  });
  afterAll(() => running.close());
  beforeEach(() => running.resetCounters());

  const sessionId = `gid://recording-graph/Session/daily/${daily[0].sessionKey!.map(encodeURIComponent).join('/')}`;
  const nest = (levels: number) => {
    let q = 'id';
    for (let i = 0; i < levels; i++) q = `session { recordings { ${q} } }`;
    return `{ session(id: "${sessionId}") { recordings { ${q} } } }`;
  };

  it.each([
    ['depth', nest(5), /depth limit of 10/],
    ['aliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: session(id: "${sessionId}") { id }`).join(' ')} }`, /aliases limit of 30/i],
    ['directives', `{ __typename ${'@include(if: true) '.repeat(11)} }`, /directives limit of 10/i],
    ['tokens', `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`, /more than 2000 tokens/i],
  ])('rejects a query over the %s limit with QUERY_TOO_COMPLEX naming the limit', async (_name, query, message) => {
    const res = await gql(app.url, query);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0]?.message).toMatch(message);
    expect(running.vendorCalls()).toBe(0);
  });

  it('rejects a query that could mint more than 200 links, counting list multipliers', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => recordingGlobalId(daily[i % daily.length]));
    const viaNodes = await gql(app.url, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { accessLink { url } } } }`, { ids });
    expect(viaNodes.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(viaNodes.body.errors?.[0]?.message).toMatch(/201 access links; the limit is 200/);
    const sessions = Array.from({ length: 11 }, (_, i) => `s${i}: session(id: "${sessionId}") { recordings { accessLink { url } } }`).join(' ');
    const viaSessions = await gql(app.url, `{ ${sessions} }`);
    expect(viaSessions.body.errors?.[0]?.message).toMatch(/220 access links/);
    expect(running.vendorCalls()).toBe(0);
  });

  it('lets a query within every limit through', async () => {
    const ids = daily.slice(0, 10).map(recordingGlobalId);
    const res = await gql(app.url, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { accessLink { url } } } }`, { ids });
    expect(res.status).toBe(200);
    expect(res.body.errors?.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? []).toEqual([]);
  });
});
