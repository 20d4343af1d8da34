import type { RecordingData } from '../domain/model';

/**
 * The time a recording sits at on the timeline of `Query.recordings`: when it started,
 * or when it was created for a recording that has not started (issue: browsing).
 */
export function timelineTime(recording: RecordingData): number | null {
  return (recording.startedAt ?? recording.createdAt)?.getTime() ?? null;
}

/** Characters encodeURIComponent leaves as they are: a segment of only these is its own encoding. */
const UNESCAPED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/** A key segment as its global id spells it, encoded only when that changes it. */
const encodedSegment = (segment: string): string => (UNESCAPED.test(segment) ? segment : encodeURIComponent(segment));

/**
 * Compares `x` and `y` as they sit in an id, each followed by '/' when more segments come
 * after it (`xMore`, `yMore`). Neither holds a '/' (provider names; encoded segments), so
 * this decides the comparison of whole ids that are equal up to `x` and `y`.
 */
function compareToken(x: string, xMore: boolean, y: string, yMore: boolean): number {
  const a = xMore ? `${x}/` : x;
  const b = yMore ? `${y}/` : y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of the recordings' global ids as strings (`gid://…/Recording/<provider>/<encoded
 * segment>/…`, src/ids/global-id.ts), without building them: ties on the timeline are common
 * (a Zoom session's files start together), and each one would otherwise encode two ids. The
 * shared prefix is skipped, equal segments are equal when encoded, and only the first
 * differing segments are encoded, when they need it.
 */
function compareGlobalIds(a: RecordingData, b: RecordingData): number {
  if (a.provider !== b.provider) return compareToken(a.provider, true, b.provider, true);
  const n = Math.min(a.key.length, b.key.length);
  for (let i = 0; i < n; i++) {
    if (a.key[i] === b.key[i]) continue;
    return compareToken(encodedSegment(a.key[i]), i < a.key.length - 1, encodedSegment(b.key[i]), i < b.key.length - 1);
  }
  // One key is the other plus segments: its id is a prefix of the other's.
  return a.key.length - b.key.length;
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
  return compareGlobalIds(a, b);
}
