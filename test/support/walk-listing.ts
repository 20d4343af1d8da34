import type { RecordingData } from '../../src/domain/model';
import { encodeGlobalId } from '../../src/ids/global-id';
import type { CallContext, ListFilter, ListPage, ListPosition, RecordingProvider } from '../../src/providers/recording-provider';
import { compareTimeline, matchesFilter } from '../../src/providers/shared/timeline';
import type { Emulator } from '../../src/sandbox/emulator';

export interface WalkOptions {
  limit: number;
  /**
   * How many items of a page the caller takes before it asks again, as the listing layer
   * does when it stops mid-page: it then resumes from the last taken item's position.
   * Default: the whole page, resuming from `next`.
   */
  take?: (pageLength: number, step: number) => number;
  ctx?: () => CallContext;
}

export interface Walk {
  recordings: RecordingData[];
  /** listRecordings calls made, and the most vendor calls any one of them cost. */
  steps: number;
  maxVendorCallsPerStep: number;
  /** Pages that came back empty while the listing went on. */
  emptyPages: number;
}

/** What a client would get back through a cursor: positions survive a JSON round trip. */
const viaJson = (page: ListPage): ListPage => ({
  items: page.items.map((i) => ({ recording: i.recording, position: JSON.parse(JSON.stringify(i.position)) as ListPosition })),
  next: page.next === null ? null : (JSON.parse(JSON.stringify(page.next)) as ListPosition),
});

/** Walks a provider's listing from the start to its end, as the listing layer would. */
export async function walkListing(provider: RecordingProvider, emulator: Emulator, filter: ListFilter, options: WalkOptions): Promise<Walk> {
  const walk: Walk = { recordings: [], steps: 0, maxVendorCallsPerStep: 0, emptyPages: 0 };
  let after: ListPosition | null = null;
  for (;;) {
    const before = emulator.totalCalls();
    const page = viaJson(await provider.listRecordings({ filter, limit: options.limit, after }, options.ctx?.() ?? {}));
    walk.maxVendorCallsPerStep = Math.max(walk.maxVendorCallsPerStep, emulator.totalCalls() - before);
    walk.steps++;
    if (walk.steps > 5_000) throw new Error('the listing does not end');
    const taken = Math.max(1, Math.min(page.items.length, options.take?.(page.items.length, walk.steps) ?? page.items.length));
    if (page.items.length === 0) walk.emptyPages++;
    walk.recordings.push(...page.items.slice(0, taken).map((i) => i.recording));
    if (taken < page.items.length) after = page.items[taken - 1].position;
    else if (page.next) after = page.next;
    else return walk;
  }
}

export const globalIds = (recordings: readonly RecordingData[]): string[] => recordings.map((r) => encodeGlobalId('Recording', r.provider, r.key));

/** The expected listing: the seed's recordings that match, in timeline order. */
export const expectedListing = (all: readonly RecordingData[], filter: ListFilter): string[] => globalIds(all.filter((r) => matchesFilter(r, filter)).sort(compareTimeline));
