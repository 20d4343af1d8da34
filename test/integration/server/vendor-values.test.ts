import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '../../../src/app-config';
import { VENDORS } from '../../../src/providers/vendors';
import { buildAppSchema } from '../../../src/graphql/build-schema';
import { createDailyProvider } from '../../../src/providers/daily';
import { createSignalWireProvider } from '../../../src/providers/signalwire';
import { createServer, type HttpServer } from '../../../src/server/create-server';
import { startEmulator, type Emulator } from '../../../src/sandbox/emulator';
import { recordingBody } from '../../../src/sandbox/signalwire/signalwire.seed';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
import { gql } from '../../support/graphql-client';

const PROJECT = '720796a0-8ee9-4350-83bd-2d07a3121f1e';
/** A recording key the vendor echoes back into its body, as SignalWire's `subresource_uris` keys are the vendor's. */
const VENDOR_TEXT = 'vendor-text-<img src=x onerror=alert(1)>';

/**
 * Vendor values the schema cannot answer: numbers and dates out of range, and vendor text
 * where the documented shape has keys of the vendor's choosing. Each is PROVIDER_BAD_RESPONSE
 * naming the vendor, with a message of ours; never a masked INTERNAL_SERVER_ERROR on a
 * half-written object, never the vendor's text.
 */
describe('vendor values out of range or shape', () => {
  let daily: Emulator;
  let signalwire: Emulator;
  let server: HttpServer;
  const dailyBodies: Record<string, unknown> = {};
  const swBodies: Record<string, unknown> = {};

  beforeAll(async () => {
    daily = await startEmulator({
      vendor: 'daily',
      authorize: () => null,
      notFound: () => ({ status: 404, body: { error: 'not-found' } }),
      routes: [
        {
          name: 'recordings.get',
          method: 'GET',
          pattern: /^\/v1\/recordings\/([^/]+)$/,
          handle: (_req, [id]) => ({ status: 200, body: dailyBodies[id] }),
        },
      ],
    });
    signalwire = await startEmulator({
      vendor: 'signalwire',
      authorize: () => null,
      notFound: () => ({ status: 404, body: { code: 20404, message: 'not found', status: 404 } }),
      routes: [
        {
          name: 'recordings.get',
          method: 'GET',
          pattern: /\/Recordings\/([^/]+)\.json$/,
          handle: (_req, [sid]) => ({ status: 200, body: swBodies[sid] }),
        },
      ],
    });
    const providers = {
      daily: createDailyProvider({ ...sandboxCommon('daily', `${daily.url}/v1`), apiKey: 'k' }),
      signalwire: createSignalWireProvider({
        ...sandboxCommon('signalwire', `${signalwire.url}/api/laml/2010-04-01`),
        spaceUrl: signalwire.url,
        projectId: PROJECT,
        apiToken: 't',
      }),
    };
    server = await createServer(loadConfig({ NODE_ENV: 'test', PORT: '0' }), await buildAppSchema(), providers, {
      cursorKey: randomBytes(32),
      vendors: VENDORS,
    });
  });
  afterAll(async () => {
    await server.close();
    await daily.close();
    await signalwire.close();
  });

  const dailyRecording = (over: Record<string, unknown>) => {
    const id = randomUUID();
    dailyBodies[id] = {
      id,
      room_name: 'room',
      start_ts: 1_700_000_000,
      status: 'finished',
      duration: 60,
      mtgSessionId: randomUUID(),
      tracks: [],
      ...over,
    };
    return `gid://recording-graph/Recording/daily/${id}`;
  };

  it.each<[string, Record<string, unknown>, string]>([
    ['a duration past GraphQL Int', { duration: 1e12 }, 'durationSecs'],
    ['a negative duration', { duration: -5 }, 'durationSecs'],
    ['a start time past year 9999', { start_ts: 1e13 }, 'startedAt'],
    ['a start time no Date can hold', { start_ts: 1e300 }, 'startedAt'],
  ])('answers a Daily recording with %s as PROVIDER_BAD_RESPONSE naming Daily, never a masked error', async (_name, over, field) => {
    const id = dailyRecording(over);
    const res = await gql(server.url, `{ recording(id: "${id}") { id durationSecs startedAt endedAt } }`);
    expect(res.body.data).toEqual({ recording: null });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: ['recording'], extensions: { code: 'PROVIDER_BAD_RESPONSE', provider: 'daily' } }),
    ]);
    expect(res.body.errors?.[0]?.message).toContain(field);
  });

  it('leaves a recording in range as it is', async () => {
    const res = await gql(server.url, `{ recording(id: "${dailyRecording({})}") { durationSecs } }`);
    expect(res.body).toEqual({ data: { recording: { durationSecs: 60 } } });
  });

  it("answers a SignalWire body with a malformed value under a key of the vendor's choosing without that key in the message", async () => {
    const sid = randomUUID();
    const body = recordingBody({
      sid,
      projectId: PROJECT,
      sessionSid: randomUUID(),
      conference: false,
      channels: '1',
      created: 1_700_000_000_000,
      start: 1_700_000_000_000,
      duration: 60,
      status: 'completed',
      ended: true,
      source: 'StartCallRecordingApi',
    });
    swBodies[sid] = { ...body, subresource_uris: { [VENDOR_TEXT]: 42 } };
    const res = await gql(server.url, `{ recording(id: "gid://recording-graph/Recording/signalwire/${sid}") { id } }`);
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'PROVIDER_BAD_RESPONSE', provider: 'signalwire' } })]);
    expect(res.body.errors?.[0]?.message).toMatch(
      /^SignalWire answered with a body that is not of the documented shape \(recording at subresource_uris\)\.$/,
    );
    expect(res.raw).not.toContain('vendor-text');
  });
});
