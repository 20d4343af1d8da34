import { CodedError } from '../errors/coded-error';
import { ErrorCode } from '../errors/error-codes';
import type { RecordingData, RecordingStatus } from './model';
import { PROVIDER_LABELS } from './provider-name';

/**
 * The one rule for all five vendors: which normalized statuses can have a file to link
 * (docs/api.md, "Access links"). READY is the only state in which every vendor documents a
 * file: Daily `finished`, SignalWire `completed`, Zoom's listed files, Bird `available`,
 * Cloudflare `UPLOADED`. UNKNOWN is a vendor value newer than its documents: we cannot say it
 * has no file, so the vendor is asked and its answer stands. Every other status (PENDING,
 * RECORDING, PAUSED, PROCESSING, FAILED, DELETED) has no file yet or any more, and a link
 * minted for it would be a URL to nothing (Bird and Daily mint one anyway).
 */
export const LINKABLE_STATUSES: ReadonlySet<RecordingStatus> = new Set<RecordingStatus>(['READY', 'UNKNOWN']);

/** Whether a recording in this status can have a link. */
export function canHaveLink(status: RecordingStatus): boolean {
  return LINKABLE_STATUSES.has(status);
}

/**
 * Null when the recording may have a link; otherwise the error its `accessLink` field
 * answers with, before (and instead of) any vendor call: UNSUPPORTED_BY_PROVIDER, naming the
 * status. A pure function of the normalized recording, so it applies alike to a recording
 * just loaded, listed, or loaded together with a link fetched ahead of time.
 */
export function linkRefusal(recording: Pick<RecordingData, 'provider' | 'status' | 'providerStatus'>): CodedError | null {
  if (canHaveLink(recording.status)) return null;
  const label = PROVIDER_LABELS[recording.provider];
  const raw = recording.providerStatus === null ? '' : ` (${label} status "${recording.providerStatus}")`;
  return new CodedError(
    ErrorCode.UNSUPPORTED_BY_PROVIDER,
    `No access link: this ${label} recording is ${recording.status}${raw}; only READY recordings have a file to link.`,
    recording.provider,
  );
}
