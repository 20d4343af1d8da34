import { SignalWireRecordingListSchema, SignalWireRecordingSchema } from '../../../src/providers/signalwire/signalwire.api-types';
import { mapSignalWireRecording, mapSignalWireSession, mapSignalWireStatus } from '../../../src/providers/signalwire/signalwire.mapper';

const SPACE = 'https://example.signalwire.com';

// The documented example body (docs/vendors/signalwire.md#example-bodies).
const GET_RECORDING = {
  sid: '19e436af-5688-4307-b03b-bdb2b42b8142',
  account_sid: '720796a0-8ee9-4350-83bd-2d07a3121f1e',
  api_version: '2010-04-01',
  call_sid: '43bb71ee-553f-4074-bb20-8e2747647cce',
  conference_sid: null,
  channel: '1',
  channels: '1',
  date_created: 'Tue, 25 Sep 2018 23:00:00 +0000',
  date_updated: 'Wed, 26 Sep 2018 23:00:04 +0000',
  start_time: 'Tue, 25 Sep 2018 23:00:00 +0000',
  end_time: 'Tue, 25 Sep 2018 23:00:04 +0000',
  duration: 4,
  price: '-0.0025',
  price_unit: 'USD',
  source: 'StartCallRecordingApi',
  status: 'completed',
  error_code: null,
  uri: '/api/laml/2010-04-01/Accounts/720796a0-8ee9-4350-83bd-2d07a3121f1e/Recordings/19e436af-5688-4307-b03b-bdb2b42b8142.json',
  subresource_uris: {
    transcriptions:
      '/api/laml/2010-04-01/Accounts/720796a0-8ee9-4350-83bd-2d07a3121f1e/Recordings/19e436af-5688-4307-b03b-bdb2b42b8142/Transcriptions.json',
  },
  encryption_details: null,
  trim: 'do-not-trim',
};

describe('SignalWire mapper', () => {
  it('maps the documented recording example', () => {
    const rec = mapSignalWireRecording(SignalWireRecordingSchema.parse(GET_RECORDING), SPACE);
    expect(rec).toMatchObject({
      provider: 'signalwire',
      key: ['19e436af-5688-4307-b03b-bdb2b42b8142'],
      status: 'READY',
      providerStatus: 'completed',
      format: 'WAV',
      durationSecs: 4,
      channels: 1,
      sessionKey: ['call', '43bb71ee-553f-4074-bb20-8e2747647cce'],
      storage: { kind: 'PROVIDER_MANAGED' },
    });
    expect(rec.startedAt?.toISOString()).toBe('2018-09-25T23:00:00.000Z');
    expect(rec.endedAt?.toISOString()).toBe('2018-09-25T23:00:04.000Z');
    expect(rec.createdAt?.toISOString()).toBe('2018-09-25T23:00:00.000Z');
  });

  it('builds the public media link from the space URL and the uri, with no credentials and no expiry', () => {
    const rec = mapSignalWireRecording(SignalWireRecordingSchema.parse(GET_RECORDING), SPACE);
    expect(rec.knownLink).toEqual({
      url: 'https://example.signalwire.com/api/laml/2010-04-01/Accounts/720796a0-8ee9-4350-83bd-2d07a3121f1e/Recordings/19e436af-5688-4307-b03b-bdb2b42b8142.wav',
      expiresAt: null,
      format: 'WAV',
      disposition: 'UNKNOWN',
    });
    const url = new URL(rec.knownLink!.url);
    expect(url.username + url.password + url.search).toBe('');
  });

  it('gives no link to a recording that is not completed, nor to a uri that leaves the space', () => {
    expect(
      mapSignalWireRecording(SignalWireRecordingSchema.parse({ ...GET_RECORDING, status: 'in-progress' }), SPACE).knownLink,
    ).toBeNull();
    expect(
      mapSignalWireRecording(SignalWireRecordingSchema.parse({ ...GET_RECORDING, uri: '//evil.example/x.json' }), SPACE).knownLink,
    ).toBeNull();
  });

  it.each([
    ['queued', 'PENDING'],
    ['in-progress', 'RECORDING'],
    ['resumed', 'RECORDING'],
    ['paused', 'PAUSED'],
    ['stopped', 'PROCESSING'],
    ['processing', 'PROCESSING'],
    ['completed', 'READY'],
    ['absent', 'FAILED'],
    ['deleted', 'DELETED'],
    ['transcoding', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('maps status %p to %p', (raw, expected) => {
    expect(mapSignalWireStatus(raw)).toBe(expected);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'maps the inherited name %p to UNKNOWN, keeping it as providerStatus, with no link',
    (raw) => {
      expect(mapSignalWireStatus(raw)).toBe('UNKNOWN');
      const rec = mapSignalWireRecording(SignalWireRecordingSchema.parse({ ...GET_RECORDING, status: raw }), SPACE);
      expect(rec).toMatchObject({ status: 'UNKNOWN', providerStatus: raw, knownLink: null });
    },
  );

  it('handles null times and a conference recording', () => {
    const rec = mapSignalWireRecording(
      SignalWireRecordingSchema.parse({
        ...GET_RECORDING,
        call_sid: null,
        conference_sid: '9f1c2d3e-0000-4000-8000-000000000001',
        start_time: null,
        end_time: null,
        duration: null,
      }),
      SPACE,
    );
    expect(rec.startedAt).toBeNull();
    expect(rec.durationSecs).toBeNull();
    expect(rec.sessionKey).toEqual(['conference', '9f1c2d3e-0000-4000-8000-000000000001']);
  });

  it('maps a list page into a call session', () => {
    const list = SignalWireRecordingListSchema.parse({
      uri: '/x',
      first_page_uri: '/x',
      next_page_uri: null,
      previous_page_uri: null,
      page: 0,
      page_size: 50,
      recordings: [
        GET_RECORDING,
        {
          ...GET_RECORDING,
          sid: '29e436af-5688-4307-b03b-bdb2b42b8142',
          start_time: 'Tue, 25 Sep 2018 23:10:00 +0000',
          end_time: 'Tue, 25 Sep 2018 23:20:00 +0000',
        },
      ],
    });
    const session = mapSignalWireSession('call', '43bb71ee-553f-4074-bb20-8e2747647cce', list.recordings, SPACE);
    expect(session).toMatchObject({ kind: 'CALL', name: null, nativeId: '43bb71ee-553f-4074-bb20-8e2747647cce', durationSecs: 1200 });
    expect(session?.recordings).toHaveLength(2);
    expect(mapSignalWireSession('conference', '43bb71ee-553f-4074-bb20-8e2747647cce', list.recordings, SPACE)).toBeNull();
  });
});
