import { z } from 'zod';

/**
 * SignalWire Compatibility API wire types, exactly as sent (docs/vendors/signalwire.md#recording-object;
 * signalwire/docs specs/compatibility-api/recordings/models/core.tsp). Times are RFC 2822.
 */
export const SignalWireRecordingSchema = z.object({
  sid: z.string().min(1),
  account_sid: z.string().nullish(),
  api_version: z.string().nullish(),
  call_sid: z.string().nullish(),
  conference_sid: z.string().nullish(),
  /** "1" or "2"; both keys are sent. */
  channel: z.union([z.string(), z.number()]).nullish(),
  channels: z.union([z.string(), z.number()]).nullish(),
  date_created: z.string().nullish(),
  date_updated: z.string().nullish(),
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
  /** Seconds. */
  duration: z.union([z.number(), z.string()]).nullish(),
  price: z.string().nullish(),
  price_unit: z.string().nullish(),
  source: z.string().nullish(),
  status: z.string().nullish(),
  error_code: z.union([z.string(), z.number()]).nullish(),
  /** Path from the space root, ending in `.json`. */
  uri: z.string().min(1),
  subresource_uris: z.record(z.string(), z.string()).nullish(),
  encryption_details: z.unknown().nullish(),
  trim: z.string().nullish(),
});
export type SignalWireRecording = z.infer<typeof SignalWireRecordingSchema>;

/** A list page: follow `next_page_uri` (null on the last page) rather than building URLs. */
export const SignalWireRecordingListSchema = z.object({
  uri: z.string().nullish(),
  first_page_uri: z.string().nullish(),
  next_page_uri: z.string().nullish(),
  previous_page_uri: z.string().nullish(),
  page: z.number().nullish(),
  page_size: z.number().nullish(),
  recordings: z.array(SignalWireRecordingSchema),
});
export type SignalWireRecordingList = z.infer<typeof SignalWireRecordingListSchema>;

/** `{code, message, more_info, status}`; some endpoints send `{errors: [...]}` instead. */
export const SignalWireErrorSchema = z.union([
  z.object({
    code: z.union([z.number(), z.string()]),
    message: z.string().nullish(),
    more_info: z.string().nullish(),
    status: z.number().nullish(),
  }),
  z.object({ errors: z.array(z.union([z.string(), z.object({ code: z.union([z.number(), z.string()]).nullish() }).passthrough()])) }),
]);
