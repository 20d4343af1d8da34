import type { RecordingData, RecordingStatus } from '../../src/domain/model';
import { ErrorCode } from '../../src/errors/error-codes';
import { createBirdProvider } from '../../src/providers/bird';
import type { RecordingProvider } from '../../src/providers/recording-provider';
import { startEmulator } from '../../src/sandbox/emulator';
import { sandboxCommon } from '../../src/sandbox/vendor-sandbox';
import { expectEveryFixtureCovered, loadFixtures, startFixtureVendor } from '../support/fixture-vendor';

/**
 * Bird's documented bodies (test/fixtures/bird, sources in its fixtures.json) through the
 * adapter over HTTP: its client, schema and mapper, to the normalized model.
 */
const fixtures = loadFixtures('bird');
const covered: string[] = [];
const fixture = (name: string) => {
  covered.push(name);
  return fixtures.get(name)!;
};

const WORKSPACE = '8bc02f53-87ac-48d2-b4fd-c2cf856a305f';
const ID = '5b74ee9e-9d45-473a-82cd-f1f7feea6bbd';
const SOURCE = '50fa2203-66c2-4820-864a-1a8002952f4e';

describe('Bird adapter against the documented examples', () => {
  let vendor: Awaited<ReturnType<typeof startFixtureVendor>>;
  let provider: RecordingProvider;
  beforeAll(async () => {
    vendor = await startFixtureVendor('bird');
    provider = createBirdProvider({ ...vendor.common(''), accessKey: 'key', workspaceId: WORKSPACE });
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

  it('maps the get example: an available call recording, its bucket, and no link taken from its stale url', async () => {
    expect(await get('get-recording.json')).toEqual({
      provider: 'bird',
      key: [ID],
      nativeId: ID,
      status: 'READY',
      providerStatus: 'available',
      format: 'MP3',
      durationSecs: 29,
      sizeBytes: null,
      channels: 1,
      startedAt: new Date('2024-01-01T00:00:01.000Z'),
      endedAt: new Date('2024-01-01T00:00:30.000Z'),
      createdAt: new Date('2024-01-01T00:00:00.000Z'),
      sessionKey: ['call', SOURCE],
      storage: {
        kind: 'PROVIDER_MANAGED',
        bucket: 'regional--voice-recordings--637323691990--euw1',
        region: 'eu-west-1',
        path: `workspaceID:${WORKSPACE}/sourceID:${SOURCE}/${ID}.mp3`,
        host: null,
        port: null,
        username: null,
        authMethod: null,
        streamingAllowed: null,
      },
    });
    expect(vendor.emulator.log.at(-1)?.path).toBe(`/workspaces/${WORKSPACE}/recordings/${ID}`);
  });

  it.each<[string, RecordingStatus, string, Partial<RecordingData>]>([
    ['get-recording-accepted.json', 'PENDING', 'accepted', { startedAt: null, endedAt: null, durationSecs: null }],
    ['get-recording-ongoing.json', 'RECORDING', 'ongoing', { endedAt: null, durationSecs: null }],
    ['get-recording-paused.json', 'PAUSED', 'paused', { endedAt: null, durationSecs: null }],
    ['get-recording-completed.json', 'PROCESSING', 'completed', { durationSecs: 29 }],
    ['get-recording-absent.json', 'FAILED', 'absent', { durationSecs: 0 }],
    // Without `duration`, the span between start and end.
    ['get-recording-failed.json', 'FAILED', 'failed', { durationSecs: 29 }],
  ])('maps the documented status variant %s to %s', async (name, status, providerStatus, more) => {
    const rec = await get(name);
    expect(rec).toMatchObject({ status, providerStatus, ...more });
    // Without `url` Bird names no bucket: the file is Bird's, no more is known.
    expect(rec.storage).toMatchObject({ kind: 'PROVIDER_MANAGED', bucket: null, path: null });
  });

  it('maps a conference recording to its conference session, without the call-only fields', async () => {
    expect(await get('get-recording-conference.json')).toMatchObject({ status: 'READY', sessionKey: ['conference', SOURCE], channels: 2 });
  });

  it('maps a body with only the required fields, every optional one null', async () => {
    expect(await get('get-recording-required-only.json')).toMatchObject({
      status: 'READY',
      durationSecs: null,
      startedAt: null,
      endedAt: null,
      createdAt: new Date('2024-01-01T00:00:00.000Z'),
      channels: 1,
      sessionKey: ['call', SOURCE],
      storage: expect.objectContaining({ kind: 'PROVIDER_MANAGED', bucket: null }),
    });
  });

  it('reads a session from the list examples, following nextPageToken to the empty token', async () => {
    const next = fixture('list-recordings-next-page.json');
    const last = fixture('list-recordings.json');
    // Bird's list by its pageToken: the page with more to come first, then the last page.
    const paged = await startEmulator({
      vendor: 'bird',
      authorize: () => null,
      notFound: () => ({ status: 404, body: fixtures.get('error-not-found.json')!.body }),
      routes: [
        {
          name: 'list',
          method: 'GET',
          pattern: /\/recordings$/,
          handle: (req) => ({ status: 200, body: (req.query.has('pageToken') ? last : next).body }),
        },
      ],
    });
    const lister = createBirdProvider({ ...sandboxCommon('bird', paged.url), accessKey: 'key', workspaceId: WORKSPACE });
    try {
      const [session] = await lister.getSessions([['call', SOURCE]], {});
      if (session === null || session instanceof Error) throw session ?? new Error('no session');
      expect(session).toMatchObject({ provider: 'bird', key: ['call', SOURCE], kind: 'CALL', name: null });
      expect(session.recordings.map((r) => [r.nativeId, r.status])).toEqual([
        ['6c85ff0f-0e56-484b-93de-02080ffb7cce', 'PAUSED'],
        [ID, 'READY'],
      ]);
      expect(paged.log.map((e) => e.query)).toEqual([
        { sourceId: [SOURCE], limit: ['99'] },
        { sourceId: [SOURCE], limit: ['99'], pageToken: ['eyJvZmZzZXQiOjk5fQ'] },
      ]);
    } finally {
      await lister.close();
      await paged.close();
    }
  });

  it.each([
    ['error-not-found.json', ErrorCode.NOT_FOUND],
    ['error-validation.json', ErrorCode.BAD_USER_INPUT],
  ])('maps the documented error body %s to %s, with its code for the logs and without its text', async (name, code) => {
    vendor.serve(fixture(name));
    const [result] = await provider.getRecordings([[ID]], {});
    expect(result).toMatchObject({ code, provider: 'bird', vendorCode: (fixtures.get(name)!.body as { code: string }).code });
    expect((result as Error).message).not.toMatch(/requested resource|did not pass/);
  });

  it('covers every Bird fixture', () => expectEveryFixtureCovered(fixtures, covered));
});
