import type { RecordingData } from '../../src/domain/model';
import { recordingGlobalId } from '../../src/loaders/create-loaders';
import type { ListFilter, ListPosition, RecordingProvider } from '../../src/providers/recording-provider';
import { compareTimeline, matchesFilter } from '../../src/providers/shared/timeline';

export interface WalkOptions {
  /** What each call asks for. */
  limit: number;
  /**
   * Consume only this many items of each page and resume from the last one's position
   * (the listing layer stopping mid-page); all of them when unset.
   */
  take?: number;
}

/**
 * Walks an adapter's listing the way the listing layer does: from `after: null` until
 * `next` is null, every position through JSON as a cursor would carry it.
 */
export async function walkListing(provider: RecordingProvider, filter: ListFilter, { limit, take }: WalkOptions): Promise<{ ids: string[]; calls: number }> {
  const ids: string[] = [];
  let after: ListPosition | null = null;
  let calls = 0;
  for (;;) {
    if (++calls > 20_000) throw new Error('the listing does not end');
    const page = await provider.listRecordings({ filter, limit, after }, {});
    const consumed = take === undefined ? page.items : page.items.slice(0, take);
    ids.push(...consumed.map((i) => recordingGlobalId(i.recording)));
    if (consumed.length < page.items.length) after = JSON.parse(JSON.stringify(consumed[consumed.length - 1].position)) as ListPosition;
    else if (page.next === null) return { ids, calls };
    else after = JSON.parse(JSON.stringify(page.next)) as ListPosition;
  }
}

/** What a listing must yield: the matching recordings, each once, in timeline order. */
export function expectedIds(all: readonly RecordingData[], filter: ListFilter): string[] {
  return all
    .filter((r) => matchesFilter(r, filter))
    .sort(compareTimeline)
    .map(recordingGlobalId);
}
