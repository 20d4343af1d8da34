import type { RecordingData } from '../../src/domain/model';
import { ErrorCode } from '../../src/errors/error-codes';
import type { RecordingProvider } from '../../src/providers/recording-provider';
import { createZoomProvider } from '../../src/providers/zoom';
import { expectEveryFixtureCovered, loadFixtures, startFixtureVendor } from '../support/fixture-vendor';

/**
 * Zoom's documented bodies (test/fixtures/zoom, sources in its fixtures.json) through the
 * adapter over HTTP: its client, schema and mapper, to the normalized model.
 */
const fixtures = loadFixtures('zoom');
const covered: string[] = [];
const fixture = (name: string) => {
  covered.push(name);
  return fixtures.get(name)!;
};

const SESSION = 'KkMHZ4y8QhSUWAHi5sWvfg==';
const MP4 = 'ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8';
const M4A = '0a564312-edf7-495e-b916-6873a7b32c50';
const PARTICIPANT_AUDIO = '9f1c2d3e-0000-4000-8000-000000000001';
const PARTICIPANT_VIDEO = '5b0e2f1a-0000-4000-8000-000000000002';
const NOW = Date.parse('2022-03-11T00:00:00Z');

describe('Zoom adapter against the documented examples', () => {
  let vendor: Awaited<ReturnType<typeof startFixtureVendor>>;
  let provider: RecordingProvider;
  beforeAll(async () => {
    vendor = await startFixtureVendor('zoom');
    provider = createZoomProvider({ ...vendor.common('/v2'), apiKey: 'key', apiSecret: 'secret' }, { now: () => NOW });
  });
  afterAll(async () => {
    await provider.close();
    await vendor.emulator.close();
  });

  const getFiles = async (name: string, ids: string[]): Promise<Array<RecordingData | null>> => {
    vendor.serve(fixture(name));
    const results = await provider.getRecordings(
      ids.map((id) => [SESSION, id]),
      {},
    );
    for (const r of results) if (r instanceof Error) throw r;
    return results as Array<RecordingData | null>;
  };

  it('maps the session example: each file of the session a recording, addressed through the session', async () => {
    const [mp4, m4a, audio] = await getFiles('session-recordings.json', [MP4, M4A, PARTICIPANT_AUDIO]);
    expect(mp4).toEqual({
      provider: 'zoom',
      key: [SESSION, MP4],
      nativeId: MP4,
      status: 'READY',
      providerStatus: 'completed',
      format: 'MP4',
      durationSecs: 100,
      sizeBytes: 398041,
      channels: null,
      startedAt: new Date('2022-03-10T02:27:30Z'),
      endedAt: new Date('2022-03-10T02:29:10Z'),
      createdAt: new Date('2022-03-10T02:27:30Z'),
      sessionKey: [SESSION],
      storage: expect.objectContaining({ kind: 'PROVIDER_MANAGED' }),
    });
    expect(m4a).toMatchObject({ format: 'M4A', sizeBytes: 46560, status: 'READY' });
    expect(audio).toMatchObject({ format: 'M4A', sizeBytes: 24560, status: 'READY' });
    expect(vendor.emulator.log.at(-1)?.path).toBe('/v2/videosdk/sessions/KkMHZ4y8QhSUWAHi5sWvfg%3D%3D/recordings');
  });

  it("mints links from the example's download_access_token, for every file of the session in one call", async () => {
    const [mp4, m4a] = (await getFiles('session-recordings.json', [MP4, M4A])) as RecordingData[];
    vendor.emulator.resetCounters();
    const links = await provider.getAccessLinks(
      [
        { recording: mp4, validForSecs: 3600 },
        { recording: m4a, validForSecs: 3600 },
      ],
      {},
    );
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.EXAMPLE.SIGNATURE';
    expect(links).toEqual([
      {
        url: `https://example.com/rec/download/Qg75t7xZBtEbAkjdlgbfdngBBBB?access_token=${token}`,
        expiresAt: new Date(NOW + 3_600_000),
        validForSecs: 3600,
        format: 'MP4',
        disposition: 'UNKNOWN',
      },
      {
        url: `https://example.com/rec/download/Qg75t7xZBtEbAkjdlgbfdngAAAA?access_token=${token}`,
        expiresAt: new Date(NOW + 3_600_000),
        validForSecs: 3600,
        format: 'M4A',
        disposition: 'UNKNOWN',
      },
    ]);
    expect(vendor.emulator.log.map((e) => e.query)).toEqual([{ include_fields: ['download_access_token'], ttl: ['3600'] }]);
  });

  it('maps the session without a download token, and refuses to mint a link from it', async () => {
    const [mp4] = (await getFiles('session-recordings-no-token.json', [MP4])) as RecordingData[];
    expect(mp4).toMatchObject({ status: 'READY' });
    const [link] = await provider.getAccessLinks([{ recording: mp4, validForSecs: 600 }], {});
    expect(link).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'zoom' });
  });

  it('leaves out CC and TIMELINE files (no id: not addressable) and maps a participant video file', async () => {
    vendor.serve(fixture('session-recordings-cc-timeline-and-video.json'));
    const [session] = await provider.getSessions([[SESSION]], {});
    expect(session).toMatchObject({
      kind: 'MEETING',
      name: 'session name',
      startedAt: new Date('2022-03-10T02:27:24Z'),
      durationSecs: 120,
      recordings: [
        { nativeId: MP4 },
        { nativeId: M4A },
        { nativeId: PARTICIPANT_AUDIO },
        { nativeId: PARTICIPANT_VIDEO, format: 'MP4', sizeBytes: 120000 },
      ],
    });
  });

  it('maps a trashed file (deleted_time set) to DELETED', async () => {
    const [mp4, m4a] = await getFiles('session-recordings-trashed-file.json', [MP4, M4A]);
    expect(mp4).toMatchObject({ status: 'DELETED', providerStatus: 'completed' });
    expect(m4a).toMatchObject({ status: 'READY' });
  });

  it('maps the account list example within its month', async () => {
    vendor.serve(fixture('list-recordings.json'));
    const page = await provider.listRecordings(
      {
        filter: { startedAfter: new Date('2022-03-01T00:00:00Z'), startedBefore: new Date('2022-03-31T00:00:00Z') },
        limit: 30,
        after: null,
      },
      {},
    );
    expect(page.items.map((i) => i.recording.key)).toEqual([[SESSION, MP4]]);
  });

  it('reads a list body without `sessions` as no recordings', async () => {
    vendor.serve(fixture('list-recordings-no-sessions.json'));
    const page = await provider.listRecordings(
      {
        filter: { startedAfter: new Date('2022-03-09T00:00:00Z'), startedBefore: new Date('2022-03-10T00:00:00Z') },
        limit: 30,
        after: null,
      },
      {},
    );
    expect(page).toEqual({ items: [], next: null });
  });

  it.each([
    ['error-not-recognized.json', ErrorCode.NOT_FOUND],
    ['error-invalid-token.json', ErrorCode.PROVIDER_AUTH_FAILED],
    ['error-rate-limited.json', ErrorCode.PROVIDER_RATE_LIMITED],
  ])('maps the documented error body %s to %s, without its text', async (name, code) => {
    vendor.serve(fixture(name));
    const [result] = await provider.getRecordings([[SESSION, MP4]], {});
    expect(result).toMatchObject({ code, provider: 'zoom' });
    expect((result as Error).message).not.toMatch(/not recognized|Invalid access token|exceeded/);
  });

  it('covers every Zoom fixture', () => expectEveryFixtureCovered(fixtures, covered));
});
