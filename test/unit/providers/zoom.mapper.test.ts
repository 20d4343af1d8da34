import { createHmac } from 'node:crypto';
import { ErrorCode } from '../../../src/errors/error-codes';
import { ZoomSessionRecordingsSchema } from '../../../src/providers/zoom/zoom.api-types';
import { zoomSessionSegment } from '../../../src/providers/zoom/zoom.client';
import { signZoomJwt, createZoomTokenSource } from '../../../src/providers/zoom/zoom.jwt';
import { mapZoomAccessLink, mapZoomFile, mapZoomSession, zoomFileFormat, zoomFiles } from '../../../src/providers/zoom/zoom.mapper';
import { seedZoom } from '../../../src/sandbox/zoom/zoom.seed';

// The documented example (docs/vendors/zoom.md#example-bodies), plus a CC file without id.
const SESSION = ZoomSessionRecordingsSchema.parse({
  session_id: 'KkMHZ4y8QhSUWAHi5sWvfg==',
  session_name: 'session name',
  start_time: '2022-03-10T02:27:24Z',
  duration: 2,
  total_size: 444601,
  recording_count: 2,
  session_key: 'ABC36jaBI145',
  recording_files: [
    {
      id: 'ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8',
      session_id: 'KkMHZ4y8QhSUWAHi5sWvfg==',
      recording_start: '2022-03-10T02:27:30Z',
      recording_end: '2022-03-10T02:29:10Z',
      file_type: 'MP4',
      file_size: 398041,
      download_url: 'https://example.com/rec/download/Qg75t7xZBtEbAkjdlgbfdngBBBB',
      status: 'completed',
      recording_type: 'shared_screen_with_speaker_view',
    },
    {
      id: '0a564312-edf7-495e-b916-6873a7b32c50',
      session_id: 'KkMHZ4y8QhSUWAHi5sWvfg==',
      recording_start: '2022-03-10T02:27:30Z',
      recording_end: '2022-03-10T02:29:10Z',
      file_type: 'M4A',
      file_size: 46560,
      download_url: 'https://example.com/rec/download/Qg75t7xZBtEbAkjdlgbfdngAAAA',
      status: 'completed',
      recording_type: 'audio_only',
    },
    {
      recording_start: '2022-03-10T02:27:30Z',
      recording_end: '2022-03-10T02:29:10Z',
      file_type: 'CC',
      file_extension: 'VTT',
      download_url: 'https://example.com/cc',
    },
  ],
  participant_audio_files: [
    {
      id: '9f1c2d3e-0000-4000-8000-000000000001',
      recording_start: '2022-03-10T02:27:30Z',
      recording_end: '2022-03-10T02:29:10Z',
      file_name: 'MyRecording',
      file_type: 'M4A',
      file_extension: 'M4A',
      file_size: 24560,
      download_url: 'https://example.com/rec/download/Qg75t7xZBtEbAkjdlgbfdngCCCC',
      status: 'completed',
      user_id: '16778240',
      user_key: 'key1',
    },
  ],
  download_access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.EXAMPLE.SIGNATURE',
});

describe('Zoom mapper', () => {
  it('maps every addressable file of the documented example, skipping files without id', () => {
    const files = zoomFiles(SESSION);
    expect(files.map((f) => f.id)).toEqual([
      'ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8',
      '0a564312-edf7-495e-b916-6873a7b32c50',
      '9f1c2d3e-0000-4000-8000-000000000001',
    ]);
    const rec = mapZoomFile(files[0], SESSION);
    expect(rec).toMatchObject({
      provider: 'zoom',
      key: ['KkMHZ4y8QhSUWAHi5sWvfg==', 'ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8'],
      nativeId: 'ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8',
      status: 'READY',
      providerStatus: 'completed',
      format: 'MP4',
      durationSecs: 100,
      sizeBytes: 398041,
      sessionKey: ['KkMHZ4y8QhSUWAHi5sWvfg=='],
    });
    expect(mapZoomFile(files[1], SESSION).format).toBe('M4A');
  });

  it('maps a trashed file to DELETED and an undocumented status to UNKNOWN', () => {
    const [file] = zoomFiles(SESSION);
    expect(mapZoomFile({ ...file, deleted_time: '2022-03-11T00:00:00Z' }, SESSION).status).toBe('DELETED');
    expect(mapZoomFile({ ...file, status: 'processing' }, SESSION)).toMatchObject({ status: 'UNKNOWN', providerStatus: 'processing' });
    expect(mapZoomFile({ ...file, recording_start: null }, SESSION)).toMatchObject({ startedAt: null, durationSecs: null });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'maps the inherited name %p to UNKNOWN, keeping it as providerStatus',
    (raw) => {
      const [file] = zoomFiles(SESSION);
      expect(mapZoomFile({ ...file, status: raw }, SESSION)).toMatchObject({ status: 'UNKNOWN', providerStatus: raw });
      expect(zoomFileFormat({ ...file, file_extension: null, file_type: raw })).toBeNull();
    },
  );

  it('maps the session, reading duration as minutes', () => {
    const session = mapZoomSession(SESSION);
    expect(session).toMatchObject({ kind: 'MEETING', name: 'session name', nativeId: 'KkMHZ4y8QhSUWAHi5sWvfg==', durationSecs: 120 });
    expect(session.startedAt?.toISOString()).toBe('2022-03-10T02:27:24.000Z');
    expect(session.recordings).toHaveLength(3);
  });

  it('adds the session download token to the URL, expiring ttl seconds after it was minted', () => {
    const [file] = zoomFiles(SESSION);
    const link = mapZoomAccessLink(file, SESSION.download_access_token, 600, Date.parse('2026-01-01T00:00:00Z'));
    expect(link).toEqual({
      url: 'https://example.com/rec/download/Qg75t7xZBtEbAkjdlgbfdngBBBB?access_token=eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.EXAMPLE.SIGNATURE',
      expiresAt: new Date('2026-01-01T00:10:00Z'),
      validForSecs: 600,
      format: 'MP4',
      disposition: 'UNKNOWN',
    });
    expect(mapZoomAccessLink({ ...file, download_url: 'https://x/y?a=1' }, 't', 1, 0)?.url).toBe('https://x/y?a=1&access_token=t');
    expect(() => mapZoomAccessLink(file, null, 60, 0)).toThrow(expect.objectContaining({ code: ErrorCode.PROVIDER_BAD_RESPONSE }));
  });

  it('double-encodes only session ids that start with / or contain //', () => {
    expect(zoomSessionSegment('KkMHZ4y8QhSUWAHi5sWvfg==')).toBe('KkMHZ4y8QhSUWAHi5sWvfg%3D%3D');
    expect(zoomSessionSegment('sfk/aOFJSJSYhGwk1hnxgw==')).toBe('sfk%2FaOFJSJSYhGwk1hnxgw%3D%3D');
    expect(zoomSessionSegment('/abc==')).toBe('%252Fabc%253D%253D');
    expect(zoomSessionSegment('a//b')).toBe('a%252F%252Fb');
  });

  it('signs an HS256 API JWT with iss = key and reuses it until shortly before it expires', () => {
    const token = signZoomJwt('key', 'secret', 1_700_000_000_000, 3600);
    const [h, p, sig] = token.split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toEqual({ iss: 'key', iat: 1_700_000_000, exp: 1_700_003_600 });
    expect(sig).toBe(createHmac('sha256', 'secret').update(`${h}.${p}`).digest('base64url'));
    let now = 1_700_000_000_000;
    const source = createZoomTokenSource('key', 'secret', () => now);
    const first = source();
    now += 3_000_000;
    expect(source()).toBe(first);
    now += 400_000;
    expect(source()).not.toBe(first);
  });

  it.each([
    [{ file_type: 'MP4', file_extension: 'MP4' }, 'MP4'],
    [{ file_type: 'M4A' }, 'M4A'],
    [{ file_type: 'TRANSCRIPT' }, 'VTT'],
    [{ file_type: 'CC' }, 'VTT'],
    [{ file_type: 'CHAT' }, 'TXT'],
    [{ file_type: 'TIMELINE' }, 'JSON'],
    [{ file_type: 'CSV' }, 'CSV'],
    [{ file_type: 'CHAT', file_extension: 'TXT' }, 'TXT'],
    [{ file_type: 'TB' }, null],
    [{}, null],
  ])('reads the format of %p as %p', (file, expected) => {
    expect(zoomFileFormat(file)).toBe(expected);
  });

  it('skips files whose id could not round-trip through our id check', () => {
    const body = ZoomSessionRecordingsSchema.parse({ session_id: 'x', recording_files: [{ id: '../etc' }, { id: '' }, { id: 'ok-1' }] });
    expect(zoomFiles(body).map((f) => f.id)).toEqual(['ok-1']);
  });

  it('tolerates a session without times, duration or files', () => {
    const session = mapZoomSession(ZoomSessionRecordingsSchema.parse({ session_id: 'x', start_time: null }));
    expect(session).toMatchObject({ startedAt: null, durationSecs: null, name: null, recordings: [] });
  });

  it.each(['javascript:alert(1)', '/rec/download/Qg75t7xZBtEbAkjdlgbfdngBBBB', 'ftp://example.com/rec', 'not a url'])(
    'refuses a download_url %p that is not an absolute http(s) URL, never appending the token to it',
    (url) => {
      const [file] = zoomFiles(SESSION);
      expect(() =>
        mapZoomAccessLink({ ...file, download_url: url }, SESSION.download_access_token, 3600, Date.parse('2022-03-11T00:00:00Z')),
      ).toThrow(expect.objectContaining({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'zoom' }));
    },
  );

  it('reports a ttl of 0 as expiring at once, and no download_url as no link', () => {
    const [file] = zoomFiles(SESSION);
    expect(mapZoomAccessLink(file, 't', 0, 5_000)).toMatchObject({ expiresAt: new Date(5_000), validForSecs: 0 });
    expect(mapZoomAccessLink({ ...file, download_url: null }, 't', 60, 0)).toBeNull();
  });
});

describe('Zoom seed', () => {
  const data = seedZoom();
  const ids = data.sessions.map((s) => s.session_id);
  const all = data.sessions.flatMap((s) => [
    ...(s.recording_files ?? []),
    ...(s.participant_audio_files ?? []),
    ...(s.participant_video_files ?? []),
  ]);

  it('is deterministic and covers the id and file edge cases', () => {
    expect(seedZoom()).toEqual(data);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(data.sessions.flatMap((s) => zoomFiles(s)).length).toBeGreaterThanOrEqual(24);
    expect(ids.some((id) => id.startsWith('/'))).toBe(true);
    expect(ids.some((id) => id.includes('//'))).toBe(true);
    expect(ids.some((id) => /^[^/].*[^/]\/[^/]/.test(id))).toBe(true);
    expect(ids.some((id) => id.includes('+'))).toBe(true);
    expect(ids.every((id) => id.includes('='))).toBe(true);
    expect(all.filter((f) => f.file_type === 'CC' || f.file_type === 'TIMELINE').every((f) => f.id === undefined)).toBe(true);
    expect(all.filter((f) => f.deleted_time)).toHaveLength(1);
    expect(new Set(all.map((f) => f.status))).toEqual(new Set(['completed', 'processing', undefined]));
  });
});
