/**
 * Daily REST bodies as Daily documents them, written for the emulator from Daily's
 * reference (docs.daily.co/reference/rest-api/recordings: get-recording, list-recordings,
 * get-recording-link, the REST API overview's errors; docs/vendors/daily.md). The
 * adapter's own types (src/providers/daily) are not used here, so the two can disagree and
 * a test can see it.
 */

/** `status` options of the recording object (recordings/config, get-recording). */
export const DAILY_STATUSES = ['finished', 'in-progress', 'canceled'] as const;
export type DailyWireStatus = (typeof DAILY_STATUSES)[number];

/** A raw-tracks recording's track (daily-ruby GetRecordingInfo200ResponseTracksInner). */
export interface DailyWireTrack {
  size: number;
  type: 'audio' | 'video';
  s3Key: string;
}

/** GET /recordings/{recording_id}, and one item of the list. */
export interface DailyWireRecording {
  /** Opaque, a UUID in every example. */
  id: string;
  /** Left out of list items by the generated client's schema; the emulator always sends it. */
  room_name?: string;
  /** Unix seconds. */
  start_ts: number;
  status: DailyWireStatus;
  max_participants?: number;
  /** Approximate seconds; "not returned for recordings that are in-progress". */
  duration?: number;
  /** Deprecated. */
  share_token?: string;
  s3key?: string;
  /** camelCase on the wire. */
  mtgSessionId?: string;
  /** Raw-tracks recordings only; "may be null if role permissions have been removed". */
  tracks?: DailyWireTrack[] | null;
}

/** GET /recordings: `{ total_count, data }`. */
export interface DailyWireRecordingList {
  total_count: number;
  data: DailyWireRecording[];
}

/** GET /recordings/{id}/access-link: `download_link` may hold an error string instead of a URL. */
export interface DailyWireAccessLink {
  download_link: string;
  /** Unix seconds after which the link stops working. */
  expires: number;
}

/** Daily's error body: `{ error: "<kind>", info? }` (e.g. `authentication-error`). */
export interface DailyWireError {
  error: string;
  info?: string;
}
