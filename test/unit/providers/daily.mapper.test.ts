import { ErrorCode } from '../../../src/errors/error-codes';
import { DailyRecordingSchema, DailyRecordingListSchema } from '../../../src/providers/daily/daily.api-types';
import { mapDailyAccessLink, mapDailyRecording, mapDailySession, mapDailyStatus } from '../../../src/providers/daily/daily.mapper';

// The documented example bodies (docs/vendors/daily.md#example-bodies).
const GET_RECORDING = {
  id: '0cb313e1-211f-4be0-833d-8c7305b19902',
  room_name: 'test-recording-room',
  start_ts: 1548789650,
  status: 'finished',
  max_participants: 2,
  duration: 277,
  share_token: 'TivXjlD22QQt',
  s3key: 'mydomain/test-recording-room/11245260397',
  mtgSessionId: '257764e6-c74e-4c30-944a-a887a03173a3',
  tracks: [],
};

const LIST = {
  total_count: 2,
  data: [
    {
      id: 'bfd0c52b-3a2a-4269-80ce-cae9eef55536',
      room_name: 'test-recording-room',
      start_ts: 1548790974,
      status: 'in-progress',
      max_participants: 2,
      share_token: 'NcWgEiJuqD8v',
      s3key: 'mydomain/test-recording-room/11245260398',
      mtgSessionId: '257764e6-c74e-4c30-944a-a887a03173a3',
    },
    GET_RECORDING,
  ],
};

describe('Daily mapper', () => {
  it('maps the documented get-recording example', () => {
    const rec = mapDailyRecording(DailyRecordingSchema.parse(GET_RECORDING));
    expect(rec).toMatchObject({
      provider: 'daily',
      key: ['0cb313e1-211f-4be0-833d-8c7305b19902'],
      nativeId: '0cb313e1-211f-4be0-833d-8c7305b19902',
      status: 'READY',
      providerStatus: 'finished',
      format: 'MP4',
      durationSecs: 277,
      sessionKey: ['test-recording-room', '257764e6-c74e-4c30-944a-a887a03173a3'],
      storage: { kind: 'PROVIDER_MANAGED', path: 'mydomain/test-recording-room/11245260397', bucket: null },
    });
    expect(rec.startedAt?.toISOString()).toBe('2019-01-29T19:20:50.000Z');
    expect(rec.endedAt?.toISOString()).toBe('2019-01-29T19:25:27.000Z');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'maps the inherited name %p to UNKNOWN, keeping it as providerStatus',
    (raw) => {
      expect(mapDailyStatus(raw)).toBe('UNKNOWN');
      expect(mapDailyRecording(DailyRecordingSchema.parse({ ...GET_RECORDING, status: raw }))).toMatchObject({
        status: 'UNKNOWN',
        providerStatus: raw,
      });
    },
  );

  it('maps an in-progress list item without duration: no end, no duration', () => {
    const list = DailyRecordingListSchema.parse(LIST);
    const rec = mapDailyRecording(list.data[0]);
    expect(rec.status).toBe('RECORDING');
    expect(rec.durationSecs).toBeNull();
    expect(rec.endedAt).toBeNull();
  });

  it('tolerates list items that leave out room_name, duration and tracks', () => {
    const item = DailyRecordingSchema.parse({ id: 'abc', start_ts: null, status: 'finished', mtgSessionId: null });
    const rec = mapDailyRecording(item);
    expect(rec.startedAt).toBeNull();
    expect(rec.sessionKey).toBeNull();
    expect(rec.storage).toBeNull();
  });

  it.each([
    ['finished', 'READY'],
    ['in-progress', 'RECORDING'],
    ['canceled', 'FAILED'],
    ['some-new-status', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('maps status %p to %p', (raw, expected) => {
    expect(mapDailyStatus(raw)).toBe(expected);
  });

  it('sums raw-tracks sizes and leaves the format open', () => {
    const rec = mapDailyRecording(
      DailyRecordingSchema.parse({
        ...GET_RECORDING,
        tracks: [
          { size: 10, type: 'audio', s3Key: 'a' },
          { size: 32, type: 'video', s3Key: 'v' },
        ],
      }),
    );
    expect(rec.sizeBytes).toBe(42);
    expect(rec.format).toBeNull();
  });

  it('groups a room list into one meeting session', () => {
    const list = DailyRecordingListSchema.parse(LIST);
    const session = mapDailySession('test-recording-room', '257764e6-c74e-4c30-944a-a887a03173a3', list.data);
    expect(session).toMatchObject({ kind: 'MEETING', name: 'test-recording-room', nativeId: '257764e6-c74e-4c30-944a-a887a03173a3' });
    expect(session?.recordings.map((r) => r.nativeId)).toEqual([
      'bfd0c52b-3a2a-4269-80ce-cae9eef55536',
      '0cb313e1-211f-4be0-833d-8c7305b19902',
    ]);
    expect(session?.startedAt?.toISOString()).toBe('2019-01-29T19:20:50.000Z');
    expect(mapDailySession('test-recording-room', '00000000-0000-4000-8000-000000000000', list.data)).toBeNull();
  });

  it('returns the access link byte for byte with the expiry Daily granted', () => {
    const link = {
      download_link:
        'https://b.daily.co/recordings/api-demo/hello/1548790973821?dl=api-demo%2Fhello%2F1548790973821.mp4&Expires=1548809176&Signature=EXAMPLE_SIGNATURE&Key-Pair-Id=K1EXAMPLEKEYPAIR',
      expires: 1548809176,
    };
    const mapped = mapDailyAccessLink(link, { validForSecs: 3600, sentAtMs: 1548809176_000 - 3600_000 });
    expect(mapped.url).toBe(link.download_link);
    expect(mapped.expiresAt?.toISOString()).toBe('2019-01-30T00:46:16.000Z');
    expect(mapped.validForSecs).toBe(3600);
    expect(mapped.disposition).toBe('ATTACHMENT');
  });

  it('reports the validity granted, without the second lost to Daily counting whole seconds', () => {
    const link = { download_link: 'https://b.daily.co/recordings/x?Expires=1548809176&Signature=S&Key-Pair-Id=K', expires: 1548809176 };
    // Sent 0.1 s to 0.999 s into Daily's second: Daily counts from the second's start.
    for (const lateMs of [1, 100, 999]) {
      expect(mapDailyAccessLink(link, { validForSecs: 3600, sentAtMs: (1548809176 - 3600) * 1000 + lateMs }).validForSecs).toBe(3600);
    }
    // Daily granted less than asked (its own cap): what was granted.
    expect(mapDailyAccessLink(link, { validForSecs: 7200, sentAtMs: (1548809176 - 3600) * 1000 + 300 }).validForSecs).toBe(3600);
    // Never more than asked, whatever the clocks say.
    expect(mapDailyAccessLink(link, { validForSecs: 60, sentAtMs: (1548809176 - 3600) * 1000 }).validForSecs).toBe(60);
  });

  it('refuses a download_link that is an error string, not a URL', () => {
    expect(() => mapDailyAccessLink({ download_link: 'recording access disabled', expires: 1 }, { validForSecs: 1, sentAtMs: 0 })).toThrow(
      expect.objectContaining({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER, provider: 'daily' }),
    );
    expect(() => mapDailyAccessLink({ download_link: 'javascript:alert(1)', expires: 1 }, { validForSecs: 1, sentAtMs: 0 })).toThrow(
      expect.objectContaining({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER }),
    );
  });
});
