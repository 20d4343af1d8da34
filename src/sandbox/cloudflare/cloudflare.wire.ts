/**
 * Cloudflare RealtimeKit bodies as the emulator sends them, written from Cloudflare's
 * documents (not from the adapter): the API reference for get_one_recording, get_recordings
 * and get_session_details (developers.cloudflare.com/api/resources/realtime_kit/...) and the
 * types of Cloudflare's TypeScript SDK, src/resources/realtime-kit/recordings.ts and
 * sessions.ts; summarized in docs/vendors/cloudflare.md.
 */

/** The recording statuses of the SDK's enum (monitor-status.mdx describes all but PAUSED). */
export const CLOUDFLARE_STATUSES = ['INVOKED', 'RECORDING', 'UPLOADING', 'UPLOADED', 'ERRORED', 'PAUSED'] as const;
export type CloudflareStatus = (typeof CLOUDFLARE_STATUSES)[number];

/** The statuses the list's `status` query parameter accepts (RecordingGetRecordingsParams). */
export const CLOUDFLARE_FILTERABLE_STATUSES: readonly CloudflareStatus[] = ['INVOKED', 'RECORDING', 'UPLOADING', 'UPLOADED'];

/** `storage_config` as read back: the write-only secrets are never part of it. */
export interface CloudflareWireStorageConfig {
  type: 'aws' | 'azure' | 'digitalocean' | 'gcs' | 'sftp';
  bucket?: string;
  region?: string;
  path?: string;
  host?: string;
  port?: number;
  username?: string;
  auth_method?: 'KEY' | 'PASSWORD';
}

export interface CloudflareWireReason {
  reason?: 'API_CALL' | 'RECORD_ON_START' | 'INTERNAL_ERROR' | 'ALL_PEERS_LEFT';
  caller?: { name?: string; type?: 'ORGANIZATION' | 'USER'; user_Id?: string };
}

/**
 * One recording (RecordingGetOneRecordingResponse.Data). The URL, expiry and size fields
 * are nullable; so are the times a recording has not reached yet.
 */
export interface CloudflareWireRecording {
  id: string;
  audio_download_url: string | null;
  download_url: string | null;
  download_url_expiry: string | null;
  file_size: number | null;
  invoked_time: string;
  output_file_name: string;
  session_id: string | null;
  started_time: string | null;
  status: CloudflareStatus;
  stopped_time: string | null;
  /** Seconds. */
  recording_duration?: number;
  start_reason?: CloudflareWireReason;
  stop_reason?: CloudflareWireReason;
  storage_config?: CloudflareWireStorageConfig | null;
}

/** The meeting a list item embeds (RecordingGetRecordingsResponse.Data.Meeting). */
export interface CloudflareWireMeeting {
  id: string;
  title?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  created_at: string;
  updated_at: string;
  record_on_start?: boolean;
}

export interface CloudflareWireListedRecording extends CloudflareWireRecording {
  meeting?: CloudflareWireMeeting;
}

/** A session (SessionGetSessionDetailsResponse.Data.Session); `associated_id` is the meeting. */
export interface CloudflareWireSession {
  id: string;
  associated_id: string;
  meeting_display_name?: string;
  created_at: string;
  started_at: string;
  ended_at?: string;
  updated_at: string;
  status: 'LIVE' | 'ENDED';
  type: 'meeting' | 'livestream' | 'participant';
  live_participants: number;
  max_concurrent_participants: number;
  minutes_consumed: number;
  organization_id: string;
}

/** `paging` of the list (RecordingGetRecordingsResponse.Paging). */
export interface CloudflareWirePaging {
  total_count: number;
  start_offset: number;
  end_offset: number;
}
