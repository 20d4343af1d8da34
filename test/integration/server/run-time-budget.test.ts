import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'undici';
import { loadConfig } from '../../../src/app-config';
import { VENDORS } from '../../../src/providers/vendors';
import { buildAppSchema } from '../../../src/graphql/build-schema';
import { createSignalWireProvider } from '../../../src/providers/signalwire';
import { createServer, type HttpServer } from '../../../src/server/create-server';
import { startEmulator, type Emulator } from '../../../src/sandbox/emulator';
import { recordingBody } from '../../../src/sandbox/signalwire/signalwire.seed';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
import { gql } from '../../support/graphql-client';

const PROJECT = '720796a0-8ee9-4350-83bd-2d07a3121f1e';
/** Ten calls of 50 recordings each: the static estimate counts a session as 20. */
const CALLS = Array.from({ length: 10 }, () => randomUUID());
const PER_CALL = 50;
const RECORDINGS = CALLS.flatMap((call, c) =>
  Array.from({ length: PER_CALL }, (_, i) =>
    recordingBody({
      sid: randomUUID(),
      projectId: PROJECT,
      sessionSid: call,
      conference: false,
      channels: '1',
      created: 1_700_000_000_000 + c * 1e6 + i * 1e3,
      start: 1_700_000_000_000 + c * 1e6 + i * 1e3,
      duration: 60,
      status: 'completed',
      ended: true,
      source: 'StartCallRecordingApi',
    }),
  ),
);

/**
 * The run-time budget over real HTTP: a query the static estimate lets through (sessions
 * counted as 20 recordings each) but that would need more at run time gets what the budget
 * allows, `null` plus BUDGET_EXCEEDED for the rest, and the metric counts it.
 */
describe('the run-time budget of a request', () => {
  let emulator: Emulator;
  const servers: HttpServer[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({
      vendor: 'signalwire',
      authorize: () => null,
      notFound: () => ({ status: 404, body: { code: 20404, message: 'not found', status: 404 } }),
      routes: [
        {
          name: 'recordings.get',
          method: 'GET',
          pattern: /\/Recordings\/([^/]+)\.json$/,
          handle: (_req, [sid]) => {
            const found = RECORDINGS.find((r) => r.sid === sid);
            return found ? { status: 200, body: found } : { status: 404, body: { code: 20404, message: 'not found', status: 404 } };
          },
        },
        {
          name: 'recordings.list',
          method: 'GET',
          pattern: /\/Recordings(\.json)?$/,
          handle: (req) => ({
            status: 200,
            body: { recordings: RECORDINGS.filter((r) => r.call_sid === req.query.get('CallSid')), next_page_uri: null },
          }),
        },
      ],
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await emulator.close();
  });
  beforeEach(() => emulator.resetCounters());

  async function start(env: Record<string, string> = {}): Promise<HttpServer> {
    const provider = createSignalWireProvider({
      ...sandboxCommon('signalwire', `${emulator.url}/api/laml/2010-04-01`),
      spaceUrl: emulator.url,
      projectId: PROJECT,
      apiToken: 't',
    });
    const server = await createServer(
      loadConfig({ NODE_ENV: 'test', PORT: '0', ...env }),
      await buildAppSchema(),
      { signalwire: provider },
      { cursorKey: randomBytes(32), vendors: VENDORS },
    );
    servers.push(server);
    return server;
  }

  async function budgetMetric(server: HttpServer, limit: string): Promise<number> {
    const res = await request(`${server.url}/metrics`);
    const text = await res.body.text();
    const m = new RegExp(`^request_budget_exceeded_total\\{limit="${limit}"\\} (\\d+)$`, 'm').exec(text);
    return m ? Number(m[1]) : 0;
  }

  it('cuts big sessions at the link budget: 200 links, the other fields null with BUDGET_EXCEEDED, the rest of the answer standing', async () => {
    const server = await start();
    const query = `{ ${CALLS.map((call, i) => `s${i}: session(id: "gid://recording-graph/Session/signalwire/call/${call}") { id recordings { id accessLink { url } } }`).join(' ')} }`;
    const res = await gql<Record<string, { id: string; recordings: Array<{ id: string; accessLink: { url: string } | null }> }>>(
      server.url,
      query,
    );
    expect(res.status).toBe(200);
    const sessions = Object.values(res.body.data!);
    expect(sessions).toHaveLength(10);
    const recordings = sessions.flatMap((s) => s.recordings);
    // Every session and recording is there; only the links past the budget are missing.
    expect(recordings).toHaveLength(CALLS.length * PER_CALL);
    expect(recordings.every((r) => r.id.startsWith('gid://recording-graph/Recording/signalwire/'))).toBe(true);
    expect(recordings.filter((r) => r.accessLink !== null)).toHaveLength(200);
    const errors = res.body.errors ?? [];
    expect(errors).toHaveLength(CALLS.length * PER_CALL - 200);
    for (const error of errors) {
      expect(error).toMatchObject({ extensions: { code: 'BUDGET_EXCEEDED', provider: 'signalwire' } });
      expect(error.path?.at(-1)).toBe('accessLink');
    }
    expect(await budgetMetric(server, 'links')).toBe(1);
  });

  it('makes no vendor call past QUERY_MAX_VENDOR_CALLS: those fields null with BUDGET_EXCEEDED', async () => {
    const server = await start({ QUERY_MAX_VENDOR_CALLS: '3' });
    const ids = RECORDINGS.slice(0, 6).map((r) => `gid://recording-graph/Recording/signalwire/${r.sid}`);
    const res = await gql<{ nodes: Array<{ id: string } | null> }>(server.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(res.body.data!.nodes.filter((n) => n !== null)).toHaveLength(3);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['BUDGET_EXCEEDED', 'BUDGET_EXCEEDED', 'BUDGET_EXCEEDED']);
    expect(emulator.totalCalls()).toBe(3);
    expect(await budgetMetric(server, 'vendor_calls')).toBe(1);
  });

  it('ends the fields still waiting at REQUEST_DEADLINE_MS with BUDGET_EXCEEDED', async () => {
    const server = await start({ REQUEST_DEADLINE_MS: '300' });
    emulator.latencyMs = 2_000;
    try {
      const res = await gql<{ recording: unknown }>(
        server.url,
        `{ recording(id: "gid://recording-graph/Recording/signalwire/${RECORDINGS[0].sid}") { id } }`,
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ recording: null });
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: ['recording'], extensions: { code: 'BUDGET_EXCEEDED', provider: 'signalwire' } }),
      ]);
      expect(await budgetMetric(server, 'deadline')).toBe(1);
    } finally {
      emulator.latencyMs = 0;
    }
  });
});
