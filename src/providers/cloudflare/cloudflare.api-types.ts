import { z } from 'zod';
import { UUID } from '../../ids/segment-rules';

/**
 * Cloudflare RealtimeKit wire types, exactly as sent (docs/vendors/cloudflare.md#recording-object), after the
 * cloudflare-typescript SDK (src/resources/realtime-kit/recordings.ts, sessions.ts).
 * Success bodies are `{ success, data }`, not the usual v4 `{ success, errors, result }`.
 */

/**
 * `storage_config` as read back. The SDK also lists `secret`, `password`, `private_key`
 * and `access_key`, documented as write-only: they are left out here on purpose, so zod
 * strips them should Cloudflare ever echo one, and no mapper can see them.
 */
export const CloudflareStorageConfigSchema = z.object({
  type: z.string(),
  bucket: z.string().nullish(),
  region: z.string().nullish(),
  path: z.string().nullish(),
  host: z.string().nullish(),
  port: z.number().nullish(),
  username: z.string().nullish(),
  auth_method: z.string().nullish(),
});
export type CloudflareStorageConfig = z.infer<typeof CloudflareStorageConfigSchema>;

const ReasonSchema = z.object({
  reason: z.string().nullish(),
  caller: z.object({ name: z.string().nullish(), type: z.string().nullish(), user_Id: z.string().nullish() }).nullish(),
});

/** The meeting a list item embeds (RecordingGetRecordingsResponse.Data.Meeting). */
export const CloudflareMeetingSchema = z.object({
  id: z.string(),
  title: z.string().nullish(),
  status: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  record_on_start: z.boolean().nullish(),
});
export type CloudflareMeeting = z.infer<typeof CloudflareMeetingSchema>;

/**
 * One recording (RecordingGetOneRecordingResponse.Data). `id` must be a UUID, as the API
 * reference says: it becomes the global id, which must pass validateKey. `status` is read
 * as any string so a value newer than the SDK's enum maps to UNKNOWN instead of failing.
 */
export const CloudflareRecordingSchema = z.object({
  id: z.string().regex(UUID),
  audio_download_url: z.string().nullish(),
  download_url: z.string().nullish(),
  download_url_expiry: z.string().nullish(),
  /** Bytes. */
  file_size: z.number().nullish(),
  invoked_time: z.string().nullish(),
  output_file_name: z.string().nullish(),
  session_id: z.string().nullish(),
  started_time: z.string().nullish(),
  status: z.string(),
  stopped_time: z.string().nullish(),
  /** Seconds; absent until the recording stops. */
  recording_duration: z.number().nullish(),
  start_reason: ReasonSchema.nullish(),
  stop_reason: ReasonSchema.nullish(),
  storage_config: CloudflareStorageConfigSchema.nullish(),
});
export type CloudflareRecording = z.infer<typeof CloudflareRecordingSchema>;

/** GET …/recordings/{recording_id}: `{ success, data? }`; the body has no `meeting`. */
export const CloudflareRecordingEnvelopeSchema = z.object({
  success: z.boolean(),
  data: CloudflareRecordingSchema.nullish(),
});

/** A list item: the recording plus the `meeting` it belongs to. */
export const CloudflareListedRecordingSchema = CloudflareRecordingSchema.extend({
  meeting: CloudflareMeetingSchema.nullish(),
});
export type CloudflareListedRecording = z.infer<typeof CloudflareListedRecordingSchema>;

/** GET …/recordings: `{ success, data, paging: { total_count, start_offset, end_offset } }`. */
export const CloudflareRecordingListSchema = z.object({
  success: z.boolean(),
  data: z.array(CloudflareListedRecordingSchema),
  paging: z.object({ total_count: z.number(), start_offset: z.number().nullish(), end_offset: z.number().nullish() }),
});
export type CloudflareRecordingList = z.infer<typeof CloudflareRecordingListSchema>;

/**
 * A session (SessionGetSessionDetailsResponse.Data.Session). `associated_id` is the
 * meeting id: a UUID for v2 meetings, a room name like `abcdef-ghijkl` for v1 ones.
 */
export const CloudflareSessionSchema = z.object({
  id: z.string(),
  associated_id: z.string(),
  meeting_display_name: z.string().nullish(),
  created_at: z.string().nullish(),
  started_at: z.string().nullish(),
  ended_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  status: z.string().nullish(),
  type: z.string().nullish(),
  live_participants: z.number().nullish(),
  max_concurrent_participants: z.number().nullish(),
  minutes_consumed: z.number().nullish(),
  organization_id: z.string().nullish(),
});
export type CloudflareSession = z.infer<typeof CloudflareSessionSchema>;

/**
 * GET …/sessions/{session_id}: `{ success, data: { session } }` in the SDK's type
 * (SessionGetSessionDetailsResponse), `{ success, data: <session> }` on other reference
 * pages; either is read. Its description says "including recording details", but neither
 * shape carries recordings: the session's recordings come from the meeting's list.
 */
export const CloudflareSessionEnvelopeSchema = z.object({
  success: z.boolean(),
  data: z.union([z.object({ session: CloudflareSessionSchema }), CloudflareSessionSchema]).nullish(),
});

/**
 * Error bodies are not documented for RealtimeKit (docs/vendors/cloudflare.md#errors): read
 * both `{ success: false, error: { code, message } }` and the v4 gateway's
 * `{ success: false, errors: [{ code, message }] }`.
 */
const ErrorItemSchema = z.object({ code: z.union([z.number(), z.string()]).nullish(), message: z.string().nullish() });
export const CloudflareErrorSchema = z.object({
  success: z.boolean().nullish(),
  error: ErrorItemSchema.nullish(),
  errors: z.array(ErrorItemSchema).nullish(),
});
export type CloudflareErrorBody = z.infer<typeof CloudflareErrorSchema>;
