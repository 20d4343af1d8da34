import { z } from 'zod';

/**
 * Zoom Video SDK cloud-recording wire types, exactly as sent (docs/vendors/zoom.md#recording-object; zoom/rivet
 * videosdk.d.ts `CloudRecordingListSessionsRecordingsResponse`). CC and TIMELINE files
 * carry no `id`, `status`, `file_size` or `recording_type`.
 */
export const ZoomRecordingFileSchema = z.object({
  id: z.string().nullish(),
  session_id: z.string().nullish(),
  recording_start: z.string().nullish(),
  recording_end: z.string().nullish(),
  file_type: z.string().nullish(),
  file_extension: z.string().nullish(),
  file_name: z.string().nullish(),
  file_size: z.number().nullish(),
  download_url: z.string().nullish(),
  status: z.string().nullish(),
  deleted_time: z.string().nullish(),
  recording_type: z.string().nullish(),
  user_id: z.string().nullish(),
  user_key: z.string().nullish(),
});
export type ZoomRecordingFile = z.infer<typeof ZoomRecordingFileSchema>;

export const ZoomSessionRecordingsSchema = z.object({
  session_id: z.string().min(1),
  session_name: z.string().nullish(),
  start_time: z.string().nullish(),
  /** Unit not documented; read as minutes (see zoom.mapper.ts). */
  duration: z.number().nullish(),
  total_size: z.number().nullish(),
  recording_count: z.number().nullish(),
  session_key: z.string().nullish(),
  recording_files: z.array(ZoomRecordingFileSchema).nullish(),
  participant_audio_files: z.array(ZoomRecordingFileSchema).nullish(),
  participant_video_files: z.array(ZoomRecordingFileSchema).nullish(),
  /** Present when `include_fields=download_access_token` was asked for. */
  download_access_token: z.string().nullish(),
});
export type ZoomSessionRecordings = z.infer<typeof ZoomSessionRecordingsSchema>;

/** GET /videosdk/recordings: sessions with their files, `next_page_token` paging. */
export const ZoomRecordingListSchema = z.object({
  from: z.string().nullish(),
  to: z.string().nullish(),
  page_size: z.number().nullish(),
  total_records: z.number().nullish(),
  next_page_token: z.string().nullish(),
  /** Optional in Zoom's own SDK types (rivet videosdk.d.ts `sessions?:`). */
  sessions: z.array(ZoomSessionRecordingsSchema).nullish(),
});
export type ZoomRecordingList = z.infer<typeof ZoomRecordingListSchema>;

/** `{code, message}` (rivet `isZoomResponseError`). */
export const ZoomErrorSchema = z.object({ code: z.union([z.number(), z.string()]), message: z.string().nullish() });
