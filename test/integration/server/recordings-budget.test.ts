import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import type { ProviderRegistry } from '../../../src/providers/provider-registry';
import { inMemoryVendor, recordingOf } from '../../support/in-memory-vendor';
import { inProcessServer, type InProcessServer } from '../../support/in-process-server';

/**
 * What `Query.recordings` decides before any vendor call: the link budget by page size, and
 * vendors the filter names that this server has none of. Run in process against in-memory
 * vendors that count their calls: HTTP adds nothing to either.
 */
const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));

describe('the link budget counts Query.recordings by its page size', () => {
  const vendors = PROVIDER_NAMES.map((name) =>
    inMemoryVendor({
      name,
      recordings: [recordingOf(name, `${name}-1`, { startedAt: at(1), createdAt: at(1), status: 'READY', session: 's' })],
      pageSize: 10,
      honoursLimit: true,
    }),
  );
  let server: InProcessServer;
  beforeAll(async () => {
    server = await inProcessServer(Object.fromEntries(vendors.map((v) => [v.provider.name, v.provider])) as ProviderRegistry);
  });
  afterAll(() => server.stop());
  beforeEach(() => vendors.forEach((v) => (v.calls.length = 0)));
  const vendorCalls = () => vendors.reduce((n, v) => n + v.calls.length, 0);

  async function tooComplex(query: string, links: number) {
    const res = await server.execute({ query });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`up to ${links} access links`));
    expect(vendorCalls()).toBe(0);
  }

  it('refuses links under sessions under a page of 100 (100 × 20 session recordings + 100)', () =>
    tooComplex('{ recordings(first: 100) { nodes { accessLink { url } session { recordings { accessLink { url } } } } } }', 2100));

  it('counts the default page size, 20, when first is not given', () =>
    tooComplex('{ recordings { edges { node { session { recordings { accessLink { url } } } } } } }', 400));

  it('counts edges and nodes both, and several listings together', () =>
    tooComplex(
      '{ a: recordings(first: 100) { nodes { accessLink { url } } } b: recordings(first: 60) { edges { node { accessLink { url } } } nodes { accessLink { url } } } }',
      220,
    ));

  it('lets a page of 100 with one link each through', async () => {
    const res = await server.execute({ query: '{ recordings(first: 100) { edges { node { id } } nodes { id } } }' });
    expect(res.errors ?? []).toEqual([]);
    expect(vendorCalls()).toBeGreaterThan(0);
    const withLinks = await server.execute({
      query: '{ recordings(first: 100) { edges { node { accessLink { url } } } nodes { accessLink { url } } } }',
    });
    expect(withLinks.errors?.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? []).toEqual([]);
  });
});

describe('Query.recordings: a vendor the filter names but this server does not have', () => {
  const daily = inMemoryVendor({
    name: 'daily',
    recordings: [recordingOf('daily', 'd1', { startedAt: at(1), createdAt: at(1), status: 'READY', session: 's' })],
    pageSize: 10,
    honoursLimit: true,
  });
  let server: InProcessServer;
  beforeAll(async () => {
    server = await inProcessServer({ daily: daily.provider });
  });
  afterAll(() => server.stop());

  it('answers for the others and adds a PROVIDER_NOT_CONFIGURED error naming it, at the field', async () => {
    const res = await server.execute<{ recordings: { nodes: Array<{ nativeId: string }> } }>({
      query: '{ recordings(first: 5, filter: { providers: [DAILY, ZOOM] }) { nodes { nativeId } } }',
    });
    expect(res.data?.recordings).toEqual({ nodes: [{ nativeId: 'd1' }] });
    expect(res.errors).toContainEqual({
      message: 'Zoom Video SDK is not configured on this server.',
      path: ['recordings'],
      extensions: { code: 'PROVIDER_NOT_CONFIGURED', provider: 'zoom' },
    });
  });

  it('refuses a session of a vendor that is not configured, before calling any', async () => {
    daily.calls.length = 0;
    const res = await server.execute({
      query: '{ recordings(filter: { sessionId: "gid://recording-graph/Session/zoom/abc" }) { pageInfo { hasNextPage } } }',
    });
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'PROVIDER_NOT_CONFIGURED', provider: 'zoom' });
    expect(daily.calls).toHaveLength(0);
  });
});
