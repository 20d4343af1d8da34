import type {
  AccessLinkData,
  KnownLink,
  RecordingData,
  RecordingStatus,
  SessionData,
  SessionRef,
  StorageConfigData,
  StorageKind,
} from '../../domain/model';
import { badResponse } from '../../errors/provider-error';
import { UUID } from '../../ids/segment-rules';
import { extensionOf, mediaFormatOf } from '../shared/formats';
import { ownEntry, statusFrom } from '../shared/lookup';
import { providerManagedStorage } from '../shared/storage';
import { parseDate, secondsBetween } from '../shared/times';
import { isHttpUrl } from '../shared/urls';
import type { z } from 'zod';
import type {
  CloudflareRecording,
  CloudflareSession,
  CloudflareSessionEnvelopeSchema,
  CloudflareStorageConfig,
} from './cloudflare.api-types';

/**
 * RealtimeKit `status` -> RecordingStatus (docs/vendors/cloudflare.md#statuses). PAUSED is in
 * the SDK enum without a documented meaning; it is read as a paused recording.
 */
const STATUS: Record<string, RecordingStatus> = {
  INVOKED: 'PENDING',
  RECORDING: 'RECORDING',
  PAUSED: 'PAUSED',
  UPLOADING: 'PROCESSING',
  UPLOADED: 'READY',
  ERRORED: 'FAILED',
};

export function mapCloudflareStatus(status: string | null | undefined): RecordingStatus {
  return statusFrom(STATUS, status);
}

const STORAGE_KINDS: Record<string, StorageKind> = {
  aws: 'AWS',
  azure: 'AZURE',
  digitalocean: 'DIGITALOCEAN',
  gcs: 'GCS',
  sftp: 'SFTP',
};

/**
 * `storage_config` -> StorageConfigData, field by field: the write-only secrets (secret,
 * password, private_key, access_key) are never read, whatever the body holds. No
 * `storage_config` means the file went to RealtimeKit's own R2 bucket. A type newer than the
 * SDK's enum is left out (null) rather than guessed.
 */
export function mapCloudflareStorage(config: CloudflareStorageConfig | null | undefined): StorageConfigData | null {
  if (!config) {
    return providerManagedStorage();
  }
  const kind = ownEntry(STORAGE_KINDS, config.type.toLowerCase());
  if (!kind) return null;
  return {
    kind,
    bucket: config.bucket ?? null,
    region: config.region ?? null,
    path: config.path ?? null,
    host: config.host ?? null,
    port: config.port ?? null,
    username: config.username ?? null,
    authMethod: config.auth_method ?? null,
    // RealtimeKit documents no streaming or disposition setting for the destination.
    streamingAllowed: null,
  };
}

/** The file's format from its name (or the URL's path), MP4 when neither has an extension. */
function formatOf(rec: CloudflareRecording): RecordingData['format'] {
  const ext = extensionOf(rec.output_file_name) ?? extensionOf(rec.download_url);
  return ext ? mediaFormatOf(ext) : 'MP4';
}

/**
 * How long RealtimeKit keeps a file in its R2 bucket and signs its `download_url` for:
 * 7 days from upload (configure-realtimekit-bucket-config.mdx, recording-guide/index.mdx;
 * docs/vendors/cloudflare.md#access-links).
 */
export const CLOUDFLARE_LINK_LIFETIME_MS = 7 * 86_400_000;

/**
 * When the presigned URL stops working. `download_url_expiry` when the body states it.
 * Without it, the 7 days are counted from `stopped_time`: the upload (which starts the 7
 * days) comes after the stop, so this is at or a little before the real expiry, never after.
 * Without either, the expiry is unknown, and a null expiry would claim "never expires"
 * (the contract's meaning of null), which a presigned URL whose file is deleted after 7
 * days cannot be: such a recording gets no link at all.
 */
function linkExpiryOf(rec: CloudflareRecording): Date | null {
  const stated = parseDate(rec.download_url_expiry);
  if (stated) return stated;
  const stoppedAt = parseDate(rec.stopped_time);
  return stoppedAt ? new Date(stoppedAt.getTime() + CLOUDFLARE_LINK_LIFETIME_MS) : null;
}

/**
 * The presigned R2 URL the body already carries, with its expiry; null when RealtimeKit's
 * bucket was disabled (no URL) or when the expiry cannot be known (see linkExpiryOf).
 */
function knownLinkOf(rec: CloudflareRecording): KnownLink | null {
  if (!rec.download_url) return null;
  const expiresAt = linkExpiryOf(rec);
  if (!expiresAt) return null;
  return {
    url: rec.download_url,
    expiresAt,
    format: formatOf(rec),
    // Content-Disposition of R2 presigned URLs: not documented (docs/vendors/cloudflare.md#access-links).
    disposition: 'UNKNOWN',
  };
}

/**
 * A RealtimeKit session is a meeting session (`session_id`, a UUID). An id that is not a
 * UUID could not pass validateKey, so it is not handed out.
 */
export function cloudflareSessionKey(rec: CloudflareRecording): string[] | null {
  return rec.session_id && UUID.test(rec.session_id) ? [rec.session_id] : null;
}

/** The session of a Cloudflare session key [sessionId]: a meeting session. */
export function cloudflareSessionRef([sessionId]: readonly string[]): SessionRef {
  return { provider: 'cloudflare', key: [sessionId], nativeId: sessionId, kind: 'MEETING' };
}

export function mapCloudflareRecording(rec: CloudflareRecording): RecordingData {
  const startedAt = parseDate(rec.started_time);
  return {
    provider: 'cloudflare',
    key: [rec.id],
    nativeId: rec.id,
    status: mapCloudflareStatus(rec.status),
    providerStatus: rec.status,
    format: formatOf(rec),
    durationSecs: rec.recording_duration ?? null,
    sizeBytes: rec.file_size ?? null,
    channels: null,
    startedAt,
    endedAt: parseDate(rec.stopped_time),
    createdAt: parseDate(rec.invoked_time),
    sessionKey: cloudflareSessionKey(rec),
    storage: mapCloudflareStorage(rec.storage_config),
    knownLink: knownLinkOf(rec),
  };
}

/**
 * The session of a session-details body's `data`: `data.session` (the SDK's type) or `data`
 * itself (other reference pages); null when neither holds one.
 */
export function sessionOfDetails(data: z.infer<typeof CloudflareSessionEnvelopeSchema>['data']): CloudflareSession | null {
  if (!data) return null;
  return 'session' in data ? data.session : data;
}

/**
 * A session from its details (GET …/sessions/{id}) and its meeting's recording list, of
 * which only the items of this session are kept. A session without recordings is still a
 * session: its details say it exists.
 */
export function mapCloudflareSession(session: CloudflareSession, meetingRecordings: readonly CloudflareRecording[]): SessionData {
  const startedAt = parseDate(session.started_at);
  return {
    ...cloudflareSessionRef([session.id]),
    name: session.meeting_display_name ?? null,
    startedAt,
    // No `ended_at` while the session is LIVE: its length is not known yet.
    durationSecs: secondsBetween(startedAt, parseDate(session.ended_at)),
    recordings: meetingRecordings.filter((r) => r.session_id === session.id).map(mapCloudflareRecording),
  };
}

/**
 * The link as Cloudflare granted it: the presigned URL's own expiry, whatever validity was
 * asked for (RealtimeKit has no endpoint to mint a shorter or longer one). Past its expiry
 * it is still returned, with 0 seconds left, so the client sees the truth. A `download_url`
 * that is not an http(s) URL is PROVIDER_BAD_RESPONSE, never handed out.
 */
export function mapCloudflareAccessLink(link: KnownLink, nowMs: number): AccessLinkData {
  if (!isHttpUrl(link.url)) throw badResponse('cloudflare', 'download_url is not an http(s) URL');
  return {
    url: link.url,
    expiresAt: link.expiresAt,
    // knownLinkOf gives every Cloudflare link an expiry; null stays "not known" defensively.
    validForSecs: link.expiresAt ? Math.max(0, Math.floor((link.expiresAt.getTime() - nowMs) / 1000)) : null,
    format: link.format,
    disposition: link.disposition,
  };
}
