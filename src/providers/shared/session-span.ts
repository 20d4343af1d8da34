import type { RecordingData, StorageConfigData } from '../../domain/model';

/**
 * When a session started and how long it lasted, as far as its recordings tell: from the
 * earliest recording start to the latest recording end. For vendors whose session object
 * carries no times of its own (Daily, SignalWire, Bird).
 */
export function sessionSpan(recordings: readonly RecordingData[]): { startedAt: Date | null; durationSecs: number | null } {
  const starts = recordings.map((r) => r.startedAt?.getTime()).filter((t): t is number => t !== undefined);
  const ends = recordings.map((r) => r.endedAt?.getTime()).filter((t): t is number => t !== undefined);
  if (starts.length === 0) return { startedAt: null, durationSecs: null };
  const start = Math.min(...starts);
  const end = ends.length ? Math.max(...ends) : null;
  return { startedAt: new Date(start), durationSecs: end !== null && end >= start ? Math.round((end - start) / 1000) : null };
}

/** A file in the vendor's own storage, of which at most the path is known. */
export function providerManagedStorage(fields: Partial<Omit<StorageConfigData, 'kind'>> = {}): StorageConfigData {
  return { kind: 'PROVIDER_MANAGED', bucket: null, region: null, path: null, host: null, port: null, username: null, authMethod: null, streamingAllowed: null, ...fields };
}
