import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/app-config';
import { VENDORS } from '../../../src/providers/vendors';
import { buildAppSchema } from '../../../src/graphql/build-schema';
import { encodeGlobalId } from '../../../src/ids/global-id';
import { createDailyProvider } from '../../../src/providers/daily';
import { createServer, type HttpServer } from '../../../src/server/create-server';
import { startEmulator, type Emulator } from '../../../src/sandbox/emulator';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
import { gql } from '../../support/graphql-client';

const SESSION = '257764e6-c74e-4c30-944a-a887a03173a3';
/** Ids and a room name outside Daily's documented pattern (letters, digits, `-` and `_`), as a vendor list may return them. */
const ODD = [
  { id: 'rec.with.dots', room_name: 'Room With Space' },
  { id: 'rec~tilde+plus', room_name: 'Room With Space' },
];
const recording = (r: (typeof ODD)[number], i: number) => ({
  ...r,
  start_ts: 1_700_000_000 - i,
  status: 'finished',
  duration: 60,
  mtgSessionId: SESSION,
  tracks: [],
});

/**
 * Every id the server hands out round-trips, a vendor id outside its documented pattern
 * included, while an id a client writes by hand keeps the strict checks.
 */
describe('ids the server hands out', () => {
  let emulator: Emulator;
  let server: HttpServer;

  beforeAll(async () => {
    emulator = await startEmulator({
      vendor: 'daily',
      authorize: () => null,
      notFound: () => ({ status: 404, body: { error: 'not-found' } }),
      routes: [
        {
          name: 'recordings.list',
          method: 'GET',
          pattern: /^\/v1\/recordings$/,
          handle: () => ({ status: 200, body: { total_count: ODD.length, data: ODD.map(recording) } }),
        },
        {
          name: 'recordings.get',
          method: 'GET',
          pattern: /^\/v1\/recordings\/([^/]+)$/,
          handle: (_req, [raw]) => {
            const i = ODD.findIndex((r) => r.id === decodeURIComponent(raw));
            return i === -1 ? { status: 404, body: { error: 'not-found' } } : { status: 200, body: recording(ODD[i], i) };
          },
        },
      ],
    });
    const daily = createDailyProvider({ ...sandboxCommon('daily', `${emulator.url}/v1`), apiKey: 'k' });
    server = await createServer(
      loadConfig({ NODE_ENV: 'test', PORT: '0' }),
      await buildAppSchema(),
      { daily },
      { cursorKey: randomBytes(32), vendors: VENDORS },
    );
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  it('accepts back the ids of recordings and sessions whose vendor ids are outside the documented pattern', async () => {
    const page = await gql<{ recordings: { nodes: Array<{ id: string; nativeId: string; session: { id: string } }> } }>(
      server.url,
      '{ recordings(first: 5) { nodes { id nativeId session { id } } } }',
    );
    expect(page.body.errors).toBeUndefined();
    const nodes = page.body.data!.recordings.nodes;
    expect(nodes.map((n) => n.nativeId)).toEqual(ODD.map((r) => r.id));
    for (const node of nodes) {
      const again = await gql<{ node: { id: string; nativeId: string } }>(
        server.url,
        'query($id: ID!) { node(id: $id) { id ... on Recording { nativeId } } }',
        { id: node.id },
      );
      expect(again.body).toEqual({ data: { node: { id: node.id, nativeId: node.nativeId } } });
      const session = await gql<{ session: { id: string } }>(server.url, 'query($id: ID!) { session(id: $id) { id } }', {
        id: node.session.id,
      });
      expect(session.body).toEqual({ data: { session: { id: node.session.id } } });
    }
  });

  it('keeps the strict checks for ids written by hand: the readable form of such an id, and unsafe keys in the issued form, are BAD_USER_INPUT with no vendor call', async () => {
    emulator.resetCounters();
    const ids = [
      'gid://recording-graph/Recording/daily/rec.with.dots',
      encodeGlobalId('Recording', 'daily', ['..'], true),
      encodeGlobalId('Recording', 'daily', ['a/../../b'], true),
      encodeGlobalId('Session', 'daily', ['room', 'x\u0000y'], true),
      'gid://recording-graph/Recording/daily/~not*base64',
    ];
    for (const id of ids) {
      const res = await gql(server.url, 'query($id: ID!) { node(id: $id) { id } }', { id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(emulator.totalCalls()).toBe(0);
  });
});
