import type { RecordingData, RecordingStatus } from '../../src/domain/model';
import { ErrorCode } from '../../src/errors/error-codes';
import { createCloudflareProvider } from '../../src/providers/cloudflare';
import type { RecordingProvider } from '../../src/providers/recording-provider';
import { startEmulator } from '../../src/sandbox/emulator';
import { sandboxCommon } from '../../src/sandbox/vendor-sandbox';
import { expectEveryFixtureCovered, loadFixtures, startFixtureVendor, type Fixture } from '../support/fixture-vendor';

/**
 * Cloudflare RealtimeKit's documented bodies (test/fixtures/cloudflare, sources in its
 * fixtures.json) through the adapter over HTTP: its client, schema and mapper, to the
 * normalized model.
 */
const fixtures = loadFixtures('cloudflare');
const covered: string[] = [];
const fixture = (name: string): Fixture => {
  covered.push(name);
  return fixtures.get(name)!;
};

const CREDS = { apiToken: 'token', accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: '2a95132c15732412d22c1476fa83f27a' };
const ID = '97cb480d-5840-4528-ace3-919b5e386c68';
const SESSION = '05e57591-d89e-45c9-ae44-08dc1eaad0e0';
const MEETING = '50c8940e-1b97-402a-97d6-2708b7feca41';
const NOW = Date.parse('2026-06-04T00:00:00.000Z');
const EXPIRY = new Date('2026-06-10T10:30:00.000Z');

describe('Cloudflare RealtimeKit adapter against the documented examples', () => {
  let vendor: Awaited<ReturnType<typeof startFixtureVendor>>;
  let provider: RecordingProvider;
  beforeAll(async () => {
    vendor = await startFixtureVendor('cloudflare');
    provider = createCloudflareProvider({ ...vendor.common('/client/v4'), ...CREDS }, { now: () => NOW });
  });
  afterAll(async () => {
    await provider.close();
    await vendor.emulator.close();
  });

  const get = async (name: string): Promise<RecordingData> => {
    vendor.serve(fixture(name));
    const [result] = await provider.getRecordings([[ID]], {});
    if (result === null || result instanceof Error) throw result ?? new Error('no recording');
    return result;
  };

  it("maps the get example: an uploaded recording in RealtimeKit's bucket, its link known from the body", async () => {
    expect(await get('get-recording.json')).toEqual({
      provider: 'cloudflare',
      key: [ID],
      nativeId: ID,
      status: 'READY',
      providerStatus: 'UPLOADED',
      format: 'MP4',
      durationSecs: 1800,
      sizeBytes: 2044680,
      channels: null,
      startedAt: new Date('2026-06-03T10:00:00.000Z'),
      endedAt: new Date('2026-06-03T10:30:00.000Z'),
      createdAt: new Date('2026-06-03T09:59:55.000Z'),
      sessionKey: [SESSION],
      storage: expect.objectContaining({ kind: 'PROVIDER_MANAGED', bucket: null }),
      knownLink: {
        url: 'https://example.r2.cloudflarestorage.com/recordings/weekly-sync.mp4?X-Amz-Expires=604800&X-Amz-Signature=EXAMPLE',
        expiresAt: EXPIRY,
        format: 'MP4',
        disposition: 'UNKNOWN',
      },
    });
    expect(vendor.emulator.log.at(-1)?.path).toBe(`/client/v4/accounts/${CREDS.accountId}/realtime/kit/${CREDS.appId}/recordings/${ID}`);
  });

  it("hands out the example's link with the expiry Cloudflare granted, with no call", async () => {
    const rec = await get('get-recording.json');
    vendor.emulator.resetCounters();
    const [link] = await provider.getAccessLinks([{ recording: rec, validForSecs: 60 }], {});
    expect(link).toEqual({
      url: rec.knownLink!.url,
      expiresAt: EXPIRY,
      validForSecs: Math.floor((EXPIRY.getTime() - NOW) / 1000),
      format: 'MP4',
      disposition: 'UNKNOWN',
    });
    expect(vendor.emulator.totalCalls()).toBe(0);
  });

  it.each<[string, RecordingStatus, string, Partial<RecordingData>]>([
    [
      'get-recording-invoked.json',
      'PENDING',
      'INVOKED',
      { startedAt: null, endedAt: null, durationSecs: null, sizeBytes: null, knownLink: null },
    ],
    ['get-recording-recording.json', 'RECORDING', 'RECORDING', { endedAt: null, durationSecs: null, sizeBytes: null, knownLink: null }],
    ['get-recording-paused.json', 'PAUSED', 'PAUSED', { endedAt: null, durationSecs: null, knownLink: null }],
    ['get-recording-uploading.json', 'PROCESSING', 'UPLOADING', { durationSecs: 1800, sizeBytes: null, knownLink: null }],
    ['get-recording-errored.json', 'FAILED', 'ERRORED', { durationSecs: null, knownLink: null }],
  ])(
    'maps the documented status variant %s to %s, with no link while there is no download_url',
    async (name, status, providerStatus, more) => {
      expect(await get(name)).toMatchObject({ status, providerStatus, ...more });
    },
  );

  it('maps a recording without a session to no session', async () => {
    expect(await get('get-recording-no-session.json')).toMatchObject({ status: 'READY', sessionKey: null });
  });

  it("maps a recording in the customer's own bucket: its storage, and no link (RealtimeKit made none)", async () => {
    expect(await get('get-recording-own-storage.json')).toMatchObject({
      storage: {
        kind: 'AWS',
        bucket: 'rg-recordings',
        region: 'us-east-1',
        path: 'realtimekit/',
        host: null,
        port: null,
        username: null,
        authMethod: null,
        streamingAllowed: null,
      },
      knownLink: null,
    });
  });

  it('maps an SFTP destination field by field', async () => {
    expect((await get('get-recording-sftp-storage.json')).storage).toEqual({
      kind: 'SFTP',
      bucket: null,
      region: null,
      path: '/upload',
      host: 'sftp.example.com',
      port: 22,
      username: 'recorder',
      authMethod: 'KEY',
      streamingAllowed: null,
    });
  });

  it('dates a download_url without download_url_expiry 7 days from stopped_time', async () => {
    expect((await get('get-recording-no-expiry.json')).knownLink?.expiresAt).toEqual(
      new Date(Date.parse('2026-06-03T10:30:00.000Z') + 7 * 86_400_000),
    );
  });

  it.each(['session-details.json', 'session-details-flat.json', 'session-details-live.json'])(
    "reads the session of %s and its recordings from its meeting's list example",
    async (name) => {
      const details = fixture(name);
      const list = fixture('list-recordings.json');
      const api = await startEmulator({
        vendor: 'cloudflare',
        authorize: () => null,
        notFound: () => ({ status: 404, body: { success: false } }),
        routes: [
          { name: 'sessions.get', method: 'GET', pattern: /\/sessions\/[^/]+$/, handle: () => ({ status: 200, body: details.body }) },
          { name: 'recordings.list', method: 'GET', pattern: /\/recordings$/, handle: () => ({ status: 200, body: list.body }) },
        ],
      });
      const reader = createCloudflareProvider({ ...sandboxCommon('cloudflare', `${api.url}/client/v4`), ...CREDS });
      try {
        const [session] = await reader.getSessions([[SESSION]], {});
        if (session === null || session instanceof Error) throw session ?? new Error('no session');
        expect(session).toMatchObject({
          provider: 'cloudflare',
          key: [SESSION],
          kind: 'MEETING',
          name: 'Weekly sync',
          startedAt: new Date('2026-06-03T09:58:00.000Z'),
        });
        expect(session.durationSecs).toBe(name === 'session-details-live.json' ? null : 42 * 60);
        expect(session.recordings.map((r) => [r.nativeId, r.status])).toEqual([[ID, 'READY']]);
        expect(api.log.find((e) => e.route === 'recordings.list')?.query).toMatchObject({ meeting_id: [MEETING], page_no: ['1'] });
      } finally {
        await reader.close();
        await api.close();
      }
    },
  );

  it("maps the v4 gateway's authentication error to PROVIDER_AUTH_FAILED, with its code for the logs and without its text", async () => {
    vendor.serve(fixture('error-authentication.json'));
    const [result] = await provider.getRecordings([[ID]], {});
    expect(result).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'cloudflare', vendorCode: 10000 });
    expect((result as Error).message).not.toContain('Authentication error');
  });

  it('covers every Cloudflare fixture', () => expectEveryFixtureCovered(fixtures, covered));
});
