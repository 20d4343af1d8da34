import type { RunningApp } from '../../../src/app';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
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
    [
      'aliases',
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: session(id: "${sessionId}") { id }`).join(' ')} }`,
      /aliases limit of 30/i,
    ],
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
    expect(viaNodes.status).toBe(400);
    expect(viaNodes.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(viaNodes.body.errors?.[0]?.message).toMatch(/201 access links; the limit is 200/);
    const sessions = Array.from({ length: 11 }, (_, i) => `s${i}: session(id: "${sessionId}") { recordings { accessLink { url } } }`).join(
      ' ',
    );
    const viaSessions = await gql(app.url, `{ ${sessions} }`);
    expect(viaSessions.body.errors?.[0]?.message).toMatch(/220 access links/);
    expect(running.vendorCalls()).toBe(0);
  });

  it('measures one query text again for each list it is sent with: a small list first does not let a big one through', async () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { accessLink { url } } } }`;
    const small = await gql(app.url, query, { ids: [recordingGlobalId(daily[0])] });
    expect(small.body.errors).toBeUndefined();
    const big = await gql(app.url, query, { ids: Array.from({ length: 201 }, (_, i) => recordingGlobalId(daily[i % daily.length])) });
    expect(big.body.errors?.[0]?.message).toMatch(/201 access links; the limit is 200/);
  });

  it('counts federation _entities by its representations in the link budget', async () => {
    const representations = Array.from({ length: 1000 }, (_, i) => ({
      __typename: 'Recording',
      id: recordingGlobalId(daily[i % daily.length]),
    }));
    const res = await gql(app.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Recording { accessLink { url } } } }`, {
      r: representations,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(res.body.errors?.[0]?.message).toMatch(/1000 access links; the limit is 200/);
    expect(running.vendorCalls()).toBe(0);
  });

  describe('the object budget (recordings and sessions fetched or listed)', () => {
    async function overObjects(query: string, variables: Record<string, unknown> | undefined, objects: number) {
      const res = await gql(app.url, query, variables);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
      expect(res.body.errors?.[0]?.message).toMatch(new RegExp(`up to ${objects} recordings and sessions; the limit is 1000`));
      expect(running.vendorCalls()).toBe(0);
    }

    it('refuses 30 aliases of nodes(ids:) with 250 ids each, ids in variables, no link asked', async () => {
      const ids = Array.from({ length: 250 }, (_, i) => recordingGlobalId(daily[i % daily.length]));
      // One variable for all 30 (30 distinct ones would pass the 256 KiB body cap first); the cost is the same.
      const query = `query($ids: [ID!]!) { ${Array.from({ length: 30 }, (_, i) => `v${i}: nodes(ids: $ids) { id }`).join(' ')} }`;
      await overObjects(query, { ids }, 7500);
    });

    it('refuses 30 aliases of recordings(first: 100)', () =>
      overObjects(
        `{ ${Array.from({ length: 30 }, (_, i) => `p${i}: recordings(first: 100) { nodes { id } }`).join(' ')} }`,
        undefined,
        3000,
      ));

    it('multiplies through nesting: sessions and their recordings under a page', () =>
      // 50 × (the recording + its session + 20 session recordings)
      overObjects('{ recordings(first: 50) { nodes { session { recordings { id } } } } }', undefined, 1100));

    it('counts federation _entities by its representations', async () => {
      const representations = Array.from({ length: 1001 }, (_, i) => ({
        __typename: 'Recording',
        id: recordingGlobalId(daily[i % daily.length]),
      }));
      await overObjects(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Recording { id } } }`, { r: representations }, 1001);
    });

    it('lets the documented and benchmark queries through and answers them', async () => {
      const ids = Array.from({ length: 100 }, (_, i) => recordingGlobalId(daily[i % daily.length]));
      const many = await gql(
        app.url,
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { status session { name } accessLink { url expiresAt } } } }`,
        { ids },
      );
      expect(many.status).toBe(200);
      // Some demo recordings have no file to link (a coded error at their index), none is over a limit.
      expect(many.body.errors?.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? []).toEqual([]);
      expect((many.body.data as { nodes: unknown[] }).nodes).toHaveLength(100);
      const page = await gql(
        app.url,
        '{ recordings(first: 100) { edges { cursor node { id session { name } } } pageInfo { hasNextPage } } }',
      );
      expect(page.status).toBe(200);
      expect(page.body.errors ?? []).toEqual([]);
      expect((page.body.data as { recordings: { edges: unknown[] } }).recordings.edges.length).toBeGreaterThan(0);
      expect(running.vendorCalls()).toBeGreaterThan(0);
    });
  });

  describe('fails closed: a query whose cost cannot be measured is refused', () => {
    // Fragments spread inside fragments: 25 × 25 × 25 fields from a few hundred characters,
    // within the depth, alias and token limits, more than graphql-query-complexity will walk.
    const fragments = [
      `fragment A on Recording { accessLink { url } ${'...B '.repeat(25)}}`,
      `fragment B on Recording { ${'...C '.repeat(25)}}`,
      `fragment C on Recording { ${'id '.repeat(25)}}`,
    ].join(' ');
    const ids = Array.from({ length: 250 }, (_, i) => recordingGlobalId(daily[i % daily.length]));

    it.each([
      ['once', 1],
      ['in 20 aliases', 20],
    ])('refuses the fragment-padded query (%s) with QUERY_TOO_COMPLEX and no vendor call', async (_name, aliases) => {
      const selections = Array.from({ length: aliases }, (_, i) => `n${i}: nodes(ids: $ids) { ...A }`).join(' ');
      const res = await gql(app.url, `query($ids: [ID!]!) { ${selections} } ${fragments}`, { ids });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
      expect(res.body.errors?.[0]?.message).toMatch(/could not be measured/);
      expect(res.body.data).toBeUndefined();
      expect(running.vendorCalls()).toBe(0);
    });

    it('still leaves variables that do not fit their types to execution: BAD_USER_INPUT, no vendor call', async () => {
      const res = await gql(app.url, `query($ids: [ID!]!) { nodes(ids: $ids) { ...A } } ${fragments}`, { ids: [{ not: 'an id' }] });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(running.vendorCalls()).toBe(0);
    });
  });

  it('lets a query within every limit through', async () => {
    const ids = daily.slice(0, 10).map(recordingGlobalId);
    const res = await gql(app.url, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { accessLink { url } } } }`, { ids });
    expect(res.status).toBe(200);
    expect(res.body.errors?.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? []).toEqual([]);
  });
});
