import { z } from 'zod';
import type { CallContext } from '../../domain/call-context';
import type { RecordingData } from '../../domain/model';
import { matchesFilter } from '../../timeline/filter';
import { timelineTime } from '../../timeline/order';
import type { ListedRecording, ListPage, ListQuery, RecordingProvider } from '../recording-provider';
import { pageSizeFor, parsePosition, readPosition } from '../shared/listing';
import type { DailyRecording } from './daily.api-types';
import { DAILY_LIST_LIMIT, type DailyClient } from './daily.client';

/**
 * A listing position: Daily's own cursor, the id of the last recording handed out, as Daily
 * gave it. Positions come back only in cursors this server sealed (src/timeline/cursor.ts),
 * so the id is not held to the documented id pattern (a recording whose id is outside it
 * would otherwise end the timeline there for good); it goes into a query parameter only,
 * encoded, so it is checked for length, slashes and control characters alone.
 */
const PositionSchema = z.strictObject({
  startingAfter: z
    .string()
    .min(1)
    .max(1024)
    .refine((id) => !/[/\\]/.test(id) && ![...id].some((c) => c < ' ' || c === '\x7f')),
});

export interface DailyListingDeps {
  client: DailyClient;
  /** A listed recording as the domain holds it (in the customer bucket when one is configured). */
  map: (raw: DailyRecording) => RecordingData;
}

/** Daily's part of the timeline (`Query.recordings`), over its recordings list. */
export function createDailyListing({ client, map }: DailyListingDeps): Pick<RecordingProvider, 'listRecordings' | 'parseListPosition'> {
  /**
   * One step of the timeline: one GET /recordings of about `limit` items after the
   * position's recording. Daily's list order is not documented (docs/vendors/daily.md#assumptions-where-the-docs-are-silent): we assume
   * newest first by `start_ts` (as its list example is), which is our timeline. Items go
   * out in Daily's order, not re-sorted: each resumes with `starting_after` its own id, so
   * nothing is fetched twice or skipped whatever the order really is; and by the same
   * assumption the first item older than `startedAfter` ends the listing. Daily filters by
   * room only: dates, statuses and the meeting session within the room are checked
   * locally. A recording deleted since its id went into a cursor makes Daily refuse that
   * cursor (an error for that page, never a wrong answer).
   */
  async function listTimeline({ filter, limit, after }: ListQuery, ctx: CallContext): Promise<ListPage> {
    const from = readPosition('daily', after, PositionSchema);
    const room = filter.sessionKey?.[0];
    const size = pageSizeFor(limit, DAILY_LIST_LIMIT);
    const page = await client.listRecordings({ room_name: room, limit: size, starting_after: from?.startingAfter }, ctx);
    const items: ListedRecording[] = [];
    const lowerBound = filter.startedAfter?.getTime();
    let ended = page.data.length < size;
    for (const raw of page.data) {
      // List items may leave room_name out (docs/vendors/daily.md#recording-object); a room-filtered list says it.
      const recording = map(room && !raw.room_name ? { ...raw, room_name: room } : raw);
      const time = timelineTime(recording);
      if (lowerBound !== undefined && time !== null && time < lowerBound) {
        ended = true;
        break;
      }
      if (matchesFilter(recording, filter)) items.push({ recording, position: { startingAfter: raw.id } });
    }
    const last = page.data.at(-1);
    return { items, next: ended || !last ? null : { startingAfter: last.id } };
  }

  return {
    listRecordings: listTimeline,
    parseListPosition: (position) => parsePosition('daily', position, PositionSchema),
  };
}
