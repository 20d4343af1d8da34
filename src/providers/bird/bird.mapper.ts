import type {
  AccessLinkData,
  RecordingData,
  RecordingStatus,
  SessionData,
  SessionKind,
  SessionRef,
  StorageConfigData,
} from '../../domain/model';
import { badResponse } from '../../errors/provider-error';
import { UUID } from '../../ids/segment-rules';
import { mediaFormatOf } from '../shared/formats';
import { ownEntry, statusFrom } from '../shared/lookup';
import { sessionSpan } from '../shared/session-span';
import { providerManagedStorage } from '../shared/storage';
import { parseDate, secondsBetween } from '../shared/times';
import { isHttpUrl } from '../shared/urls';
import type { BirdRecording } from './bird.api-types';

/**
 * Bird `status` -> RecordingStatus. The recording's OpenAPI (get-a-recording, and the
 * call-recording schema on get-a-call-recording) documents seven values: accepted, ongoing,
 * paused, completed, available, absent, failed. Their meanings are not described; what we
 * read into them (docs/vendors/bird.md, "Statuses"): accepted is queued, ongoing and paused
 * are the states the active-call PATCH sets, completed is stopped with the file not yet
 * published, available has a file, and absent (no audio, as SignalWire's value of the same
 * name) and failed have none.
 */
const STATUS: Record<string, RecordingStatus> = {
  accepted: 'PENDING',
  ongoing: 'RECORDING',
  paused: 'PAUSED',
  completed: 'PROCESSING',
  available: 'READY',
  absent: 'FAILED',
  failed: 'FAILED',
};

export function mapBirdStatus(status: string | null | undefined): RecordingStatus {
  return statusFrom(STATUS, status);
}

/** The session sources Bird documents, and the session kind each one is. */
export const BIRD_SOURCES: Record<string, SessionKind> = { call: 'CALL', conference: 'CONFERENCE' };

/** A Bird session is the call or conference a recording was made in: [source, sourceId]. */
export function birdSessionKey(rec: Pick<BirdRecording, 'source' | 'sourceId'>): string[] | null {
  return Object.hasOwn(BIRD_SOURCES, rec.source) && UUID.test(rec.sourceId) ? [rec.source, rec.sourceId] : null;
}

/** The session of a Bird session key [source, sourceId]; null for a source Bird does not document. */
export function birdSessionRef([source, sourceId]: readonly string[]): SessionRef | null {
  const kind = ownEntry(BIRD_SOURCES, source);
  return kind ? { provider: 'bird', key: [source, sourceId], nativeId: sourceId, kind } : null;
}

/** A virtual-hosted S3 host: `<bucket>.s3.<region>.amazonaws.com` (or `s3-<region>`). */
const S3_HOST = /^(.+)\.s3[.-]([a-z0-9-]+)\.amazonaws\.com$/;

/**
 * Bird keeps the files (no customer storage is documented). The metadata `url` names the
 * regional bucket, which is all we can say about where the file lives; its query (the
 * signature) is dropped, as the URL itself is never exposed.
 */
export function birdStorage(url: string | null | undefined): StorageConfigData {
  const storage = providerManagedStorage();
  if (!url) return storage;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return storage;
  }
  const m = S3_HOST.exec(parsed.hostname);
  if (!m) return storage;
  let path = parsed.pathname.replace(/^\//, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path
  }
  return { ...storage, bucket: m[1], region: m[2], path: path || null };
}

export function mapBirdRecording(rec: BirdRecording): RecordingData {
  const startedAt = parseDate(rec.startedAt);
  const endedAt = parseDate(rec.endedAt);
  return {
    provider: 'bird',
    key: [rec.id],
    nativeId: rec.id,
    status: mapBirdStatus(rec.status),
    providerStatus: rec.status ?? null,
    format: mediaFormatOf(rec.format),
    // Unit not documented (example 29 for a 29 s span): read as seconds. Without it, the
    // span between start and end (when both are set) is the best we have.
    durationSecs: rec.duration ?? secondsBetween(startedAt, endedAt),
    sizeBytes: null,
    channels: rec.stereo === true ? 2 : rec.stereo === false ? 1 : null,
    startedAt,
    endedAt,
    createdAt: parseDate(rec.createdAt),
    sessionKey: birdSessionKey(rec),
    storage: birdStorage(rec.url),
    // knownLink stays undefined on purpose: `url` is presigned for ~600 s and may be stale
    // by the time a client uses it, so links are always minted fresh from the .mp3 route.
  };
}

/**
 * The recordings of one call or conference, from the list filtered by `sourceId`. The
 * filter does not say which source the id is from, so items of the other source are
 * dropped. Null when none match.
 */
export function mapBirdSession(source: string, sourceId: string, recordings: readonly BirdRecording[]): SessionData | null {
  const ref = birdSessionRef([source, sourceId]);
  if (!ref) return null;
  const mine = recordings.filter((r) => r.source === source && r.sourceId === sourceId);
  if (mine.length === 0) return null;
  const mapped = mine.map(mapBirdRecording);
  return {
    ...ref,
    name: null,
    ...sessionSpan(mapped),
    recordings: mapped,
  };
}

/** `X-Amz-Date`: SigV4's basic ISO 8601 form, YYYYMMDDTHHMMSSZ. */
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function amzDateMs(value: string | null): number | null {
  const m = value ? AMZ_DATE.exec(value) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls over impossible dates (month 13); a real signature date round-trips.
  return new Date(ms).getUTCDate() === d && new Date(ms).getUTCMonth() === mo - 1 ? ms : null;
}

/**
 * The answer of GET …/recordings/{id}.mp3: a 307 whose Location is a presigned S3 URL
 * (get-a-recording, "307 The recording file"). The URL is handed out exactly as sent (its
 * query is the signature). Its lifetime is fixed by Bird (X-Amz-Expires=600 seen) and
 * cannot be asked for, so the requested validity is ignored and the real expiry, from
 * X-Amz-Date + X-Amz-Expires, is reported. Anything else is PROVIDER_BAD_RESPONSE.
 */
export function mapBirdAccessLink(redirect: { status: number; location: string | null }, nowMs: number): AccessLinkData {
  if (redirect.status !== 307) throw badResponse('bird', `expected a 307 redirect, got HTTP ${redirect.status}`);
  if (!redirect.location) throw badResponse('bird', 'redirect without a Location');
  if (!isHttpUrl(redirect.location)) throw badResponse('bird', 'redirect Location is not an http(s) URL');
  const url = new URL(redirect.location);
  const signedAt = amzDateMs(url.searchParams.get('X-Amz-Date'));
  const expiresRaw = url.searchParams.get('X-Amz-Expires');
  const lifetimeSecs = expiresRaw && /^\d{1,7}$/.test(expiresRaw) ? Number(expiresRaw) : null;
  if (signedAt === null || lifetimeSecs === null)
    throw badResponse('bird', 'presigned URL without a readable X-Amz-Date and X-Amz-Expires');
  const expiresAt = new Date(signedAt + lifetimeSecs * 1000);
  const left = Math.floor((expiresAt.getTime() - nowMs) / 1000);
  return {
    url: redirect.location,
    expiresAt,
    // Never more than Bird granted, even when our clock is behind S3's signature time.
    validForSecs: Math.max(0, Math.min(lifetimeSecs, left)),
    format: 'MP3',
    // Content-Disposition of the S3 object is not documented.
    disposition: 'UNKNOWN',
  };
}
