import type { RecordingData } from '../../domain/model';
import { encodeGlobalId } from '../../ids/global-id';
import type { ListFilter } from '../recording-provider';

/**
 * The time a recording sits at on the timeline of `Query.recordings`: when it started,
 * or when it was created for a recording that has not started (issue: browsing).
 */
export function timelineTime(recording: RecordingData): number | null {
  return (recording.startedAt ?? recording.createdAt)?.getTime() ?? null;
}

/**
 * The timeline's total order: newest first, recordings with no time at all last, ties broken
 * by global id ascending. Negative when `a` comes before `b`.
 */
export function compareTimeline(a: RecordingData, b: RecordingData): number {
  const ta = timelineTime(a);
  const tb = timelineTime(b);
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    return tb - ta;
  }
  const ia = encodeGlobalId('Recording', a.provider, a.key);
  const ib = encodeGlobalId('Recording', b.provider, b.key);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

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
