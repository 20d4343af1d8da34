import type { ZoomRecordingFile, ZoomSessionRecordings } from '../../providers/zoom/zoom.api-types';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';

export interface ZoomDataset {
  /** Session objects with their files, as GET /videosdk/sessions/{id}/recordings sends them (no token). */
  sessions: ZoomSessionRecordings[];
}

/**
 * Session ids as Zoom makes them: base64 of 16 bytes, so `/`, `+` and `=` occur. The first
 * two are fixed to exercise the double-encoding rule (one starts with `/`, one has `//`).
 */
function sessionIds(rng: SeedRandom, count: number): string[] {
  const fixed = ['/Ug7ckbpR5uHc1lU9Vn8Zg==', 'sfk//aOFJSJSYhGwk1hnxg=='];
  return [...fixed, ...Array.from({ length: count - fixed.length }, () => Buffer.from(Array.from({ length: 16 }, () => rng.int(0, 255))).toString('base64'))];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const NAMES = ['Design review', 'Customer call', 'Standup', 'Quarterly planning', 'Support escalation', 'Interview'];

/**
 * Deterministic demo data: 6 sessions, each with an MP4 and an M4A, a transcript, a chat
 * file, CC and TIMELINE files (no id), participant audio files, and one trashed file: 30
 * addressable files in all.
 */
export function seedZoom(seed = 1, sessionCount = 6): ZoomDataset {
  const rng = new SeedRandom(seed);
  const ids = sessionIds(rng, sessionCount);
  const sessions = ids.map((sessionId, s): ZoomSessionRecordings => {
    const start = SANDBOX_EPOCH - (s + 1) * 5 * 3_600_000 - rng.int(0, 900) * 1000;
    const length = rng.int(120, 3_600);
    const recStart = iso(start + 6_000);
    const recEnd = iso(start + 6_000 + length * 1000);
    const file = (type: string, ext: string | null, recordingType: string | null, size: number | null, withId = true): ZoomRecordingFile => ({
      ...(withId ? { id: rng.uuid(), status: 'completed', file_size: size, recording_type: recordingType } : {}),
      session_id: sessionId,
      recording_start: recStart,
      recording_end: recEnd,
      file_type: type,
      ...(ext ? { file_extension: ext } : {}),
      download_url: `https://zoom.us/rec/download/${rng.token(28)}`,
    });
    const files: ZoomRecordingFile[] = [
      file('MP4', 'MP4', 'shared_screen_with_speaker_view', length * rng.int(40_000, 90_000)),
      file('M4A', 'M4A', 'audio_only', length * rng.int(4_000, 9_000)),
      file('TRANSCRIPT', 'VTT', 'audio_transcript', rng.int(2_000, 40_000)),
      file('CHAT', 'TXT', 'chat_file', rng.int(100, 4_000)),
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
    return {
      session_id: sessionId,
      session_name: NAMES[s % NAMES.length],
      start_time: iso(start),
      duration: Math.ceil(length / 60),
      total_size: [...files, ...audio].reduce((n, f) => n + (f.file_size ?? 0), 0),
      recording_count: files.length + audio.length,
      session_key: `demo-${s + 1}`,
      recording_files: files,
      participant_audio_files: audio,
      participant_video_files: [],
    };
  });
  return { sessions };
}
