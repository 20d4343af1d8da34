import { z } from 'zod';
import type { DailyConfig } from '../../config/config.types';
import type { DailyRecording } from './daily.api-types';
import { expectSegments, OPAQUE_TOKEN, uuidRule } from '../../ids/segment-rules';
import type { ProviderDeps } from '../shared/provider-deps';
import type { ListedRecording, ListPage, ListQuery, RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup, eachKey } from '../shared/batch';
import { collectPages } from '../shared/collect-pages';
import { pageSizeFor, parsePosition, readPosition } from '../shared/listing';
import { memoCall } from '../shared/memo';
import { timelineTime } from '../../timeline/order';
import { matchesFilter } from '../../timeline/filter';
import { DAILY_LIST_LIMIT, DailyClient } from './daily.client';
import { BadUserInputError } from '../../errors/coded-error';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider-error';
import { DAILY_CUSTOMER_BUCKET_LINK_SECS, dailySessionRef, inCustomerBucket, inDailyBucket, mapDailyAccessLink, mapDailyRecording, mapDailySession } from './daily.mapper';

/**
 * The most list pages one session load reads from a room (DAILY_LIST_LIMIT each: 1,000
 * recordings). At the about 2 requests/s a secondary source gives for Daily's list
 * endpoints, that is about five seconds of one room's paging.
 */
export const DAILY_ROOM_MAX_PAGES = 10;

/** Daily's ids are opaque (UUIDs in every example); room names are letters, digits, - and _. */
const RECORDING_ID = { name: 'recording id', pattern: OPAQUE_TOKEN };
const ROOM_NAME = { name: 'room name', pattern: OPAQUE_TOKEN };

/** A listing position: Daily's own cursor, the id of the last recording handed out. */
const PositionSchema = z.strictObject({ startingAfter: z.string().regex(OPAQUE_TOKEN) });

/**
 * Daily: no batch endpoint by id, so recordings and links are one GET each (concurrent,
 * bounded by the pool). A session is a meeting session within a room: one paged list by
 * `room_name` per room serves every session asked for in that room (docs/vendors/daily.md#endpoints).
 */
export function createDailyProvider(config: DailyConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new DailyClient(config, deps.rateStoreFor?.('daily'));
  const now = deps.now ?? Date.now;
  /** A recording as the domain stores it: in the customer bucket when one is configured. */
  const map = (raw: DailyRecording) => inDailyBucket(mapDailyRecording(raw), config.recordingsBucket);

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

  /**
   * Every recording of a room, for its sessions: Daily has no session filter, so the room's
   * list is paged to its end, at most DAILY_ROOM_MAX_PAGES pages. Daily rate-limits its list
   * endpoints harder than the rest (docs/vendors/daily.md, "Rate limits"), and the pages of
   * one room are sequential, so a bigger room is refused rather than paged for seconds.
   */
  const listRoom = (room: string, ctx: CallContext): Promise<DailyRecording[]> =>
    collectPages('daily', client.recordingPages({ room_name: room }, ctx), ctx, {
      idOf: (r) => r.id,
      maxPages: DAILY_ROOM_MAX_PAGES,
      whenMorePages: () =>
        new ProviderError(
          'daily',
          ErrorCode.UNSUPPORTED_BY_PROVIDER,
          `This Daily room has ${DAILY_ROOM_MAX_PAGES * DAILY_LIST_LIMIT} recordings or more, more than one session load reads (Daily has no session filter); list the session with Query.recordings(filter: { session }) instead.`,
        ),
    });

  /** The link call needs only the recording's id: memoized per request, so a prefetch and the later load share one call. */
  function accessLinkCall(id: string, validForSecs: number, ctx: CallContext) {
    return memoCall(ctx, `daily:link:${id}:${validForSecs}`, async () => {
      // When the call was sent, not when its answer is read: the granted validity counts from it.
      const sentAtMs = now();
      return { link: await client.getAccessLink(id, validForSecs, ctx), sentAtMs };
    });
  }

  return {
    name: 'daily',

    validateKey(type, segments) {
      if (type === 'Recording') expectSegments('daily', type, segments, [[RECORDING_ID]]);
      else expectSegments('daily', type, segments, [[ROOM_NAME, uuidRule('mtgSessionId')]]);
    },

    getRecordings(keys, ctx) {
      return eachKey(keys, async ([id]) => map(await client.getRecording(id, ctx)));
    },

    getSessions(keys, ctx) {
      return byGroup(
        keys,
        ([room]) => room,
        (room) => room,
        (room) => memoCall(ctx, `daily:room:${room}`, () => listRoom(room, ctx)),
        (recordings, [room, mtgSessionId]) => {
          const session = mapDailySession(room, mtgSessionId, recordings);
          return session && { ...session, recordings: session.recordings.map((r) => inDailyBucket(r, config.recordingsBucket)) };
        },
      );
    },

    getAccessLinks(requests, ctx) {
      return eachKey(requests, async ({ recording, validForSecs }) => {
        const customerBucket = inCustomerBucket(recording);
        const { min, max } = DAILY_CUSTOMER_BUCKET_LINK_SECS;
        // Daily would refuse it (get-recording-link): refused here, before any call, with the range.
        if (customerBucket && (validForSecs < min || validForSecs > max)) {
          throw new BadUserInputError(
            `validForSecs must be from ${min} to ${max} (15 minutes to 12 hours) for a Daily recording in a customer's S3 bucket; it was ${validForSecs}.`,
            'daily',
          );
        }
        const { link, sentAtMs } = await accessLinkCall(recording.nativeId, validForSecs, ctx);
        return mapDailyAccessLink(link, { validForSecs, sentAtMs, customerBucket });
      });
    },

    prefetchAccessLinks(requests, ctx) {
      const { min, max } = DAILY_CUSTOMER_BUCKET_LINK_SECS;
      for (const { key, validForSecs } of requests) {
        // With a customer bucket configured, a validity getAccessLinks may refuse before any
        // call (above) is not asked ahead: the link waits for the recording, as without prefetching.
        if (config.recordingsBucket && (validForSecs < min || validForSecs > max)) continue;
        // A recording's nativeId is its one key segment (mapDailyRecording).
        accessLinkCall(key[0], validForSecs, ctx).catch(() => undefined);
      }
    },

    sessionRef: dailySessionRef,

    listRecordings: listTimeline,

    parseListPosition: (position) => parsePosition('daily', position, PositionSchema),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}
