import type { RecordingData } from '../../src/domain/model';
import { ErrorCode } from '../../src/errors/error-codes';
import type { RecordingProvider } from '../../src/providers/recording-provider';
import { createSignalWireProvider } from '../../src/providers/signalwire';
import { expectEveryFixtureCovered, loadFixtures, startFixtureVendor } from '../support/fixture-vendor';

/**
 * SignalWire's documented bodies (test/fixtures/signalwire, sources in its fixtures.json)
 * through the adapter over HTTP: its client, schema and mapper, to the normalized model.
 */
const fixtures = loadFixtures('signalwire');
const covered: string[] = [];
const fixture = (name: string) => {
  covered.push(name);
  return fixtures.get(name)!;
};

const API = '/api/laml/2010-04-01';
const PROJECT = '720796a0-8ee9-4350-83bd-2d07a3121f1e';
const SID = '19e436af-5688-4307-b03b-bdb2b42b8142';
const CALL = '43bb71ee-553f-4074-bb20-8e2747647cce';

describe('SignalWire adapter against the documented examples', () => {
  let vendor: Awaited<ReturnType<typeof startFixtureVendor>>;
  let provider: RecordingProvider;
  let media: string;
  beforeAll(async () => {
    vendor = await startFixtureVendor('signalwire');
    provider = createSignalWireProvider({ ...vendor.common(API), spaceUrl: vendor.emulator.url, projectId: PROJECT, apiToken: 'token' });
    media = `${vendor.emulator.url}${API}/Accounts/${PROJECT}/Recordings/${SID}.wav`;
  });
  afterAll(async () => {
    await provider.close();
    await vendor.emulator.close();
  });

  const getOne = async (name: string): Promise<RecordingData> => {
    vendor.serve(fixture(name));
    const [result] = await provider.getRecordings([[SID]], {});
    if (!result || result instanceof Error) throw result ?? new Error('no recording');
    return result;
  };

  it('maps the reference example: a completed call recording (READY, WAV) with its public media link', async () => {
    expect(await getOne('recording.json')).toEqual({
      provider: 'signalwire',
      key: [SID],
      nativeId: SID,
      status: 'READY',
      providerStatus: 'completed',
      format: 'WAV',
      durationSecs: 4,
      sizeBytes: null,
      channels: 1,
      startedAt: new Date('2018-09-25T23:00:00Z'),
      endedAt: new Date('2018-09-26T23:00:04Z'),
      createdAt: new Date('2018-09-25T23:00:00Z'),
      sessionKey: ['call', CALL],
      storage: expect.objectContaining({ kind: 'PROVIDER_MANAGED' }),
      knownLink: { url: media, expiresAt: null, format: 'WAV', disposition: 'UNKNOWN' },
    });
    expect(vendor.emulator.log.at(-1)?.path).toBe(`${API}/Accounts/${PROJECT}/Recordings/${SID}.json`);
  });

  // Every documented status: the reference's seven and the SDK typings' two more.
  it.each([
    ['recording-queued.json', 'PENDING', { startedAt: null, endedAt: null, durationSecs: 0 }],
    ['recording-in-progress.json', 'RECORDING', { endedAt: null }],
    ['recording-paused.json', 'PAUSED', {}],
    ['recording-resumed.json', 'RECORDING', {}],
    ['recording-stopped.json', 'PROCESSING', {}],
    ['recording-processing.json', 'PROCESSING', {}],
    ['recording-absent.json', 'FAILED', {}],
    ['recording-deleted.json', 'DELETED', {}],
  ])('maps the status variant %s to %s, with no link (only a completed recording has a file)', async (name, status, more) => {
    const recording = await getOne(name);
    expect(recording).toMatchObject({ status, providerStatus: name.replace(/^recording-(.*)\.json$/, '$1'), knownLink: null, ...more });
    const [link] = await provider.getAccessLinks([{ recording, validForSecs: 600 }], {});
    expect(link).toBeNull();
  });

  it('maps a stereo conference recording (call_sid null) to its conference', async () => {
    expect(await getOne('recording-conference.json')).toMatchObject({
      channels: 2,
      sessionKey: ['conference', 'b3877c40-da60-4998-90ad-b792e98472cf'],
    });
  });

  it('gives the public media link of a completed recording with no call, no expiry', async () => {
    const recording = await getOne('recording.json');
    const calls = vendor.emulator.totalCalls();
    const [link] = await provider.getAccessLinks([{ recording, validForSecs: 600 }], {});
    expect(link).toEqual({ url: media, expiresAt: null, validForSecs: null, format: 'WAV', disposition: 'UNKNOWN' });
    expect(vendor.emulator.totalCalls()).toBe(calls);
  });

  it('maps the list example (last page) and serves the call session from it', async () => {
    vendor.serve(fixture('list-recordings.json'));
    const page = await provider.listRecordings({ filter: {}, limit: 50, after: null }, {});
    expect(page.items.map((i) => i.recording.nativeId)).toEqual([SID]);
    expect(page.next).toBeNull();
    const [session] = await provider.getSessions([['call', CALL]], {});
    expect(session).toMatchObject({ kind: 'CALL', nativeId: CALL, name: null, recordings: [expect.objectContaining({ nativeId: SID })] });
  });

  it('keeps the next_page_uri of the list example to resume from', async () => {
    vendor.serve(fixture('list-recordings-next-page.json'));
    const page = await provider.listRecordings({ filter: {}, limit: 50, after: null }, {});
    expect(page.next).toEqual({
      page: `${API}/Accounts/${PROJECT}/Recordings?Page=1&PageSize=50&PageToken=PA19e436af-5688-4307-b03b-bdb2b42b8142`,
      taken: 0,
    });
  });

  it.each([
    ['error-authentication.json', ErrorCode.PROVIDER_AUTH_FAILED],
    ['error-not-found.json', ErrorCode.NOT_FOUND],
    ['error-errors-array.json', ErrorCode.BAD_USER_INPUT],
    ['error-string-array.json', ErrorCode.BAD_USER_INPUT],
  ])('maps the documented error body %s to %s, without its text', async (name, code) => {
    vendor.serve(fixture(name));
    const [result] = await provider.getRecordings([[SID]], {});
    expect(result).toMatchObject({ code, provider: 'signalwire' });
    expect((result as Error).message).not.toMatch(/Authentication failed|not found|Maxprice|Validation error/);
  });

  it('covers every SignalWire fixture', () => expectEveryFixtureCovered(fixtures, covered));
});
