/**
 * Zoom Video SDK cloud-recording bodies as Zoom documents them, written for the emulator
 * from Zoom's own TypeScript SDK (zoom/rivet-javascript videosdk/videosdk.d.ts,
 * `CloudRecordingListSessionsRecordingsResponse` and
 * `CloudRecordingListRecordingsOfAccountResponse`) and the reference's examples
 * (docs/vendors/zoom.md). Every field is optional there; the adapter's own types
 * (src/providers/zoom) are not used here, so the two can disagree and a test can see it.
 */

/** The only file status Zoom documents: files appear once processed. */
export type ZoomFileStatus = 'completed';

/** One `recording_files[]` item. CC and TIMELINE files carry no id, status, size or recording_type. */
export interface ZoomWireRecordingFile {
  id?: string;
  /** Not in the SDK types; on each file in the reference's example (Postman collection). */
  session_id?: string;
  recording_start?: string;
  /** Documented as a string; the emulator sends null for a file whose end is not known yet. */
  recording_end?: string | null;
  /** MP4, M4A, CHAT, TRANSCRIPT, CC, CSV, TIMELINE, TB, CHAT_MESSAGE. */
  file_type?: string;
  /** MP4, M4A, TXT, VTT, CSV, JSON, JPG (participant files). */
  file_extension?: string;
  file_name?: string;
  file_size?: number | null;
  download_url?: string;
  /** `completed`; the emulator also serves one undocumented value, to show it stays visible. */
  status?: ZoomFileStatus | string;
  /** Set on a trashed file (listed only with `trash=true`). */
  deleted_time?: string | null;
  recording_type?: string | null;
  user_id?: string;
  user_key?: string;
}

/** GET /videosdk/sessions/{sessionId}/recordings, and one item of the account list's `sessions`. */
export interface ZoomWireSession {
  session_id: string;
  session_name?: string;
  /** ISO 8601 UTC, `2022-03-10T02:27:24Z`. */
  start_time?: string;
  /** Unit not documented (minutes in the example). */
  duration?: number;
  total_size?: number;
  recording_count?: number;
  session_key?: string;
  recording_files?: ZoomWireRecordingFile[];
  participant_audio_files?: ZoomWireRecordingFile[];
  participant_video_files?: ZoomWireRecordingFile[];
  /** With `include_fields=download_access_token`, valid `ttl` seconds for every file. */
  download_access_token?: string;
}

/** GET /videosdk/recordings: `sessions` is optional (`sessions?:` in the SDK types). */
export interface ZoomWireRecordingList {
  from?: string;
  to?: string;
  page_size?: number;
  total_records?: number;
  /** Empty string on the last page; expires after 15 minutes. */
  next_page_token?: string;
  sessions?: ZoomWireSession[];
}

/** Zoom's error body: `{code, message}` (rivet `isZoomResponseError`). */
export interface ZoomWireError {
  code: number;
  message: string;
}
