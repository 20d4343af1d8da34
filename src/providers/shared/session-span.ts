import type { RecordingData } from '../../domain/model';
import { secondsBetween } from './times';

/**
 * When a session started and how long it lasted, as far as its recordings tell: from the
 * earliest recording start to the latest recording end. For vendors whose session object
 * carries no times of its own (Daily, SignalWire, Bird).
 */
export function sessionSpan(recordings: readonly RecordingData[]): { startedAt: Date | null; durationSecs: number | null } {
  const starts = recordings.map((r) => r.startedAt?.getTime()).filter((t): t is number => t !== undefined);
  const ends = recordings.map((r) => r.endedAt?.getTime()).filter((t): t is number => t !== undefined);
  if (starts.length === 0) return { startedAt: null, durationSecs: null };
  const startedAt = new Date(Math.min(...starts));
  return { startedAt, durationSecs: ends.length ? secondsBetween(startedAt, new Date(Math.max(...ends))) : null };
}
