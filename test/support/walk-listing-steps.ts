import type { RecordingData } from '../../src/domain/model';
import { encodeGlobalId } from '../../src/ids/global-id';
import type { CallContext, ListFilter, ListPage, ListPosition, RecordingProvider } from '../../src/providers/recording-provider';
import { compareTimeline, matchesFilter } from '../../src/providers/shared/timeline';
import type { Emulator } from '../../src/sandbox/emulator';
import type { VendorSandbox } from '../../src/sandbox/vendor-sandbox';

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

/**
 * The limits and stopping patterns every vendor's walk is checked with: whole pages at the
 * smallest, a middling and the largest limit, and a caller that stops mid-page.
 */
export const WALK_CASES: Array<[limit: number, what: string, take: WalkOptions['take']]> = [
  [1, 'whole pages', undefined],
  [13, 'whole pages', undefined],
  [100, 'whole pages', undefined],
  [7, 'stopping mid-page', (n) => Math.ceil(n / 3)],
  [30, 'stopping mid-page', (n, step) => (step % 2 ? 1 : n - 1)],
];

/**
 * Walks a bulk-seeded sandbox's whole listing at limit 100, stopping mid-page every third
 * call, then closes the adapter and the emulator.
 */
export async function walkBulkSandbox<C>(sandbox: VendorSandbox<C>, create: (config: C) => RecordingProvider): Promise<Walk> {
  const provider = create(sandbox.config);
  try {
    return await walkListing(provider, sandbox.emulator, {}, { limit: 100, take: (n, step) => (step % 3 === 0 ? Math.floor(n / 2) : n) });
  } finally {
    await provider.close();
    await sandbox.emulator.close();
  }
}
