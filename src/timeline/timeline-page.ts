import type { ProviderName } from '../domain/provider-name';
import type { RecordingData } from '../domain/model';
import { compareTimeline } from './order';
import type { ListFilter, RecordingProvider } from '../providers/recording-provider';
import type { CallContext } from '../domain/call-context';
import { DONE, type TimelineState } from './timeline-state';
import { VendorStream } from './vendor-stream';

/**
 * Most calls one page makes to one vendor. A vendor whose pages are much smaller than
 * `first` (or that filters most of them out locally) ends the page early instead: fewer
 * edges, `hasNextPage` true, never out of order.
 */
export const MAX_VENDOR_CALLS_PER_PAGE = 4;

export interface TimelineSource {
  provider: RecordingProvider;
  /** The filter as this vendor sees it (a session key only for the session's vendor). */
  filter: ListFilter;
}

export interface TimelineEdge {
  recording: RecordingData;
  /** Every vendor's state right after this recording: its cursor. */
  state: TimelineState;
}

export interface TimelinePage {
  edges: TimelineEdge[];
  /** Where the next page starts. */
  endState: TimelineState;
  /** Some vendor that answered has more (buffered, or a `next`). */
  hasNextPage: boolean;
  /** Vendors whose call failed: they resume from `endState` on the next page. */
  failures: Array<{ provider: ProviderName; error: unknown }>;
}

/**
 * One page of the timeline across vendors: a k-way merge by `compareTimeline`. Every
 * vendor still in the walk is asked for about `first` at once; whenever a vendor's buffer
 * runs empty and it has more, it is asked again before the next recording is chosen, since
 * its next one could come first.
 */
export async function readTimelinePage(
  sources: readonly TimelineSource[],
  start: TimelineState,
  first: number,
  ctx: CallContext,
): Promise<TimelinePage> {
  const streams = sources.flatMap(({ provider, filter }) => {
    const state = start[provider.name] ?? null;
    return state === DONE ? [] : [new VendorStream(provider, filter, state)];
  });
  const snapshot = (): TimelineState => {
    const state: TimelineState = { ...start };
    for (const s of streams) state[s.name] = s.state();
    return state;
  };

  const edges: TimelineEdge[] = [];
  while (edges.length < first) {
    const needy = streams.filter((s) => s.needsCall);
    if (needy.length > 0) {
      if (needy.some((s) => s.calls >= MAX_VENDOR_CALLS_PER_PAGE)) break;
      await Promise.all(needy.map((s) => s.fetch(first - edges.length, ctx)));
      continue;
    }
    let next: VendorStream | undefined;
    for (const s of streams) {
      if (!s.drained && (!next || compareTimeline(s.head().recording, next.head().recording) < 0)) next = s;
    }
    if (!next) break;
    edges.push({ recording: next.take().recording, state: snapshot() });
  }

  return {
    edges,
    endState: snapshot(),
    hasNextPage: streams.some((s) => s.hasMore),
    failures: streams.filter((s) => s.failure !== undefined).map((s) => ({ provider: s.name, error: s.failure })),
  };
}
