import type { AccessLinkData, KnownLink, RecordingData, RecordingStatus, SessionData, SessionRef } from '../../domain/model';
import { statusFrom } from '../shared/lookup';
import { sessionSpan } from '../shared/session-span';
import { providerManagedStorage } from '../shared/storage';
import { parseDate, secondsBetween } from '../shared/times';
import type { SignalWireRecording } from './signalwire.api-types';

/**
 * SignalWire `status` -> RecordingStatus. The REST spec, the Node SDK typings and the
 * webhook disagree (docs/vendors/signalwire.md#statuses), so the union of all three is accepted.
 */
const STATUS: Record<string, RecordingStatus> = {
  queued: 'PENDING',
  'in-progress': 'RECORDING',
  resumed: 'RECORDING',
  paused: 'PAUSED',
  stopped: 'PROCESSING',
  processing: 'PROCESSING',
  completed: 'READY',
  absent: 'FAILED',
  deleted: 'DELETED',
};

export function mapSignalWireStatus(status: string | null | undefined): RecordingStatus {
  return statusFrom(STATUS, status);
}

/** A SignalWire session is the call or the conference the recording was made in. */
export function signalWireSessionKey(rec: Pick<SignalWireRecording, 'call_sid' | 'conference_sid'>): string[] | null {
  if (rec.conference_sid) return ['conference', rec.conference_sid];
  if (rec.call_sid) return ['call', rec.call_sid];
  return null;
}

/** The session of a SignalWire session key [call|conference, sid], as far as the key says. */
export function signalWireSessionRef([kind, sid]: readonly string[]): SessionRef {
  return { provider: 'signalwire', key: [kind, sid], nativeId: sid, kind: kind === 'conference' ? 'CONFERENCE' : 'CALL' };
}

function toInt(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/**
 * The media URL: the space URL plus the recording's `uri` with `.json` swapped for `.wav`.
 * It needs no credentials (long, random, unsigned: recordings/main.tsp) and never expires.
 * Only a completed recording has a file to link.
 */
export function signalWireMediaLink(rec: SignalWireRecording, spaceUrl: string): KnownLink | null {
  if (mapSignalWireStatus(rec.status) !== 'READY' || !rec.uri.endsWith('.json')) return null;
  const url = new URL(rec.uri.replace(/\.json$/, '.wav'), spaceUrl);
  if (url.origin !== new URL(spaceUrl).origin) return null;
  return { url: url.toString(), expiresAt: null, format: 'WAV', disposition: 'UNKNOWN' };
}

export function mapSignalWireRecording(rec: SignalWireRecording, spaceUrl: string): RecordingData {
  const startedAt = parseDate(rec.start_time);
  const endedAt = parseDate(rec.end_time);
  return {
    provider: 'signalwire',
    key: [rec.sid],
    nativeId: rec.sid,
    status: mapSignalWireStatus(rec.status),
    providerStatus: rec.status ?? null,
    // Stored as WAV; `.mp3` is served on request (recordings/main.tsp).
    format: 'WAV',
    durationSecs: toInt(rec.duration) ?? secondsBetween(startedAt, endedAt),
    sizeBytes: null,
    channels: toInt(rec.channels ?? rec.channel),
    startedAt,
    endedAt,
    createdAt: parseDate(rec.date_created),
    sessionKey: signalWireSessionKey(rec),
    // `encryption_details` is always null; the Compatibility API exposes no storage settings.
    storage: providerManagedStorage(),
    knownLink: signalWireMediaLink(rec, spaceUrl),
  };
}

/** A call's or conference's recordings; null when it has none. */
export function mapSignalWireSession(
  kind: string,
  sid: string,
  recordings: readonly SignalWireRecording[],
  spaceUrl: string,
): SessionData | null {
  const mine = recordings.filter((r) => (kind === 'conference' ? r.conference_sid === sid : r.call_sid === sid && !r.conference_sid));
  if (mine.length === 0) return null;
  const mapped = mine.map((r) => mapSignalWireRecording(r, spaceUrl));
  return {
    ...signalWireSessionRef([kind, sid]),
    // Calls and conferences carry no name in the recordings API.
    name: null,
    ...sessionSpan(mapped),
    recordings: mapped,
  };
}

export function mapSignalWireAccessLink(link: KnownLink): AccessLinkData {
  return { url: link.url, expiresAt: null, validForSecs: null, format: link.format, disposition: link.disposition };
}
