import type { RecordingStatus } from '../../domain/model';

/**
 * `table[key]` for the table's own keys only. A plain object literal inherits from
 * Object.prototype, so a vendor value like `constructor`, `toString` or `__proto__` would
 * otherwise come back as a function or an object instead of "not in the table".
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * A vendor status through its documented table; anything else (including absent) is
 * UNKNOWN. The mapper keeps the raw value in providerStatus.
 */
export function statusFrom(table: Readonly<Record<string, RecordingStatus>>, status: string | null | undefined): RecordingStatus {
  return ownEntry(table, status) ?? 'UNKNOWN';
}
