import type { ProviderName } from './provider-name';

/**
 * The normalized model every vendor adapter maps into. These are plain data: the
 * GraphQL layer presents them, the loaders cache them by global id, and mappers build
 * them from wire types (which never leave their adapter).
 */

export const RECORDING_STATUSES = ['PENDING', 'RECORDING', 'PAUSED', 'PROCESSING', 'READY', 'FAILED', 'DELETED', 'UNKNOWN'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

export const MEDIA_FORMATS = ['MP4', 'WEBM', 'M4A', 'MP3', 'WAV', 'AAC', 'TAR', 'VTT', 'TXT', 'CSV', 'JSON', 'JPG'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

export const SESSION_KINDS = ['MEETING', 'CALL', 'CONFERENCE'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const STORAGE_KINDS = ['PROVIDER_MANAGED', 'AWS', 'AZURE', 'DIGITALOCEAN', 'GCS', 'SFTP'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

export const LINK_DISPOSITIONS = ['ATTACHMENT', 'INLINE', 'UNKNOWN'] as const;
export type LinkDisposition = (typeof LINK_DISPOSITIONS)[number];

/**
 * Where a recording's file lives. Secrets the vendor sends (keys, passwords, private
 * keys) have no field here on purpose: a mapper cannot copy what the type cannot hold.
 */
export interface StorageConfigData {
  kind: StorageKind;
  bucket: string | null;
  region: string | null;
  path: string | null;
  host: string | null;
  port: number | null;
  username: string | null;
  authMethod: string | null;
  streamingAllowed: boolean | null;
}

/**
 * A link already known from the recording's own body (Cloudflare's `download_url`,
 * SignalWire's public media URL), so resolving `accessLink` needs no vendor call.
 */
export interface KnownLink {
  url: string;
  expiresAt: Date | null;
  format: MediaFormat | null;
  disposition: LinkDisposition;
}

export interface RecordingData {
  provider: ProviderName;
  /** Global-id segments (docs/api.md#global-ids): the vendor id, or Zoom's [sessionId, fileId]. */
  key: readonly string[];
  nativeId: string;
  status: RecordingStatus;
  /** The vendor's raw status string; null when the vendor sends none. */
  providerStatus: string | null;
  format: MediaFormat | null;
  durationSecs: number | null;
  sizeBytes: number | null;
  channels: number | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date | null;
  /** Segments of the session's global id; null when the vendor body does not say. */
  sessionKey: readonly string[] | null;
  storage: StorageConfigData | null;
  /**
   * undefined: a link must be minted by a vendor call; null: the vendor has no link for
   * this recording; a value: the link is already known.
   */
  knownLink?: KnownLink | null;
}

/**
 * What a recording's own body says about its session: enough for the session's `id`,
 * `nativeId`, `provider` and `kind` with no vendor call (docs/performance.md).
 */
export interface SessionRef {
  provider: ProviderName;
  key: readonly string[];
  nativeId: string;
  kind: SessionKind;
}

export interface SessionData extends SessionRef {
  name: string | null;
  startedAt: Date | null;
  durationSecs: number | null;
  recordings: RecordingData[];
}

export interface AccessLinkData {
  url: string;
  /** null only when the vendor's URL never expires. */
  expiresAt: Date | null;
  /** The validity the vendor actually granted, in seconds; null when it never expires. */
  validForSecs: number | null;
  format: MediaFormat | null;
  disposition: LinkDisposition;
}
