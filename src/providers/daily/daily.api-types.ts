import { z } from 'zod';

/**
 * Daily REST wire types, exactly as sent (docs/vendors/daily.md#recording-object). Field names are the docs'
 * JSON shape (`s3key`, `mtgSessionId`), not the Ruby client's.
 * https://docs.daily.co/reference/rest-api/recordings/get-recording
 */
export const DailyTrackSchema = z.object({
  size: z.number().nullish(),
  type: z.string().nullish(),
  s3Key: z.string().nullish(),
});

export const DailyRecordingSchema = z.object({
  id: z.string().min(1),
  room_name: z.string().nullish(),
  start_ts: z.number().nullish(),
  status: z.string().nullish(),
  max_participants: z.number().nullish(),
  /** Approximate length in seconds; absent while in-progress. */
  duration: z.number().nullish(),
  share_token: z.string().nullish(),
  s3key: z.string().nullish(),
  mtgSessionId: z.string().nullish(),
  /** Raw-tracks recordings only; may be null if role permissions were removed. */
  tracks: z.array(DailyTrackSchema).nullish(),
});
export type DailyRecording = z.infer<typeof DailyRecordingSchema>;

/** GET /recordings: `{ total_count, data }`, cursor paging by recording id. */
export const DailyRecordingListSchema = z.object({
  total_count: z.number().nullish(),
  data: z.array(DailyRecordingSchema),
});
export type DailyRecordingList = z.infer<typeof DailyRecordingListSchema>;

/** GET /recordings/{id}/access-link: `download_link` may hold an error string instead of a URL. */
export const DailyAccessLinkSchema = z.object({
  download_link: z.string(),
  expires: z.number(),
});
export type DailyAccessLink = z.infer<typeof DailyAccessLinkSchema>;

/** Error body: `{ error: "<kind>", info?: "..." }` (e.g. authentication-error). */
export const DailyErrorSchema = z.object({ error: z.string(), info: z.string().nullish() });
export type DailyErrorBody = z.infer<typeof DailyErrorSchema>;
