import { z } from 'zod';
import { UUID } from '../../ids/segment-rules';

/**
 * Bird workspace Voice API wire types, exactly as sent (docs/vendors/bird.md#recording-object). This is the
 * `api.bird.com/workspaces/...` API, not Bird's newer platform API (`/v1/...`), whose
 * shapes differ. https://docs.bird.com/api/voice-api/recordings-api/get-a-recording
 *
 * The docs mark `status`, `origin`, `stereo`, `format`, `transcription`, `createdAt` and
 * `updatedAt` as required; they are accepted as absent here because nothing breaks
 * without them. `id` and `source`/`sourceId` are what ids are built from, so they must be
 * there, and `id` must be the documented UUID (every id we hand out passes validateKey).
 */
export const BirdNumberSchema = z.object({
  type: z.string().nullish(),
  number: z.string().nullish(),
  anonymous: z.boolean().nullish(),
  callerIdName: z.string().nullish(),
  identity: z.string().nullish(),
  countryIsoCode: z.string().nullish(),
});

export const BirdContactSchema = z.object({
  id: z.string().nullish(),
  identifierKey: z.string().nullish(),
  identifierValue: z.string().nullish(),
});

/** `originator` / `receiver`: `{contact, number}`, both optional. */
export const BirdPartySchema = z.object({
  contact: BirdContactSchema.nullish(),
  number: BirdNumberSchema.nullish(),
});
export type BirdParty = z.infer<typeof BirdPartySchema>;

export const BirdRecordingSchema = z.object({
  id: z.string().regex(UUID),
  /** `call` or `conference` as documented; kept a string so a new source value does not fail a whole list. */
  source: z.string(),
  sourceId: z.string().min(1),
  /** accepted, ongoing, paused, completed, available, absent or failed (get-a-recording OpenAPI); a string so a newer value maps to UNKNOWN. */
  status: z.string().nullish(),
  /** `create-call` or `call-command-record` seen. */
  origin: z.string().nullish(),
  channelId: z.string().nullish(),
  direction: z.string().nullish(),
  originator: BirdPartySchema.nullish(),
  receiver: BirdPartySchema.nullish(),
  /** Unit not documented (example: 29); assumed seconds. */
  duration: z.number().nullish(),
  stereo: z.boolean().nullish(),
  /** Free string, `mp3` in every example. */
  format: z.string().nullish(),
  transcription: z.boolean().nullish(),
  conferenceId: z.string().nullish(),
  /** A presigned S3 URL that may already be stale when read: never handed out as a link. */
  url: z.string().nullish(),
  roomInfoUrl: z.string().nullish(),
  /** ISO 8601; `0001-01-01T00:00:00Z` (Go's zero time) means not set. */
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  startedAt: z.string().nullish(),
  endedAt: z.string().nullish(),
});
export type BirdRecording = z.infer<typeof BirdRecordingSchema>;

/**
 * GET /workspaces/{workspaceId}/recordings. The envelope is not in the docs
 * (docs/vendors/bird.md#assumptions-where-the-docs-are-silent); we assume `{results, nextPageToken}` as on the active-call list.
 * `results: null` is accepted as empty (a Go API marshals an empty nil slice as null),
 * and an absent, null or empty `nextPageToken` means the last page.
 */
export const BirdRecordingListSchema = z.object({
  results: z.array(BirdRecordingSchema).nullable(),
  nextPageToken: z.string().nullish(),
});
export type BirdRecordingList = z.infer<typeof BirdRecordingListSchema>;

/**
 * Error body of the workspace API: not documented beyond "application/json"
 * (docs/vendors/bird.md#errors). Read defensively: a top-level `code`/`message`, or an `errors` array of the same.
 */
const BirdErrorItemSchema = z.object({
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
});
export const BirdErrorSchema = z.object({
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  errors: z.array(BirdErrorItemSchema).nullish(),
});
export type BirdErrorBody = z.infer<typeof BirdErrorSchema>;
