import type { RecordingData } from '../domain/model';
import type { ProviderName } from '../domain/provider-name';
import type { CallContext } from '../domain/call-context';
import type { CursorCodec } from './cursor';
import { readTimelinePage, type TimelineSource } from './timeline-page';
import { DONE, type TimelineState, type VendorState } from './timeline-state';

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
 * Where the `after` cursor resumes every vendor: the codec opens it and checks its shape,
 * then each vendor's adapter reads its own position (`parseListPosition`), so a position
 * any one of them refuses throws BadUserInputError before any vendor is called.
 */
function startState(request: TimelineRequest, cursors: CursorCodec): TimelineState {
  const vendors = request.sources.map((s) => s.provider.name);
  if (request.after === null) return Object.fromEntries(vendors.map((v) => [v, null]));
  const state = cursors.decode(request.after, request.fingerprint, vendors);
  const parsed = ({ provider, filter }: TimelineSource): VendorState => {
    const s = state[provider.name] ?? null;
    return s === null || s === DONE ? s : provider.parseListPosition(s, filter);
  };
  return Object.fromEntries(request.sources.map((source) => [source.provider.name, parsed(source)]));
}

/**
 * One page of `Query.recordings` in cursor terms: the `after` cursor is checked (a bad one,
 * or one holding a position its vendor's adapter refuses, throws BadUserInputError before
 * any vendor call), the page is merged, and every edge and the page's end get a sealed
 * cursor (an edge's, when it is read).
 */
export async function readTimelineConnection(
  request: TimelineRequest,
  cursors: CursorCodec,
  ctx: CallContext,
): Promise<TimelineConnection> {
  const start = startState(request, cursors);
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
