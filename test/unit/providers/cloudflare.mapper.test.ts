import {
  CloudflareRecordingEnvelopeSchema,
  CloudflareRecordingListSchema,
  CloudflareRecordingSchema,
  CloudflareSessionEnvelopeSchema,
} from '../../../src/providers/cloudflare/cloudflare.api-types';
import { toCloudflareError } from '../../../src/providers/cloudflare/cloudflare.errors';
import {
  mapCloudflareAccessLink,
  mapCloudflareRecording,
  mapCloudflareSession,
  sessionOfDetails,
  mapCloudflareStatus,
  mapCloudflareStorage,
} from '../../../src/providers/cloudflare/cloudflare.mapper';
import { ErrorCode } from '../../../src/errors/error-codes';

// The documented example bodies (docs/vendors/cloudflare.md#example-bodies).
const GET_RECORDING = {
  success: true,
  data: {
    id: '97cb480d-5840-4528-ace3-919b5e386c68',
    audio_download_url: 'https://example.r2.cloudflarestorage.com/recordings/weekly-sync.mp3?X-Amz-Expires=604800&X-Amz-Signature=EXAMPLE',
    download_url: 'https://example.r2.cloudflarestorage.com/recordings/weekly-sync.mp4?X-Amz-Expires=604800&X-Amz-Signature=EXAMPLE',
    download_url_expiry: '2026-06-10T10:30:00.000Z',
    file_size: 2044680,
    invoked_time: '2026-06-03T09:59:55.000Z',
    output_file_name: 'weekly-sync.mp4',
    session_id: '05e57591-d89e-45c9-ae44-08dc1eaad0e0',
    started_time: '2026-06-03T10:00:00.000Z',
    status: 'UPLOADED',
    stopped_time: '2026-06-03T10:30:00.000Z',
    recording_duration: 1800,
    start_reason: { reason: 'API_CALL', caller: { type: 'ORGANIZATION' } },
    stop_reason: { reason: 'ALL_PEERS_LEFT' },
    storage_config: null,
  },
};

const LIST = {
  success: true,
  data: [
    {
      id: '97cb480d-5840-4528-ace3-919b5e386c68',
      audio_download_url: null,
      download_url: 'https://example.r2.cloudflarestorage.com/recordings/weekly-sync.mp4?X-Amz-Expires=604800&X-Amz-Signature=EXAMPLE',
      download_url_expiry: '2026-06-10T10:30:00.000Z',
      file_size: 2044680,
      invoked_time: '2026-06-03T09:59:55.000Z',
      output_file_name: 'weekly-sync.mp4',
      session_id: '05e57591-d89e-45c9-ae44-08dc1eaad0e0',
      started_time: '2026-06-03T10:00:00.000Z',
      status: 'UPLOADED',
      stopped_time: '2026-06-03T10:30:00.000Z',
      recording_duration: 1800,
      meeting: {
        id: '50c8940e-1b97-402a-97d6-2708b7feca41',
        created_at: '2026-06-01T08:00:00.000Z',
        updated_at: '2026-06-03T10:30:00.000Z',
        title: 'Weekly sync',
        status: 'ACTIVE',
        record_on_start: false,
      },
      storage_config: null,
    },
  ],
  paging: { total_count: 1, start_offset: 0, end_offset: 0 },
};

// SessionGetSessionDetailsResponse (cloudflare-typescript src/resources/realtime-kit/sessions.ts).
const SESSION = {
  success: true,
  data: {
    session: {
      id: '05e57591-d89e-45c9-ae44-08dc1eaad0e0',
      associated_id: '50c8940e-1b97-402a-97d6-2708b7feca41',
      created_at: '2026-06-03T09:58:00.000Z',
      live_participants: 0,
      max_concurrent_participants: 4,
      meeting_display_name: 'Weekly sync',
      minutes_consumed: 120,
      organization_id: '2a95132c15732412d22c1476fa83f27a',
      started_at: '2026-06-03T09:58:00.000Z',
      status: 'ENDED',
      type: 'meeting',
      updated_at: '2026-06-03T10:40:00.000Z',
      ended_at: '2026-06-03T10:40:00.000Z',
    },
  },
};

const recordingBody = (over: Record<string, unknown>) => CloudflareRecordingSchema.parse({ ...GET_RECORDING.data, ...over });

describe('Cloudflare RealtimeKit mapper', () => {
  it('maps the documented get-recording example, with the link it already carries', () => {
    const rec = mapCloudflareRecording(CloudflareRecordingEnvelopeSchema.parse(GET_RECORDING).data!);
    expect(rec).toMatchObject({
      provider: 'cloudflare',
      key: ['97cb480d-5840-4528-ace3-919b5e386c68'],
      nativeId: '97cb480d-5840-4528-ace3-919b5e386c68',
      status: 'READY',
      providerStatus: 'UPLOADED',
      format: 'MP4',
      durationSecs: 1800,
      sizeBytes: 2044680,
      sessionKey: ['05e57591-d89e-45c9-ae44-08dc1eaad0e0'],
      storage: { kind: 'PROVIDER_MANAGED', bucket: null, region: null, path: null, authMethod: null, streamingAllowed: null },
      knownLink: { url: GET_RECORDING.data.download_url, format: 'MP4', disposition: 'UNKNOWN' },
    });
    expect(rec.startedAt?.toISOString()).toBe('2026-06-03T10:00:00.000Z');
    expect(rec.endedAt?.toISOString()).toBe('2026-06-03T10:30:00.000Z');
    expect(rec.createdAt?.toISOString()).toBe('2026-06-03T09:59:55.000Z');
    expect(rec.knownLink?.expiresAt?.toISOString()).toBe('2026-06-10T10:30:00.000Z');
  });

  it('maps a list item the same way as the get body, ignoring the embedded meeting', () => {
    const listed = mapCloudflareRecording(CloudflareRecordingListSchema.parse(LIST).data[0]);
    const single = mapCloudflareRecording(CloudflareRecordingEnvelopeSchema.parse(GET_RECORDING).data!);
    expect(listed).toEqual(single);
  });

  it('maps an INVOKED recording with null times, size, duration and no link', () => {
    const rec = mapCloudflareRecording(
      recordingBody({
        status: 'INVOKED',
        started_time: null,
        stopped_time: null,
        recording_duration: undefined,
        file_size: null,
        download_url: null,
        download_url_expiry: null,
        audio_download_url: null,
      }),
    );
    expect(rec).toMatchObject({ status: 'PENDING', startedAt: null, endedAt: null, durationSecs: null, sizeBytes: null, knownLink: null });
  });

  it('leaves the session out when session_id is null or not a UUID', () => {
    expect(mapCloudflareRecording(recordingBody({ session_id: null })).sessionKey).toBeNull();
    expect(mapCloudflareRecording(recordingBody({ session_id: '../x' })).sessionKey).toBeNull();
  });

  it('refuses a recording id that is not a UUID (it could not round-trip as a global id)', () => {
    expect(CloudflareRecordingSchema.safeParse({ ...GET_RECORDING.data, id: '../../etc' }).success).toBe(false);
  });

  it.each([
    ['INVOKED', 'PENDING'],
    ['RECORDING', 'RECORDING'],
    ['PAUSED', 'PAUSED'],
    ['UPLOADING', 'PROCESSING'],
    ['UPLOADED', 'READY'],
    ['ERRORED', 'FAILED'],
    ['STOPPING', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('maps status %p to %p', (raw, expected) => {
    expect(mapCloudflareStatus(raw)).toBe(expected);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'maps the inherited name %p to UNKNOWN status and to no storage kind',
    (raw) => {
      expect(mapCloudflareStatus(raw)).toBe('UNKNOWN');
      expect(mapCloudflareRecording(recordingBody({ status: raw }))).toMatchObject({ status: 'UNKNOWN', providerStatus: raw });
      expect(mapCloudflareStorage({ type: raw })).toBeNull();
    },
  );

  it('keeps an undocumented status as providerStatus', () => {
    expect(mapCloudflareRecording(recordingBody({ status: 'STOPPING' }))).toMatchObject({ status: 'UNKNOWN', providerStatus: 'STOPPING' });
  });

  it.each([
    [
      { type: 'aws', bucket: 'b', region: 'us-east-1', path: 'p/' },
      { kind: 'AWS', bucket: 'b', region: 'us-east-1', path: 'p/', host: null, port: null, username: null, authMethod: null },
    ],
    [
      { type: 'azure', bucket: 'c', path: 'm/' },
      { kind: 'AZURE', bucket: 'c', region: null, path: 'm/' },
    ],
    [
      { type: 'digitalocean', bucket: 's', region: 'fra1' },
      { kind: 'DIGITALOCEAN', bucket: 's', region: 'fra1' },
    ],
    [
      { type: 'gcs', bucket: 'g', path: 'rtk' },
      { kind: 'GCS', bucket: 'g', path: 'rtk' },
    ],
    [
      { type: 'sftp', host: 'sftp.example.com', port: 22, username: 'u', path: '/up', auth_method: 'KEY' },
      { kind: 'SFTP', bucket: null, host: 'sftp.example.com', port: 22, username: 'u', path: '/up', authMethod: 'KEY' },
    ],
    [
      { type: 'sftp', host: 'h', port: 2222, username: 'rtk', auth_method: 'PASSWORD' },
      { kind: 'SFTP', host: 'h', port: 2222, username: 'rtk', authMethod: 'PASSWORD' },
    ],
  ])('maps storage_config %p', (config, expected) => {
    const rec = mapCloudflareRecording(recordingBody({ storage_config: config, download_url: null, download_url_expiry: null }));
    expect(rec.storage).toMatchObject({ ...expected, streamingAllowed: null });
    expect(rec.knownLink).toBeNull();
  });

  it('maps no storage_config to RealtimeKit-managed storage and an unknown type to null', () => {
    expect(mapCloudflareStorage(null)).toEqual({
      kind: 'PROVIDER_MANAGED',
      bucket: null,
      region: null,
      path: null,
      host: null,
      port: null,
      username: null,
      authMethod: null,
      streamingAllowed: null,
    });
    expect(mapCloudflareStorage({ type: 'ftp' })).toBeNull();
  });

  it('never copies write-only secrets, whether zod strips them or not', () => {
    const secrets = {
      secret: 'SECRET-VALUE-aaaa',
      password: 'PASSWORD-VALUE-bbbb',
      private_key: '-----BEGIN PRIVATE KEY-----cccc',
      access_key: 'ACCESS-KEY-VALUE-dddd',
    };
    const body = {
      ...GET_RECORDING.data,
      storage_config: { type: 'sftp', host: 'h', port: 22, username: 'u', auth_method: 'KEY', ...secrets },
    };
    const viaSchema = mapCloudflareRecording(CloudflareRecordingSchema.parse(body));
    // Also straight into the mapper, as if a schema let them through.
    const direct = mapCloudflareRecording(body as never);
    for (const rec of [viaSchema, direct]) {
      expect(rec.storage).toMatchObject({ kind: 'SFTP', host: 'h', authMethod: 'KEY' });
      const json = JSON.stringify(rec);
      for (const value of Object.values(secrets)) expect(json).not.toContain(value);
    }
  });

  it.each([
    ['weekly-sync.tar', 'TAR'],
    ['weekly-sync', 'MP4'],
    ['weekly-sync.webm', 'WEBM'],
    ['weekly-sync.mkv', null],
  ])('reads the format of %p as %p', (name, format) => {
    const rec = mapCloudflareRecording(
      recordingBody({ output_file_name: name, download_url: 'https://example.r2.cloudflarestorage.com/recordings/x?sig=1' }),
    );
    expect(rec.format).toBe(format);
    expect(rec.knownLink?.format).toBe(format);
  });

  it('builds a session from its details and keeps only its own recordings of the meeting list', () => {
    const list = CloudflareRecordingListSchema.parse({
      ...LIST,
      data: [
        ...LIST.data,
        { ...LIST.data[0], id: '11111111-2222-4333-8444-555555555555', session_id: '99999999-2222-4333-8444-555555555555' },
      ],
    });
    const session = mapCloudflareSession(sessionOfDetails(CloudflareSessionEnvelopeSchema.parse(SESSION).data)!, list.data);
    expect(session).toMatchObject({
      provider: 'cloudflare',
      key: ['05e57591-d89e-45c9-ae44-08dc1eaad0e0'],
      nativeId: '05e57591-d89e-45c9-ae44-08dc1eaad0e0',
      kind: 'MEETING',
      name: 'Weekly sync',
      durationSecs: 2520,
    });
    expect(session.startedAt?.toISOString()).toBe('2026-06-03T09:58:00.000Z');
    expect(session.recordings.map((r) => r.nativeId)).toEqual(['97cb480d-5840-4528-ace3-919b5e386c68']);
  });

  it('gives a LIVE session without ended_at no duration, and a session without recordings an empty list', () => {
    const live = CloudflareSessionEnvelopeSchema.parse({
      success: true,
      data: { session: { ...SESSION.data.session, status: 'LIVE', ended_at: undefined } },
    });
    const session = mapCloudflareSession(sessionOfDetails(live.data)!, []);
    expect(session.durationSecs).toBeNull();
    expect(session.recordings).toEqual([]);
  });

  it('returns the link with the expiry Cloudflare granted, whatever was asked, floored at 0', () => {
    const rec = mapCloudflareRecording(CloudflareRecordingEnvelopeSchema.parse(GET_RECORDING).data!);
    const expiry = Date.parse('2026-06-10T10:30:00.000Z');
    const link = mapCloudflareAccessLink(rec.knownLink!, expiry - 3_600_500);
    expect(link).toEqual({
      url: GET_RECORDING.data.download_url,
      expiresAt: new Date(expiry),
      validForSecs: 3600,
      format: 'MP4',
      disposition: 'UNKNOWN',
    });
    expect(mapCloudflareAccessLink(rec.knownLink!, expiry + 10_000).validForSecs).toBe(0);
  });

  it('derives a missing link expiry from the 7-day retention counted from stopped_time, never null', () => {
    const rec = mapCloudflareRecording(recordingBody({ download_url_expiry: null }));
    const expiry = Date.parse('2026-06-03T10:30:00.000Z') + 7 * 86_400_000;
    expect(rec.knownLink?.expiresAt).toEqual(new Date(expiry));
    const link = mapCloudflareAccessLink(rec.knownLink!, expiry - 86_400_000);
    expect(link).toMatchObject({ url: GET_RECORDING.data.download_url, expiresAt: new Date(expiry), validForSecs: 86_400 });
    // An unreadable expiry is treated like a missing one.
    expect(mapCloudflareRecording(recordingBody({ download_url_expiry: 'soon' })).knownLink?.expiresAt).toEqual(new Date(expiry));
  });

  it('gives no link when neither the expiry nor the stop time is known (a null expiry would mean "never expires")', () => {
    const rec = mapCloudflareRecording(recordingBody({ download_url_expiry: null, stopped_time: null }));
    expect(rec.knownLink).toBeNull();
    expect(rec.format).toBe('MP4');
  });

  it.each(['javascript:alert(1)', '/recordings/weekly-sync.mp4', 'ftp://example.com/weekly-sync.mp4', 'not a url'])(
    'refuses a download_url %p that is not an absolute http(s) URL with PROVIDER_BAD_RESPONSE',
    (url) => {
      const rec = mapCloudflareRecording(recordingBody({ download_url: url }));
      expect(() => mapCloudflareAccessLink(rec.knownLink!, Date.parse('2026-06-04T00:00:00Z'))).toThrow(
        expect.objectContaining({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'cloudflare' }),
      );
    },
  );

  it('reads both error shapes for the vendor code and never copies their message', () => {
    const kit = toCloudflareError(404, { success: false, error: { code: 404, message: 'Recording xyz not found' } }, {});
    expect(kit).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'cloudflare', vendorCode: 404 });
    const gateway = toCloudflareError(401, { success: false, errors: [{ code: 10000, message: 'Authentication error' }] }, {});
    expect(gateway).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, vendorCode: 10000 });
    expect(gateway.message).not.toContain('Authentication error');
    expect(kit.message).not.toContain('xyz');
    expect(toCloudflareError(403, undefined, {})).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED });
    expect(toCloudflareError(429, 'not json', { retryAfterSecs: 30 })).toMatchObject({
      code: ErrorCode.PROVIDER_RATE_LIMITED,
      retryAfterSecs: 30,
    });
    expect(toCloudflareError(502, null, {})).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
  });
});
