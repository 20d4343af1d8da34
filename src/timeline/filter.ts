import type { RecordingData } from '../domain/model';
import type { ListFilter } from '../providers/recording-provider';
import { timelineTime } from './order';

/**
 * Whether a recording passes the filter, checked locally: adapters push what their vendor
 * supports down to it and check everything here too, so a vendor that filters loosely
 * (by date only, by room rather than session) never lets a non-match through.
 * A recording with no time matches only a filter without date bounds.
 */
export function matchesFilter(recording: RecordingData, filter: ListFilter): boolean {
  if (filter.statuses && !filter.statuses.includes(recording.status)) return false;
  if (filter.sessionKey) {
    const key = recording.sessionKey;
    if (!key || key.length !== filter.sessionKey.length || key.some((s, i) => s !== filter.sessionKey![i])) return false;
  }
  if (filter.startedAfter || filter.startedBefore) {
    const t = timelineTime(recording);
    if (t === null) return false;
    if (filter.startedAfter && t < filter.startedAfter.getTime()) return false;
    if (filter.startedBefore && t >= filter.startedBefore.getTime()) return false;
  }
  return true;
}
