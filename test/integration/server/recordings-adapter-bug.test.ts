import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/app-config';
import { VENDORS } from '../../../src/providers/vendors';
import { buildAppSchema } from '../../../src/graphql/build-schema';
import type { ProviderRegistry } from '../../../src/providers/provider-registry';
import { createServer } from '../../../src/server/create-server';
import { gql } from '../../support/graphql-client';
import { inMemoryVendor, recordingOf } from '../../support/in-memory-vendor';
import { inProcessServer, type InProcessServer } from '../../support/in-process-server';

/**
 * An adapter that throws something without a code (a bug) while listing: the page still
 * holds the other vendors' recordings, and the error names the vendor without leaking what
 * was thrown. In-memory adapters behind the real Apollo server, in process: no emulator can
 * throw a TypeError, and HTTP adds nothing here.
 */
describe('Query.recordings with an adapter that fails without a code', () => {
  let server: InProcessServer;
  let providers: ProviderRegistry;
  beforeEach(() => {
    server.errorLines.length = 0;
  });
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  const daily = inMemoryVendor({
    name: 'daily',
    recordings: [1, 2, 3].map((m) => recordingOf('daily', `d${m}`, { startedAt: at(m), createdAt: at(m), status: 'READY', session: 's' })),
    pageSize: 2,
    honoursLimit: true,
  });

  beforeAll(async () => {
    const bug = () => Promise.reject(new TypeError('secret internals: token=abc'));
    const broken = { ...daily.provider, name: 'zoom' as const, listRecordings: bug, getRecordings: bug };
    providers = { daily: daily.provider, zoom: broken };
    server = await inProcessServer(providers);
  });
  afterAll(() => server.stop());

  it('answers with the other vendors and an INTERNAL_SERVER_ERROR naming the broken one', async () => {
    const res = await server.execute<{ recordings: { nodes: Array<{ nativeId: string }>; pageInfo: { hasNextPage: boolean } } }>({
      query: '{ recordings(first: 5) { nodes { nativeId } pageInfo { hasNextPage } } }',
    });
    expect(res.data?.recordings).toEqual({
      nodes: [{ nativeId: 'd3' }, { nativeId: 'd2' }, { nativeId: 'd1' }],
      pageInfo: { hasNextPage: false },
    });
    expect(res.errors).toEqual([
      {
        message: 'Zoom Video SDK failed while listing recordings (internal error).',
        path: ['recordings'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', provider: 'zoom' },
      },
    ]);
    expect(JSON.stringify(res)).not.toContain('secret internals');
  });

  it("logs the adapter's failure by name only, on a line carrying the request's id", async () => {
    const res = await server.execute({ query: '{ recordings(first: 5) { nodes { nativeId } } }' }, { id: 'req-adapter-bug-1' });
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(server.errorLines).toEqual([
      expect.objectContaining({
        reqId: 'req-adapter-bug-1',
        provider: 'zoom',
        err: { name: 'TypeError' },
        msg: 'a vendor adapter failed without a code',
      }),
    ]);
    expect(JSON.stringify(server.errorLines)).not.toContain('secret internals');
  });

  it("logs an error it masks on a line carrying the request's id", async () => {
    const res = await server.execute(
      { query: '{ recording(id: "gid://recording-graph/Recording/zoom/z1") { id } }' },
      { id: 'req-masked-1' },
    );
    expect(res.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(server.errorLines).toEqual([
      expect.objectContaining({
        reqId: 'req-masked-1',
        err: { name: 'TypeError' },
        path: ['recording'],
        msg: 'masked an error without a code',
      }),
    ]);
    expect(JSON.stringify(server.errorLines)).not.toContain('secret internals');
  });

  it("over HTTP, logs with the request's x-request-id", async () => {
    const logLines: Array<Record<string, unknown>> = [];
    const logStream = { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) };
    const http = await createServer(loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'error' }), await buildAppSchema(), providers, {
      cursorKey: randomBytes(32),
      vendors: VENDORS,
      logStream,
    });
    try {
      await gql(http.url, '{ recording(id: "gid://recording-graph/Recording/zoom/z1") { id } }', undefined, {
        'x-request-id': 'req-masked-http',
      });
      expect(logLines).toEqual([expect.objectContaining({ reqId: 'req-masked-http', msg: 'masked an error without a code' })]);
    } finally {
      await http.close();
    }
  });
});
