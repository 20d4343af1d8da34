import { z } from 'zod';
import type { CallContext } from '../../domain/call-context';
import { badResponse } from '../../errors/provider-error';
import type { ListFilter, ListPage, ListPosition, ListQuery, RecordingProvider } from '../recording-provider';
import { pageOfRecordings, pageSizeFor, parsePosition, readPosition, START_LAG_ALLOWANCE_MS } from '../shared/listing';
import { BIRD_LIST_LIMIT, type BirdClient, type BirdListParams } from './bird.client';
import { mapBirdRecording } from './bird.mapper';

/** pageToken is at most 8000 characters (list-recordings OpenAPI). */
const MAX_PAGE_TOKEN = 8_000;

/**
 * A listing position: the token of a page (null for the first page of the filter), the
 * `limit` it was fetched with, and how much of it was consumed. A page is re-fetched with
 * its own limit; a fresh page (nothing consumed) takes the current one.
 */
const PositionSchema = z
  .strictObject({
    pageToken: z.string().min(1).max(MAX_PAGE_TOKEN).nullable(),
    limit: z.number().int().min(1).max(BIRD_LIST_LIMIT).optional(),
    taken: z.number().int().min(0).max(BIRD_LIST_LIMIT),
  })
  .refine((p) => p.taken === 0 || (p.limit !== undefined && p.taken <= p.limit));

/**
 * The timeline filter pushed down to GET /workspaces/{ws}/recordings (list-recordings
 * OpenAPI): the session's `sourceId` (its source, call or conference, is checked locally),
 * the dates as `startAt`/`endAt` date-times, and a `limit` within 1..99.
 *
 * Bird does not say which time `startAt`/`endAt` compare nor whether they are inclusive
 * (docs/vendors/bird.md#assumptions-where-the-docs-are-silent). We assume the recording's start or creation time (a recording is
 * created before it starts), not its end:
 * - `endAt` = `startedBefore`: started < before implies created < before, kept by a strict
 *   or an inclusive bound on either time.
 * - `startAt` = `startedAfter` minus START_LAG_ALLOWANCE_MS: a recording started at or
 *   after the bound may have been created just before it; the extra day is dropped locally.
 */
export function birdListParams(filter: ListFilter, limit: number): BirdListParams {
  const after = filter.startedAfter?.getTime();
  return {
    sourceId: filter.sessionKey?.[1],
    startAt: after === undefined ? undefined : new Date(after - START_LAG_ALLOWANCE_MS).toISOString(),
    endAt: filter.startedBefore?.toISOString(),
    limit: pageSizeFor(limit, BIRD_LIST_LIMIT),
  };
}

/** Bird's part of the timeline (`Query.recordings`), over its recordings list. */
export function createBirdListing({ client }: { client: BirdClient }): Pick<RecordingProvider, 'listRecordings' | 'parseListPosition'> {
  /**
   * One step of the timeline: one page of the recordings list, by the position's page
   * token (a re-fetch of the page an item came from, with the same limit) or the first
   * page of the filter. Bird documents no order (docs/vendors/bird.md#assumptions-where-the-docs-are-silent): we assume newest first,
   * by the same time its startAt/endAt filter on (start, or creation before the start),
   * which is our timeline; each page is sorted exactly. Statuses and the session's source
   * are checked locally. The `{results, nextPageToken}` envelope is inferred (api-types).
   */
  async function listTimeline({ filter, limit, after }: ListQuery, ctx: CallContext): Promise<ListPage> {
    const from = readPosition('bird', after, PositionSchema);
    const params = birdListParams(filter, from && from.taken > 0 ? from.limit! : limit);
    const pageToken = from?.pageToken ?? undefined;
    const page = await client.listRecordings({ ...params, pageToken }, ctx);
    const nextToken = page.nextPageToken || null;
    if (nextToken !== null && (nextToken === pageToken || nextToken.length > MAX_PAGE_TOKEN))
      throw badResponse('bird', 'recording list repeats its page token or sends an oversized one');
    return pageOfRecordings<ListPosition>((page.results ?? []).map(mapBirdRecording), {
      skip: from?.taken ?? 0,
      filter,
      at: (taken) => ({ pageToken: pageToken ?? null, limit: params.limit!, taken }),
      next: nextToken === null ? null : { pageToken: nextToken, taken: 0 },
    });
  }

  return {
    listRecordings: listTimeline,
    parseListPosition: (position) => parsePosition('bird', position, PositionSchema),
  };
}
