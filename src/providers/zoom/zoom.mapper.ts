import type { AccessLinkData, MediaFormat, RecordingData, RecordingStatus, SessionData, SessionRef } from '../../domain/model';
import { badResponse } from '../../errors/provider-error';
import { mediaFormatOf } from '../shared/formats';
import { ownEntry } from '../shared/lookup';
import { providerManagedStorage } from '../shared/storage';
import { parseDate, secondsBetween } from '../shared/times';
import { isHttpUrl } from '../shared/urls';
import type { ZoomRecordingFile, ZoomSessionRecordings } from './zoom.api-types';

/**
 * `file_type` values that are not file extensions, with the format the webhook schema
 * gives them (zoom-video-sdk.json). `TB` and `CHAT_MESSAGE` have none documented: null.
 */
const TYPE_FORMATS: Record<string, MediaFormat> = { TRANSCRIPT: 'VTT', CC: 'VTT', CHAT: 'TXT', TIMELINE: 'JSON' };

export function zoomFileFormat(file: ZoomRecordingFile): MediaFormat | null {
  return (
    mediaFormatOf(file.file_extension) ??
    (file.file_type ? (ownEntry(TYPE_FORMATS, file.file_type.toUpperCase()) ?? mediaFormatOf(file.file_type)) : null)
  );
}

/**
 * Zoom files appear in the API only once processed, so `completed` is the only documented
 * status; a trashed file (`deleted_time` set) is DELETED; anything else is UNKNOWN, with
 * the raw value kept in providerStatus.
 */
export function mapZoomStatus(file: ZoomRecordingFile): RecordingStatus {
  if (file.deleted_time) return 'DELETED';
  return file.status === 'completed' ? 'READY' : 'UNKNOWN';
}

/** Base64-like session ids (`sfk/aOFJSJSYhGwk1hnxgw==`): `/`, `+`, `=` allowed, never a dot. */
export const ZOOM_SESSION_ID = /^[A-Za-z0-9+/=_-]{1,128}$/;

/** A recording file id: UUIDs in every example; letters, digits, `_` and `-`, never a dot. */
export const ZOOM_FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Every addressable file of a session. CC and TIMELINE files have no id and are skipped,
 * as is an id that would not pass our own id check (it could not round-trip).
 */
export function zoomFiles(session: ZoomSessionRecordings): Array<ZoomRecordingFile & { id: string }> {
  return [
    ...(session.recording_files ?? []),
    ...(session.participant_audio_files ?? []),
    ...(session.participant_video_files ?? []),
  ].filter((f): f is ZoomRecordingFile & { id: string } => typeof f.id === 'string' && ZOOM_FILE_ID.test(f.id));
}

export function mapZoomFile(file: ZoomRecordingFile & { id: string }, session: Pick<ZoomSessionRecordings, 'session_id'>): RecordingData {
  const startedAt = parseDate(file.recording_start);
  const endedAt = parseDate(file.recording_end);
  return {
    provider: 'zoom',
    // Zoom has no single-file endpoint: a file is addressed through its session.
    key: [session.session_id, file.id],
    nativeId: file.id,
    status: mapZoomStatus(file),
    providerStatus: file.status ?? null,
    format: zoomFileFormat(file),
    durationSecs: secondsBetween(startedAt, endedAt),
    sizeBytes: file.file_size ?? null,
    channels: null,
    startedAt,
    endedAt,
    // Zoom sends no creation time for a file; it exists from when its recording started.
    createdAt: startedAt,
    sessionKey: [session.session_id],
    storage: providerManagedStorage(),
  };
}

/** The session of a Zoom session key [sessionId]: a Video SDK session. */
export function zoomSessionRef([sessionId]: readonly string[]): SessionRef {
  return { provider: 'zoom', key: [sessionId], nativeId: sessionId, kind: 'MEETING' };
}

export function mapZoomSession(session: ZoomSessionRecordings): SessionData {
  return {
    ...zoomSessionRef([session.session_id]),
    name: session.session_name ?? null,
    startedAt: parseDate(session.start_time),
    // The unit of `duration` is not documented (docs/vendors/zoom.md#assumptions-where-the-docs-are-silent). Read as
    // minutes, as in Zoom's Meetings API; the docs' example (duration 2 for ~100 s of
    // recording) agrees.
    durationSecs: typeof session.duration === 'number' ? session.duration * 60 : null,
    recordings: zoomFiles(session).map((f) => mapZoomFile(f, session)),
  };
}

/**
 * `download_url` with the session's `download_access_token` added as `access_token` (the
 * query parameter Zoom documents for downloads); the token lives `ttl` seconds from when it
 * was minted, for every file of the session. What `ttl=0` means is not documented (an
 * instantly expired token, or a default): we take it literally, so such a link reports
 * that it expires at once rather than promising a validity nobody granted.
 */
export function mapZoomAccessLink(
  file: ZoomRecordingFile,
  token: string | null | undefined,
  ttl: number,
  mintedAtMs: number,
): AccessLinkData | null {
  if (!file.download_url) return null;
  // The token is appended to whatever the body holds, so only a real http(s) URL gets it.
  if (!isHttpUrl(file.download_url)) throw badResponse('zoom', 'download_url is not an http(s) URL');
  if (!token) throw badResponse('zoom', 'no download_access_token');
  const url = `${file.download_url}${file.download_url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`;
  return {
    url,
    expiresAt: new Date(mintedAtMs + ttl * 1000),
    validForSecs: ttl,
    format: zoomFileFormat(file),
    disposition: 'UNKNOWN',
  };
}
