import { bulkInstants, bulkSessionSizes, bulkStream } from '../bulk-seed';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';
import type { SandboxStartOptions } from '../vendor-sandbox';
import type { ZoomWireRecordingFile, ZoomWireSession } from './zoom.wire';

export interface ZoomDataset {
  /**
   * Session objects with their files, as GET /videosdk/sessions/{id}/recordings sends them
   * (without a token). `download_url` holds only the path (`/rec/download/<token>`): the
   * emulator puts its own origin in front when it serves a body, so the data stays the
   * same whatever port the emulator got.
   */
  sessions: ZoomWireSession[];
}

/**
 * Session ids as Zoom makes them: base64 of 16 bytes, so `/`, `+` and `=` occur
 * (docs/vendors/zoom.md#ids). The fixed ones exercise the double-encoding rule
 * (one starts with `/`, one contains `//`), a `/` inside, a `+`, and the docs' example id.
 * Ids never depend on the time, so they are the same on every machine.
 */
const FIXED_SESSION_IDS = [
  '/Ug7ckbpR5uHc1lU9Vn8Zg==',
  'sfk//aOFJSJSYhGwk1hnxg==',
  'KkMHZ4y8QhSUWAHi5sWvfg==',
  'sfk/aOFJSJSYhGwk1hnxgw==',
  'q3+Xr9Tb0kW2yPzLm4e8Aw==',
];

function sessionIds(rng: SeedRandom, count: number): string[] {
  const random = Array.from({ length: Math.max(0, count - FIXED_SESSION_IDS.length) }, () =>
    Buffer.from(Array.from({ length: 16 }, () => rng.int(0, 255))).toString('base64'),
  );
  return [...FIXED_SESSION_IDS, ...random].slice(0, count);
}

/** Zoom sends times without milliseconds: `2022-03-10T02:27:24Z`. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Makes the files of one session, all spanning its recording (what demo and bulk sessions are made of). */
function fileMaker(rng: SeedRandom, sessionId: string, recStart: string, recEnd: string) {
  return (type: string, ext: string | null, recordingType: string | null, size: number | null, withId = true): ZoomWireRecordingFile => ({
    // CC and TIMELINE files carry no id, status, file_size or recording_type (zoom-video-sdk.json).
    ...(withId ? { id: rng.uuid(), status: 'completed', file_size: size, recording_type: recordingType } : {}),
    session_id: sessionId,
    recording_start: recStart,
    recording_end: recEnd,
    file_type: type,
    ...(ext ? { file_extension: ext } : {}),
    download_url: `/rec/download/${rng.token(28)}`,
  });
}

const NAMES = ['Design review', 'Customer call', 'Standup', 'Quarterly planning', 'Support escalation', 'Interview'];

/**
 * Deterministic demo data: 6 sessions, each with an MP4, an M4A, a transcript and a chat
 * file, CC and TIMELINE files (no id: not addressable), participant audio files, some
 * participant video files, one trashed file (`deleted_time`, listed only with trash=true),
 * one file with an undocumented status and no end time: 37 addressable files (36 outside the trash).
 * Times are relative to SANDBOX_EPOCH. `recordingsPerVendor` adds that many bulk files.
 */
export function seedZoom(
  seed = 1,
  options: Pick<SandboxStartOptions, 'recordingsPerVendor'> & { sessionCount?: number } = {},
): ZoomDataset {
  const rng = new SeedRandom(seed);
  const ids = sessionIds(rng, options.sessionCount ?? 6);
  const sessions = ids.map((sessionId, s): ZoomWireSession => {
    const start = SANDBOX_EPOCH - (s + 1) * 5 * 3_600_000 - rng.int(0, 900) * 1000;
    const length = rng.int(120, 3_600);
    const recStart = iso(start + 6_000);
    const recEnd = iso(start + 6_000 + length * 1000);
    const file = fileMaker(rng, sessionId, recStart, recEnd);
    const files: ZoomWireRecordingFile[] = [
      file('MP4', 'MP4', 'shared_screen_with_speaker_view', length * rng.int(40_000, 90_000)),
      file('M4A', 'M4A', 'audio_only', length * rng.int(4_000, 9_000)),
      file('TRANSCRIPT', null, 'audio_transcript', rng.int(2_000, 40_000)),
      file('CHAT', null, 'chat_file', rng.int(100, 4_000)),
      file('CC', 'VTT', null, null, false),
      file('TIMELINE', 'JSON', null, null, false),
    ];
    if (s === 2) files.push({ ...file('MP4', 'MP4', 'gallery_view', length * 50_000), deleted_time: iso(SANDBOX_EPOCH - 3_600_000) });
    const audio = Array.from({ length: 1 + (s % 2) }, (_, u) => ({
      ...file('M4A', 'M4A', null, length * rng.int(3_000, 6_000)),
      file_name: `participant-${u + 1}`,
      user_id: String(16_778_240 + u),
      user_key: `key${u + 1}`,
    }));
    const video: ZoomWireRecordingFile[] =
      s % 3 === 0
        ? [
            { ...file('MP4', 'MP4', 'individual_user', length * rng.int(20_000, 40_000)), user_id: '16778240', user_key: 'key1' },
            // Undocumented status (only `completed` is documented) and an end not yet known.
            ...(s === 3 ? [{ ...file('MP4', 'MP4', 'individual_shared_screen', null), status: 'processing', recording_end: null }] : []),
          ]
        : [];
    const all = [...files, ...audio, ...video];
    return {
      session_id: sessionId,
      session_name: NAMES[s % NAMES.length],
      start_time: iso(start),
      // Minutes (Inference, see zoom.mapper.ts), rounded up as Zoom's Meetings API does.
      duration: Math.ceil(length / 60),
      total_size: all.reduce((n, f) => n + (f.file_size ?? 0), 0),
      recording_count: all.length,
      session_key: `demo-${s + 1}`,
      recording_files: files,
      participant_audio_files: audio,
      participant_video_files: video,
    };
  });
  const bulk = bulkSessions(seed, options.recordingsPerVendor ?? 0, new Set(ids));
  return { sessions: [...sessions, ...bulk] };
}

const BULK_FILES: ReadonlyArray<[type: string, ext: string | null, recordingType: string]> = [
  ['MP4', 'MP4', 'shared_screen_with_speaker_view'],
  ['M4A', 'M4A', 'audio_only'],
  ['TRANSCRIPT', null, 'audio_transcript'],
  ['CHAT', null, 'chat_file'],
];

/**
 * `count` more addressable files (the benchmark's bulk timeline), 1 to 4 per session, over
 * the past six months (bulk-seed.ts). Their own random stream, so the demo data above is
 * the same whatever the count; session ids are drawn until unique.
 */
function bulkSessions(seed: number, count: number, taken: Set<string>): ZoomWireSession[] {
  const rng = bulkStream(seed, 104_729);
  const perSession = bulkSessionSizes(rng, count, 4);
  const starts = bulkInstants(rng, perSession.length);
  return perSession.map((files, s) => {
    let sessionId: string;
    do sessionId = Buffer.from(Array.from({ length: 16 }, () => rng.int(0, 255))).toString('base64');
    while (taken.has(sessionId));
    taken.add(sessionId);
    const length = rng.int(60, 3_600);
    const [recStart, recEnd] = [iso(starts[s] + 6_000), iso(starts[s] + 6_000 + length * 1000)];
    const file = fileMaker(rng, sessionId, recStart, recEnd);
    const recordingFiles = BULK_FILES.slice(0, files).map(([type, ext, recordingType]) =>
      file(type, ext, recordingType, length * rng.int(1_000, 60_000)),
    );
    return {
      session_id: sessionId,
      session_name: `${NAMES[s % NAMES.length]} #${s + 1}`,
      start_time: iso(starts[s]),
      duration: Math.ceil(length / 60),
      total_size: recordingFiles.reduce((n, f) => n + (f.file_size ?? 0), 0),
      recording_count: files,
      session_key: `bulk-${s + 1}`,
      recording_files: recordingFiles,
      participant_audio_files: [],
      participant_video_files: [],
    };
  });
}
