import type { RecordingData } from '../domain/model';
import type { ProviderName } from '../domain/provider-name';
import type { CallContext } from '../providers/recording-provider';
import type { CursorCodec } from './cursor';
import { readTimelinePage, type TimelineSource } from './timeline-page';
import { DONE, type TimelineState } from './timeline-state';

export interface TimelineRequest {
  sources: readonly TimelineSource[];
  first: number;
  /** Of the normalized filter; cursors carry it. */
  fingerprint: string;
  /** A cursor from an earlier page of the same filter, or null for the first page. */
  after: string | null;
}

export interface TimelineConnection {
  edges: Array<{ cursor: string; recording: RecordingData }>;
  hasNextPage: boolean;
  /** Set when there are edges or something left to resume (even on a page without edges). */
  endCursor: string | null;
  failures: Array<{ provider: ProviderName; error: unknown }>;
}

/**
 * One page of `Query.recordings` in cursor terms: the `after` cursor is checked (a bad one
 * throws BadUserInputError before any vendor call), the page is merged, and every edge and
 * the page's end get a sealed cursor (an edge's, when it is read).
 */
export async function readTimelineConnection(request: TimelineRequest, cursors: CursorCodec, ctx: CallContext): Promise<TimelineConnection> {
  const vendors = request.sources.map((s) => s.provider.name);
  const start: TimelineState =
    request.after !== null ? cursors.decode(request.after, request.fingerprint, vendors) : Object.fromEntries(vendors.map((v) => [v, null]));
  const page = await readTimelinePage(request.sources, start, request.first, ctx);
  const resumable = Object.values(page.endState).some((s) => s !== DONE);
  return {
    // Sealed only when read: a client that selects `nodes` (or edges without `cursor`)
    // costs no JSON and no AES per recording.
    edges: page.edges.map((e) => ({
      get cursor() {
        return cursors.encode(request.fingerprint, e.state);
      },
      recording: e.recording,
    })),
    hasNextPage: page.hasNextPage,
    endCursor: page.edges.length > 0 || resumable ? cursors.encode(request.fingerprint, page.endState) : null,
    failures: page.failures,
  };
}
