/**
 * Bird workspace Voice API bodies as the emulator sends them, written from Bird's documents
 * (not from the adapter): the Recording schema of get-a-recording's embedded OpenAPI
 * (https://docs.bird.com/api/voice-api/recordings-api/get-a-recording), summarized in
 * docs/vendors/bird.md. Required there: id, source, sourceId, status, origin, stereo,
 * format, transcription, createdAt, updatedAt; everything else may be left out.
 */

/** RecordingStatus: the seven values of the OpenAPI enum (get-a-recording, get-a-call-recording). */
export const BIRD_STATUSES = ['accepted', 'ongoing', 'paused', 'completed', 'available', 'absent', 'failed'] as const;
export type BirdStatus = (typeof BIRD_STATUSES)[number];

/** RecordingSource. */
export type BirdSource = 'call' | 'conference';

/** RecordingOrigin (the values the examples and the call-recording enum show). */
export type BirdOrigin = 'create-call' | 'call-command-record' | 'call-command-record-call' | 'bridge-call';

export interface BirdWireNumber {
  type?: 'pstn';
  number?: string;
  anonymous?: boolean;
  callerIdName?: string;
  identity?: string;
  countryIsoCode?: string;
}

export interface BirdWireContact {
  id?: string;
  identifierKey?: string;
  identifierValue?: string;
}

/** CallIdentifier: `originator` and `receiver`. */
export interface BirdWireParty {
  contact?: BirdWireContact;
  number?: BirdWireNumber;
}

export interface BirdWireRecording {
  id: string;
  source: BirdSource;
  sourceId: string;
  channelId?: string;
  status: BirdStatus;
  direction?: 'incoming' | 'outgoing';
  originator?: BirdWireParty;
  receiver?: BirdWireParty;
  origin: BirdOrigin;
  /** int64; the unit is not documented (the example's 29 matches a 29 s span): seconds. */
  duration?: number;
  stereo: boolean;
  format: string;
  transcription: boolean;
  conferenceId?: string;
  /** A presigned S3 URL of the file (the get example); the list example leaves it out. */
  url?: string;
  roomInfoUrl?: string;
  /** date-time; an unset time is Go's zero time, BIRD_ZERO_TIME (get-a-call-recording example). */
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  endedAt?: string;
}

/** Go's zero time: what Bird sends for a time that is not set yet (get-a-call-recording example). */
export const BIRD_ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * The `error.detailed` schema of Bird's Voice OpenAPI (get-a-call-recording): a `code` of at
 * least three characters, a `message`, and free-form `details`.
 */
export interface BirdWireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A time in ms, or null for an absent, unparsable or zero-time value. */
export function birdTimeMs(value: string | undefined): number | null {
  if (!value || value === BIRD_ZERO_TIME) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
