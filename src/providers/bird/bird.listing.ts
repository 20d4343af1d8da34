import type { ListFilter } from '../recording-provider';
import { pageSizeFor, START_LAG_ALLOWANCE_MS } from '../shared/listing';
import { BIRD_LIST_LIMIT, type BirdListParams } from './bird.client';

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
