import type { ProviderName } from './provider-name';

/**
 * What happened to a recording, in the same words at every vendor (docs/subscriptions.md
 * maps each vendor's events onto these). PROCESSING: stopped, the file is being made.
 */
export const RECORDING_EVENT_TYPES = [
  'STARTED',
  'PAUSED',
  'RESUMED',
  'STOPPED',
  'PROCESSING',
  'READY',
  'FAILED',
  'DELETED',
  'RECOVERED',
] as const;
export type RecordingEventType = (typeof RECORDING_EVENT_TYPES)[number];

/**
 * One normalised event, as it travels from a receiver to the subscribers (also through
 * Redis, so plain JSON: `occurredAt` is an ISO string). Keys are global-id segments, as in
 * RecordingData; null when the vendor's payload does not name the recording (Zoom's
 * started/paused/resumed/stopped events name only the session).
 */
export interface RecordingEventData {
  /** Unique per event: the delivery's id plus the event's place in it. */
  id: string;
  type: RecordingEventType;
  provider: ProviderName;
  occurredAt: string;
  /** The vendor's own event name (e.g. `recording.ready-to-download`). */
  providerEvent: string;
  recordingKey: readonly string[] | null;
  sessionKey: readonly string[] | null;
}

/**
 * A verified delivery that names no recording but says a session's recordings may have
 * changed (Bird: a call `completed`, and Bird sends no recording event at all): the
 * processor lists that session's recordings and emits one event per recording.
 */
export interface SessionRefresh {
  provider: ProviderName;
  sessionKey: readonly string[];
  occurredAt: string;
  providerEvent: string;
}
