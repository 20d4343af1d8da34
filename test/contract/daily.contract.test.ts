import type { RecordingData } from '../../src/domain/model';
import { ErrorCode } from '../../src/errors/error-codes';
import { createDailyProvider } from '../../src/providers/daily';
import type { RecordingProvider } from '../../src/providers/recording-provider';
import { expectEveryFixtureCovered, loadFixtures, startFixtureVendor } from '../support/fixture-vendor';

/**
 * Daily's documented bodies (test/fixtures/daily, sources in its fixtures.json) through the
 * adapter over HTTP: its client, schema and mapper, to the normalized model.
 */
const fixtures = loadFixtures('daily');
const covered: string[] = [];
const fixture = (name: string) => {
  covered.push(name);
  return fixtures.get(name)!;
};

const ROOM = 'test-recording-room';
const MTG = '257764e6-c74e-4c30-944a-a887a03173a3';
const ID = '0cb313e1-211f-4be0-833d-8c7305b19902';
/** The access-link example's `expires`, one hour after our clock in these tests. */
const EXPIRES = 1548809176;

describe('Daily adapter against the documented examples', () => {
  let vendor: Awaited<ReturnType<typeof startFixtureVendor>>;
  let provider: RecordingProvider;
  beforeAll(async () => {
    vendor = await startFixtureVendor('daily');
    provider = createDailyProvider({ ...vendor.common('/v1'), apiKey: 'key' }, { now: () => (EXPIRES - 3600) * 1000 + 250 });
  });
  afterAll(async () => {
    await provider.close();
    await vendor.emulator.close();
  });

  const getOne = async (name: string): Promise<RecordingData> => {
    vendor.serve(fixture(name));
    const [result] = await provider.getRecordings([[ID]], {});
    if (!result || result instanceof Error) throw result ?? new Error('no recording');
    return result;
  };

  it('maps the get-recording example: a finished cloud recording (READY, MP4), no session without room_name', async () => {
    expect(await getOne('get-recording.json')).toEqual({
      provider: 'daily',
      key: [ID],
      nativeId: ID,
      status: 'READY',
      providerStatus: 'finished',
      format: 'MP4',
      durationSecs: 277,
      sizeBytes: null,
      channels: null,
      startedAt: new Date('2019-01-29T19:20:50Z'),
      endedAt: new Date('2019-01-29T19:25:27Z'),
      createdAt: null,
      sessionKey: null,
      storage: expect.objectContaining({ kind: 'PROVIDER_MANAGED', path: 'mydomain/test-recording-room/11245260397', bucket: null }),
    });
  });

  it.each([
    [
      'get-recording-in-progress.json',
      { status: 'RECORDING', providerStatus: 'in-progress', durationSecs: null, endedAt: null, sessionKey: [ROOM, MTG] },
    ],
    ['get-recording-canceled.json', { status: 'FAILED', providerStatus: 'canceled', durationSecs: 277 }],
    ['get-recording-raw-tracks.json', { status: 'READY', format: null, sizeBytes: 2044680 + 10485760, sessionKey: [ROOM, MTG] }],
    ['get-recording-tracks-null.json', { status: 'READY', format: 'MP4', sizeBytes: null, sessionKey: [ROOM, MTG] }],
  ])('maps the variant %s', async (name, expected) => {
    expect(await getOne(name)).toMatchObject(expected);
  });

  it('maps the list example, newest first, and serves a session from it', async () => {
    vendor.serve(fixture('list-recordings.json'));
    const page = await provider.listRecordings({ filter: {}, limit: 10, after: null }, {});
    expect(page.items.map((i) => [i.recording.nativeId, i.recording.status, i.recording.sessionKey])).toEqual([
      ['bfd0c52b-3a2a-4269-80ce-cae9eef55536', 'RECORDING', [ROOM, MTG]],
      [ID, 'READY', [ROOM, MTG]],
    ]);
    expect(page.next).toBeNull();
    const [session] = await provider.getSessions([[ROOM, MTG]], {});
    expect(session).toMatchObject({ kind: 'MEETING', name: ROOM, nativeId: MTG, startedAt: new Date('2019-01-29T19:20:50Z') });
  });

  it("reads list items with only the generated client's fields, the room taken from the filter", async () => {
    vendor.serve(fixture('list-recordings-generated-client-items.json'));
    const page = await provider.listRecordings({ filter: { sessionKey: [ROOM, MTG] }, limit: 10, after: null }, {});
    expect(page.items.map((i) => [i.recording.sessionKey, i.recording.durationSecs])).toEqual([
      [[ROOM, MTG], null],
      [[ROOM, MTG], null],
    ]);
    expect(vendor.emulator.log.at(-1)?.query.room_name).toEqual([ROOM]);
  });

  it('returns the access-link example byte for byte, with the validity granted', async () => {
    const recording = await getOne('get-recording.json');
    vendor.serve(fixture('access-link.json'));
    const [link] = await provider.getAccessLinks([{ recording, validForSecs: 3600 }], {});
    expect(link).toEqual({
      url: 'https://b.daily.co/recordings/api-demo/hello/1548790973821?dl=api-demo%2Fhello%2F1548790973821.mp4&Expires=1548809176&Signature=EXAMPLE_SIGNATURE&Key-Pair-Id=K1EXAMPLEKEYPAIR',
      expiresAt: new Date(EXPIRES * 1000),
      validForSecs: 3600,
      format: 'MP4',
      disposition: 'ATTACHMENT',
    });
  });

  it('refuses an access link whose download_link is an error string', async () => {
    const recording = await getOne('get-recording.json');
    vendor.serve(fixture('access-link-error-string.json'));
    const [link] = await provider.getAccessLinks([{ recording, validForSecs: 3600 }], {});
    expect(link).toMatchObject({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER, provider: 'daily' });
  });

  it.each(['error-authorization-header.json', 'error-authentication.json'])(
    'maps the documented error %s to PROVIDER_AUTH_FAILED, without its text',
    async (name) => {
      vendor.serve(fixture(name));
      const [result] = await provider.getRecordings([[ID]], {});
      expect(result).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'daily' });
      expect((result as Error).message).not.toMatch(/Invalid API key|header missing/);
    },
  );

  it('covers every Daily fixture', () => expectEveryFixtureCovered(fixtures, covered));
});
