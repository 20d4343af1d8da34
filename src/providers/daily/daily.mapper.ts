import type { AccessLinkData, RecordingData, RecordingStatus, SessionData, SessionRef } from '../../domain/model';
import type { DailyConfig } from './daily.config';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider-error';
import { sessionSpan } from '../shared/session-span';
import { providerManagedStorage } from '../shared/storage';
import { statusFrom } from '../shared/lookup';
import { fromUnixSeconds } from '../shared/times';
import { isHttpUrl } from '../shared/urls';
import type { DailyAccessLink, DailyRecording } from './daily.api-types';

/** Daily `status` -> RecordingStatus (issue 2; `canceled` is undocumented, read as failed). */
const STATUS: Record<string, RecordingStatus> = {
  finished: 'READY',
  'in-progress': 'RECORDING',
  canceled: 'FAILED',
};

export function mapDailyStatus(status: string | null | undefined): RecordingStatus {
  return statusFrom(STATUS, status);
}

/** A Daily session is a meeting session (`mtgSessionId`) within a room. */
export function dailySessionKey(rec: DailyRecording): string[] | null {
  return rec.room_name && rec.mtgSessionId ? [rec.room_name, rec.mtgSessionId] : null;
}

/** The session of a Daily session key [room, mtgSessionId], as far as the key says. */
export function dailySessionRef([roomName, mtgSessionId]: readonly string[]): SessionRef {
  return { provider: 'daily', key: [roomName, mtgSessionId], nativeId: mtgSessionId, kind: 'MEETING' };
}

export function mapDailyRecording(rec: DailyRecording): RecordingData {
  const startedAt = fromUnixSeconds(rec.start_ts);
  const duration = rec.duration ?? null;
  const tracks = rec.tracks ?? [];
  const trackSizes = tracks.map((t) => t.size).filter((s): s is number => typeof s === 'number');
  return {
    provider: 'daily',
    key: [rec.id],
    nativeId: rec.id,
    status: mapDailyStatus(rec.status),
    providerStatus: rec.status ?? null,
    // Daily documents the cloud file as .mp4 (get-recording-link); raw-tracks are several files.
    format: tracks.length > 0 ? null : 'MP4',
    durationSecs: duration,
    sizeBytes: trackSizes.length > 0 ? trackSizes.reduce((a, b) => a + b, 0) : null,
    channels: null,
    startedAt,
    endedAt: startedAt && duration !== null ? new Date(startedAt.getTime() + duration * 1000) : null,
    createdAt: null,
    sessionKey: dailySessionKey(rec),
    // The recording object names its storage key, not the bucket: the bucket is a domain or
    // room setting (recordings_bucket) that the recording does not carry.
    storage: rec.s3key ? providerManagedStorage({ path: rec.s3key }) : null,
  };
}

/**
 * The recordings of one meeting session, from a room's list. Null when none match (the
 * session does not exist as far as Daily's recordings know).
 */
export function mapDailySession(roomName: string, mtgSessionId: string, recordings: readonly DailyRecording[]): SessionData | null {
  const mine = recordings.filter((r) => r.mtgSessionId === mtgSessionId && (r.room_name ?? roomName) === roomName);
  if (mine.length === 0) return null;
  const mapped = mine.map((r) => mapDailyRecording({ ...r, room_name: r.room_name ?? roomName }));
  return {
    ...dailySessionRef([roomName, mtgSessionId]),
    name: roomName,
    ...sessionSpan(mapped),
    recordings: mapped,
  };
}

/**
 * Access-link validity Daily allows for a recording in a customer's bucket: at least 15
 * minutes and at most 12 hours, because of STS token limits (get-recording-link;
 * docs/vendors/daily.md, "Links").
 */
export const DAILY_CUSTOMER_BUCKET_LINK_SECS = { min: 900, max: 43_200 } as const;

/**
 * A recording of a domain whose `recordings_bucket` the operator named
 * (DAILY_RECORDINGS_BUCKET): its file is in that customer S3 bucket, at its `s3key`.
 * Daily's body never names the bucket, so without the setting the storage stays Daily's.
 */
export function inDailyBucket(recording: RecordingData, bucket: DailyConfig['recordingsBucket']): RecordingData {
  if (!bucket || !recording.storage?.path) return recording;
  return {
    ...recording,
    // Whether the bucket allows streaming (allow_streaming_from_bucket) is a domain setting the recording does not carry.
    storage: { ...recording.storage, kind: 'AWS', bucket: bucket.name, region: bucket.region ?? null },
  };
}

/** Whether a mapped recording's file is known to be in a customer's bucket. */
export const inCustomerBucket = (recording: RecordingData): boolean => recording.storage?.kind === 'AWS';

/**
 * The validity Daily granted, in whole seconds. Daily counts `expires` from its own clock
 * in whole seconds, at or after the moment we sent the call: the time left, counted from
 * `sentAtMs`, is above `asked - 1` whenever Daily granted what was asked, and measuring it
 * with a floor reported one second less than asked. So it is rounded up and capped at
 * what was asked: the asked validity when Daily granted it, less only when `expires` shows
 * Daily granted less (or our clock runs ahead of Daily's by more than a second).
 */
function grantedSecs(expiresAtMs: number, askedSecs: number, sentAtMs: number): number {
  return Math.max(0, Math.min(askedSecs, Math.ceil((expiresAtMs - sentAtMs) / 1000)));
}

/**
 * Daily's access link, byte for byte: its query string is the signature, and any
 * re-encoding gives a 403 (docs.daily.co/docs/rest-api/access-links). `download_link` can
 * hold an error string instead of a URL (get-recording-link), which is an error here.
 */
export function mapDailyAccessLink(
  link: DailyAccessLink,
  asked: { validForSecs: number; sentAtMs: number; customerBucket?: boolean },
): AccessLinkData {
  if (!isHttpUrl(link.download_link)) {
    throw new ProviderError(
      'daily',
      ErrorCode.UNSUPPORTED_BY_PROVIDER,
      'Daily returned no download link for this recording (its domain settings may block recording access).',
    );
  }
  const expiresAt = fromUnixSeconds(link.expires)!;
  return {
    url: link.download_link,
    expiresAt,
    validForSecs: grantedSecs(expiresAt.getTime(), asked.validForSecs, asked.sentAtMs),
    format: 'MP4',
    // Files in Daily's own bucket are always served as attachments; a customer bucket can
    // allow inline streaming (allow_streaming_from_bucket), which the recording does not tell us.
    disposition: asked.customerBucket ? 'UNKNOWN' : 'ATTACHMENT',
  };
}
