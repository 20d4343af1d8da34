import type { AccessLinkData, RecordingData, SessionData } from '../../domain/model';
import type { ProviderName } from '../../domain/provider-name';
import { badResponse } from '../../errors/provider-error';

/** GraphQL's Int is a signed 32-bit integer (the GraphQL spec, "Int"). */
const INT_MAX = 2 ** 31 - 1;
/** The years an ISO 8601 date-time writes with four digits: 0000-01-01 to 9999-12-31. */
const DATE_MIN_MS = Date.parse('0000-01-01T00:00:00Z');
const DATE_MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');

const fitsInt = (n: number | null): boolean => n === null || (Number.isInteger(n) && n >= 0 && n <= INT_MAX);
const fitsSafeInt = (n: number | null): boolean => n === null || (Number.isSafeInteger(n) && n >= 0);
const fitsDate = (d: Date | null): boolean => d === null || (d instanceof Date && d.getTime() >= DATE_MIN_MS && d.getTime() <= DATE_MAX_MS);

function check(provider: ProviderName, fields: Record<string, boolean>): void {
  const bad = Object.keys(fields).find((field) => !fields[field]);
  if (bad) throw badResponse(provider, `${bad} out of range`);
}

/**
 * Whether what a mapper made from a vendor body can be answered as the schema types it:
 * counts as non-negative Ints (sizes as safe integers), times as dates of years 0 to 9999.
 * A vendor number or date outside them would fail while the answer is written, as a masked
 * INTERNAL_SERVER_ERROR on a half-written object; checked here, it is PROVIDER_BAD_RESPONSE
 * naming the vendor and the field, before anything of it is answered.
 */
export function checkRecordingInRange(recording: RecordingData): void {
  check(recording.provider, {
    durationSecs: fitsInt(recording.durationSecs),
    sizeBytes: fitsSafeInt(recording.sizeBytes),
    channels: fitsInt(recording.channels),
    startedAt: fitsDate(recording.startedAt),
    endedAt: fitsDate(recording.endedAt),
    createdAt: fitsDate(recording.createdAt),
  });
}

/** checkRecordingInRange for a session and every recording it holds. */
export function checkSessionInRange(session: SessionData): void {
  check(session.provider, { startedAt: fitsDate(session.startedAt), durationSecs: fitsInt(session.durationSecs) });
  for (const recording of session.recordings) checkRecordingInRange(recording);
}

/** checkRecordingInRange for a link: its expiry and validity. */
export function checkLinkInRange(provider: ProviderName, link: AccessLinkData): void {
  check(provider, { expiresAt: fitsDate(link.expiresAt), validForSecs: fitsInt(link.validForSecs) });
}
