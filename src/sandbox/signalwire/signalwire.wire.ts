/**
 * SignalWire Compatibility API bodies as SignalWire documents them, written for the
 * emulator from the reference's TypeSpec (signalwire/docs
 * specs/compatibility-api/recordings/models/core.tsp and responses.tsp,
 * _shared/errors.tsp; docs/vendors/signalwire.md). The adapter's own types
 * (src/providers/signalwire) are not used here, so the two can disagree and a test can
 * see it.
 */

/** `RecordingStatus` of the current reference (core.tsp). */
export const SIGNALWIRE_SPEC_STATUSES = ['queued', 'in-progress', 'paused', 'resumed', 'completed', 'absent', 'stopped'] as const;
/** Only in the Node SDK typings (@signalwire/compatibility-api, a Twilio fork). */
export const SIGNALWIRE_SDK_ONLY_STATUSES = ['processing', 'deleted'] as const;
export type SignalWireWireStatus = (typeof SIGNALWIRE_SPEC_STATUSES)[number] | (typeof SIGNALWIRE_SDK_ONLY_STATUSES)[number];

/** `RecordingSource` (core.tsp). */
export const SIGNALWIRE_SOURCES = [
  'DialVerb',
  'Conference',
  'OutBoundApi',
  'Trunking',
  'RecordVerb',
  'StartCallRecordingApi',
  'StartConferenceRecording',
] as const;

/** GET /Accounts/{AccountSid}/Recordings/{Sid}.json, and one item of the list. */
export interface SignalWireWireRecording {
  sid: string;
  account_sid: string;
  api_version: '2010-04-01';
  /** Null for a conference recording. */
  call_sid: string | null;
  /** Null for a call recording. */
  conference_sid: string | null;
  channel: '1' | '2';
  channels: '1' | '2';
  /** RFC 2822, `Tue, 25 Sep 2018 23:00:00 +0000`. */
  date_created: string;
  date_updated: string;
  start_time: string | null;
  end_time: string | null;
  /** Seconds, at least 0. */
  duration: number;
  price: string | null;
  price_unit: string;
  source: (typeof SIGNALWIRE_SOURCES)[number];
  /** A documented value; the emulator also serves one undocumented value, to show it stays visible. */
  status: SignalWireWireStatus | string;
  error_code: string | null;
  /** Path from the space root, ending in `.json`. */
  uri: string;
  subresource_uris: { transcriptions: string };
  /** "Always null." */
  encryption_details: string | null;
  trim: string;
}

/** `RecordingListResponse` (responses.tsp): follow `next_page_uri`, null on the last page. */
export interface SignalWireWireRecordingList {
  uri: string;
  first_page_uri: string;
  next_page_uri: string | null;
  previous_page_uri: string | null;
  page: number;
  page_size: number;
  recordings: SignalWireWireRecording[];
}

/** `CompatibilityErrorResponse` (errors.tsp), the body of a 400, 401, 404 or 422. */
export interface SignalWireWireError {
  code: number;
  message: string;
  more_info: string;
  status: number;
}
