import type { z } from 'zod';
import type { RecordingData } from '../../domain/model';
import { PROVIDER_LABELS, type ProviderName } from '../../domain/provider-name';
import { BadUserInputError } from '../../errors/coded-error';
import type { ListFilter, ListPage, ListPosition, ListedRecording } from '../recording-provider';
import { compareTimeline } from '../../timeline/order';
import { matchesFilter } from '../../timeline/filter';
import { DAY_MS } from './times';

/**
 * How much later than its creation a recording is assumed to start, at most. SignalWire
 * filters on creation (`DateCreated>`) and Bird's `startAt` may do so too (undocumented),
 * while the timeline runs on the start time, which is never earlier: a lower date bound
 * pushed down as it is would drop a recording created just before it and started after.
 * Pushing it down this much earlier keeps every such recording; the local filter drops the
 * extra ones. A recording queued for longer than a day before it started would be missed.
 */
export const START_LAG_ALLOWANCE_MS = DAY_MS;

/**
 * Reads a position this adapter handed out (the timeline layer seals them into encrypted,
 * authenticated cursors, so a bad shape means a bug or an old cursor, never an attack): an
 * adapter's `parseListPosition`, which the timeline layer runs while it decodes a cursor. A
 * shape the schema refuses is BAD_USER_INPUT, before any vendor call.
 */
export function parsePosition<S extends z.ZodType<ListPosition>>(provider: ProviderName, position: ListPosition, schema: S): z.infer<S> {
  const parsed = schema.safeParse(position);
  if (!parsed.success) throw new BadUserInputError(`Malformed ${PROVIDER_LABELS[provider]} listing position in the cursor.`, provider);
  return parsed.data;
}

/** `parsePosition` as `listRecordings` reads `after`: null is "from the newest". */
export function readPosition<S extends z.ZodType<ListPosition>>(
  provider: ProviderName,
  after: ListPosition | null,
  schema: S,
): z.infer<S> | null {
  return after === null ? null : parsePosition(provider, after, schema);
}

/** The page size to ask a vendor for: the timeline layer's wish, within the vendor's 1..max. */
export function pageSizeFor(limit: number, max: number): number {
  if (!Number.isFinite(limit)) return max;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

/** One vendor call's worth of a listing: what it handed out and where the next one resumes. */
export interface ListStep<P extends ListPosition> {
  items: ListedRecording[];
  next: P | null;
}

/**
 * One vendor page, as the timeline layer wants it, for vendors whose positions are "this
 * page, `taken` of it consumed" (the page is re-fetched on resume): sorted by the timeline
 * (the vendor's order is by creation or undocumented; sorting makes each page exact, and
 * `taken` counts in this sorted order so a re-fetch skips exactly what was handed out),
 * the first `skip` dropped, the rest filtered locally. An item's position is `at(i)` with
 * i items of the page consumed; the last item's is `next` when there is one (resuming after
 * the whole page needs no re-fetch).
 */
export function pageOfRecordings<P extends ListPosition>(
  recordings: readonly RecordingData[],
  options: { skip: number; filter: ListFilter; at: (taken: number) => P; next: P | null },
): ListStep<P> {
  const sorted = [...recordings].sort(compareTimeline);
  const items: ListedRecording[] = [];
  for (let i = options.skip; i < sorted.length; i++) {
    if (!matchesFilter(sorted[i], options.filter)) continue;
    const last = i === sorted.length - 1;
    items.push({ recording: sorted[i], position: last && options.next ? options.next : options.at(i + 1) });
  }
  return { items, next: options.next };
}

/**
 * Runs `step` (one vendor call each) from `start` until it yields something or `maxCalls`
 * calls were made: an empty vendor page (an empty Zoom window, a page the local filter
 * emptied) is followed once more within the same listRecordings call, never further, so one
 * call costs at most two vendor calls (recording-provider.ts, ListQuery.limit).
 */
export async function walkSteps<P extends ListPosition>(
  start: P | null,
  step: (position: P) => Promise<ListStep<P>>,
  maxCalls = 2,
): Promise<ListPage> {
  const items: ListedRecording[] = [];
  let position = start;
  for (let calls = 0; position && calls < maxCalls && items.length === 0; calls++) {
    const page = await step(position);
    items.push(...page.items);
    position = page.next;
  }
  return { items, next: position };
}
