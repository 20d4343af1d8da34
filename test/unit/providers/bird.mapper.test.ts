import { ErrorCode } from '../../../src/errors/error-codes';
import { BirdRecordingListSchema, BirdRecordingSchema } from '../../../src/providers/bird/bird.api-types';
import { toBirdError } from '../../../src/providers/bird/bird.errors';
import { birdStorage, mapBirdAccessLink, mapBirdRecording, mapBirdSession, mapBirdStatus } from '../../../src/providers/bird/bird.mapper';

// The documented example bodies (docs/vendors/bird.md#example-bodies).
const GET_RECORDING = {
  id: '5b74ee9e-9d45-473a-82cd-f1f7feea6bbd',
  sourceId: '50fa2203-66c2-4820-864a-1a8002952f4e',
  channelId: '880d8171-cbab-47bb-81b6-b1a0902da136',
  originator: {
    number: { type: 'pstn', number: '3197004499436', identity: '+3197004499436', countryIsoCode: 'NL' },
  },
  receiver: {
    contact: { id: '225dcb7c-efbd-4288-b78d-93fba8743dd0', identifierKey: 'phonenumber', identifierValue: '+351919150029' },
    number: { type: 'pstn', number: '351919150029', countryIsoCode: 'PT' },
  },
  source: 'call',
  direction: 'outgoing',
  origin: 'create-call',
  status: 'available',
  duration: 29,
  format: 'mp3',
  stereo: false,
  transcription: false,
  url: 'https://regional--voice-recordings--637323691990--euw1.s3.eu-west-1.amazonaws.com/workspaceID%3A8bc02f53-87ac-48d2-b4fd-c2cf856a305f/sourceID%3A50fa2203-66c2-4820-864a-1a8002952f4e/5b74ee9e-9d45-473a-82cd-f1f7feea6bbd.mp3?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T000000Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host&X-Amz-Signature=EXAMPLE',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:31.000Z',
  startedAt: '2024-01-01T00:00:01.000Z',
  endedAt: '2024-01-01T00:00:30.000Z',
};

const LIST = {
  results: [
    {
      id: '5b74ee9e-9d45-473a-82cd-f1f7feea6bbd',
      source: 'call',
      sourceId: '50fa2203-66c2-4820-864a-1a8002952f4e',
      channelId: '880d8171-cbab-47bb-81b6-b1a0902da136',
      status: 'available',
      direction: 'outgoing',
      origin: 'create-call',
      duration: 29,
      stereo: false,
      format: 'mp3',
      transcription: false,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:31.000Z',
      startedAt: '2024-01-01T00:00:01.000Z',
      endedAt: '2024-01-01T00:00:30.000Z',
    },
  ],
  nextPageToken: '',
};

const SOURCE_ID = '50fa2203-66c2-4820-864a-1a8002952f4e';
const LOCATION =
  'https://regional--voice-recordings--637323691990--euw1.s3.eu-west-1.amazonaws.com/workspaceID%3A8bc02f53-87ac-48d2-b4fd-c2cf856a305f/sourceID%3A50fa2203-66c2-4820-864a-1a8002952f4e/5b74ee9e-9d45-473a-82cd-f1f7feea6bbd.mp3?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T000000Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host&X-Amz-Signature=EXAMPLE';
const SIGNED_AT = Date.parse('2024-01-01T00:00:00Z');

const item = (over: Record<string, unknown>) => BirdRecordingSchema.parse({ ...LIST.results[0], ...over });

describe('Bird mapper', () => {
  it('maps the documented get-a-recording example', () => {
    const rec = mapBirdRecording(BirdRecordingSchema.parse(GET_RECORDING));
    expect(rec).toMatchObject({
      provider: 'bird',
      key: ['5b74ee9e-9d45-473a-82cd-f1f7feea6bbd'],
      nativeId: '5b74ee9e-9d45-473a-82cd-f1f7feea6bbd',
      status: 'READY',
      providerStatus: 'available',
      format: 'MP3',
      durationSecs: 29,
      sizeBytes: null,
      channels: 1,
      sessionKey: ['call', SOURCE_ID],
      storage: {
        kind: 'PROVIDER_MANAGED',
        bucket: 'regional--voice-recordings--637323691990--euw1',
        region: 'eu-west-1',
        path: `workspaceID:8bc02f53-87ac-48d2-b4fd-c2cf856a305f/sourceID:${SOURCE_ID}/5b74ee9e-9d45-473a-82cd-f1f7feea6bbd.mp3`,
      },
    });
    expect(rec.startedAt?.toISOString()).toBe('2024-01-01T00:00:01.000Z');
    expect(rec.endedAt?.toISOString()).toBe('2024-01-01T00:00:30.000Z');
    expect(rec.createdAt?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('never exposes the metadata url as a link or in storage', () => {
    const rec = mapBirdRecording(BirdRecordingSchema.parse(GET_RECORDING));
    expect(rec.knownLink).toBeUndefined();
    expect(JSON.stringify(rec)).not.toContain('X-Amz-Signature');
  });

  it('maps the documented list example, with an empty nextPageToken', () => {
    const list = BirdRecordingListSchema.parse(LIST);
    expect(list.nextPageToken).toBe('');
    const rec = mapBirdRecording(list.results![0]);
    expect(rec.storage).toMatchObject({ kind: 'PROVIDER_MANAGED', bucket: null, region: null, path: null });
  });

  it('reads the zero time as unset and an unfinished recording has no end', () => {
    const rec = mapBirdRecording(item({ status: 'ongoing', duration: undefined, endedAt: '0001-01-01T00:00:00Z' }));
    expect(rec.status).toBe('RECORDING');
    expect(rec.endedAt).toBeNull();
    expect(rec.durationSecs).toBeNull();
    const pending = mapBirdRecording(
      item({ status: 'accepted', duration: null, startedAt: '0001-01-01T00:00:00Z', endedAt: '0001-01-01T00:00:00Z' }),
    );
    expect(pending.startedAt).toBeNull();
  });

  it('falls back to the start-end span when duration is absent', () => {
    expect(mapBirdRecording(item({ duration: undefined })).durationSecs).toBe(29);
  });

  it('counts channels from stereo and leaves unknown formats open', () => {
    expect(mapBirdRecording(item({ stereo: true })).channels).toBe(2);
    expect(mapBirdRecording(item({ stereo: undefined })).channels).toBeNull();
    expect(mapBirdRecording(item({ format: 'opus' })).format).toBeNull();
  });

  it('gives no session key for an undocumented source', () => {
    expect(mapBirdRecording(item({ source: 'voicemail' })).sessionKey).toBeNull();
    expect(mapBirdRecording(item({ source: 'conference' })).sessionKey).toEqual(['conference', SOURCE_ID]);
  });

  it('refuses a recording id that is not a UUID', () => {
    expect(BirdRecordingSchema.safeParse({ ...GET_RECORDING, id: '../x' }).success).toBe(false);
  });

  it.each([
    ['accepted', 'PENDING'],
    ['ongoing', 'RECORDING'],
    ['paused', 'PAUSED'],
    ['completed', 'PROCESSING'],
    ['available', 'READY'],
    ['absent', 'FAILED'],
    ['failed', 'FAILED'],
    ['archived', 'UNKNOWN'],
    ['toString', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('maps status %p to %p', (raw, expected) => {
    expect(mapBirdStatus(raw)).toBe(expected);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'maps the inherited name %p to UNKNOWN and to no session kind',
    (raw) => {
      expect(mapBirdRecording(item({ status: raw }))).toMatchObject({ status: 'UNKNOWN', providerStatus: raw });
      expect(mapBirdSession(raw, SOURCE_ID, [item({})])).toBeNull();
    },
  );

  it('keeps an unknown status as providerStatus', () => {
    expect(mapBirdRecording(item({ status: 'archived' }))).toMatchObject({ status: 'UNKNOWN', providerStatus: 'archived' });
  });

  it('builds a call session from the list, dropping items of the other source', () => {
    const conf = {
      ...LIST.results[0],
      id: '11111111-2222-4333-8444-555555555555',
      source: 'conference',
      startedAt: '2023-12-31T23:59:00.000Z',
    };
    const later = {
      ...LIST.results[0],
      id: '66666666-7777-4888-8999-000000000000',
      startedAt: '2024-01-01T00:01:00.000Z',
      endedAt: '2024-01-01T00:02:00.000Z',
    };
    const list = BirdRecordingListSchema.parse({ results: [LIST.results[0], conf, later] }).results!;
    const session = mapBirdSession('call', SOURCE_ID, list);
    expect(session).toMatchObject({ provider: 'bird', key: ['call', SOURCE_ID], nativeId: SOURCE_ID, kind: 'CALL', name: null });
    expect(session?.recordings.map((r) => r.nativeId)).toEqual([
      '5b74ee9e-9d45-473a-82cd-f1f7feea6bbd',
      '66666666-7777-4888-8999-000000000000',
    ]);
    expect(session?.startedAt?.toISOString()).toBe('2024-01-01T00:00:01.000Z');
    expect(session?.durationSecs).toBe(119);
    expect(mapBirdSession('conference', SOURCE_ID, list)).toMatchObject({ kind: 'CONFERENCE', recordings: [{ nativeId: conf.id }] });
    expect(mapBirdSession('call', '00000000-0000-4000-8000-000000000000', list)).toBeNull();
    expect(mapBirdSession('voicemail', SOURCE_ID, list)).toBeNull();
  });

  it('accepts results: null as an empty page', () => {
    expect(BirdRecordingListSchema.parse({ results: null }).results).toBeNull();
  });

  it('storage ignores a url that is not a regional S3 URL', () => {
    expect(birdStorage('https://media.api.bird.com/x.mp3')).toMatchObject({ kind: 'PROVIDER_MANAGED', bucket: null, region: null });
    expect(birdStorage('not a url')).toMatchObject({ bucket: null });
  });
});

describe('Bird access link', () => {
  it('returns the Location as sent with the expiry from X-Amz-Date + X-Amz-Expires', () => {
    const link = mapBirdAccessLink({ status: 307, location: LOCATION }, SIGNED_AT + 100_000);
    expect(link.url).toBe(LOCATION);
    expect(link.expiresAt?.toISOString()).toBe('2024-01-01T00:10:00.000Z');
    expect(link.validForSecs).toBe(500);
    expect(link).toMatchObject({ format: 'MP3', disposition: 'UNKNOWN' });
  });

  it('never reports more than Bird granted, nor less than zero', () => {
    expect(mapBirdAccessLink({ status: 307, location: LOCATION }, SIGNED_AT - 3_600_000).validForSecs).toBe(600);
    expect(mapBirdAccessLink({ status: 307, location: LOCATION }, SIGNED_AT + 3_600_000).validForSecs).toBe(0);
  });

  it.each([
    ['a 200', { status: 200, location: LOCATION }],
    ['a 302', { status: 302, location: LOCATION }],
    ['no Location', { status: 307, location: null }],
    ['a non-http Location', { status: 307, location: 'javascript:alert(1)' }],
    ['a relative Location', { status: 307, location: '/x.mp3' }],
    ['no X-Amz-Date', { status: 307, location: LOCATION.replace('X-Amz-Date=20240101T000000Z&', '') }],
    ['a bad X-Amz-Date', { status: 307, location: LOCATION.replace('20240101T000000Z', '20241301T000000Z') }],
    ['no X-Amz-Expires', { status: 307, location: LOCATION.replace('X-Amz-Expires=600&', '') }],
    ['a bad X-Amz-Expires', { status: 307, location: LOCATION.replace('X-Amz-Expires=600', 'X-Amz-Expires=-1') }],
  ])('refuses %s as PROVIDER_BAD_RESPONSE', (_what, redirect) => {
    expect(() => mapBirdAccessLink(redirect, SIGNED_AT)).toThrow(
      expect.objectContaining({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'bird' }),
    );
  });
});

describe('Bird errors', () => {
  it.each([
    [401, ErrorCode.PROVIDER_AUTH_FAILED],
    [403, ErrorCode.PROVIDER_AUTH_FAILED],
    [404, ErrorCode.NOT_FOUND],
    [422, ErrorCode.BAD_USER_INPUT],
    [429, ErrorCode.PROVIDER_RATE_LIMITED],
    [503, ErrorCode.PROVIDER_UNAVAILABLE],
  ])('maps HTTP %p to %p', (status, code) => {
    expect(toBirdError(status, undefined, {})).toMatchObject({ code, provider: 'bird', httpStatus: status });
  });

  it('reads a vendor code from either body shape, never the message', () => {
    const top = toBirdError(422, { code: 'ValidationError', message: 'secret detail' }, {});
    expect(top.vendorCode).toBe('ValidationError');
    expect(top.message).not.toContain('secret detail');
    expect(toBirdError(422, { errors: [{ code: 'limit', message: 'x' }] }, {}).vendorCode).toBe('limit');
    expect(toBirdError(404, 'not json', {}).vendorCode).toBeUndefined();
    expect(toBirdError(429, null, { retryAfterSecs: 3 }).retryAfterSecs).toBe(3);
  });
});
