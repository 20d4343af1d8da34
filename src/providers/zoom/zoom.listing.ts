import type { RecordingData } from '../../domain/model';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider-error';
import type { ListFilter, ListPage, ListQuery, RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { z } from 'zod';
import { pageOfRecordings, pageSizeFor, parsePosition, readPosition, walkSteps, type ListStep } from '../shared/listing';
import { DAY_MS } from '../shared/times';
import type { ZoomRecordingList, ZoomSessionRecordings } from './zoom.api-types';
import { ZOOM_LIST_MAX_PAGE_SIZE, type ZoomClient } from './zoom.client';
import { mapZoomFile, ZOOM_SESSION_ID, zoomFiles } from './zoom.mapper';

/**
 * How far back a listing without `startedAfter` looks: Zoom lists only by date range (at
 * most a month per call) and documents the months it serves as "within the last six
 * months" (Video SDK reference; docs/vendors/zoom.md), so "everything" needs a bound. The
 * earliest `from` such a listing sends is the same day six months before today, never a
 * day earlier: the listing covers recordings from 00:00 UTC of the day after it (the one
 * day in front is SESSION_LEAD_DAYS). Older ones are reached with an explicit
 * `startedAfter`, sent as asked. Part of the API's documented behaviour.
 */
export const ZOOM_LIST_LOOKBACK_MONTHS = 6;

/**
 * Whether `from`/`to` select sessions by their `start_time` or files by `recording_start` is
 * not documented. A file starts after its session, so the session-start reading is the one
 * that could miss a file; every range therefore reaches one day further back than the
 * filter asks, catching a session that began the day before (sessions longer than a day are
 * assumed not to exist). The local filter drops what the extra day brings.
 */
const SESSION_LEAD_DAYS = 1;

/** Zoom's answer to an expired or unknown `next_page_token`: HTTP 400, code 300. */
const BAD_FIELD = 300;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, n: number): string => dayOf(dayStart(day) + n * DAY_MS);

/** The same day `months` earlier, clamped to the end of a shorter month (31 Mar -> 28 Feb). */
function monthsBefore(day: string, months: number): string {
  const d = new Date(dayStart(day));
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth() - months];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayOf(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
}

/**
 * Where the account listing resumes. `since` is the lower time bound fixed when the walk
 * began (so a cursor resumed days later stops where it would have); the walk goes through
 * month windows newest first, `to` naming the current one's last day. Inside a window,
 * `token` is the page (null: the first), `size` the page_size it was asked with, `done` how
 * many files the window's earlier pages held, and `skip` how many of this page's files (in
 * timeline order) were already handed out. `done + skip` is everything the window gave so
 * far, which is what a restart skips when the token has expired.
 */
interface WindowPosition {
  [key: string]: string | number | null;
  since: number;
  to: string;
  token: string | null;
  size: number;
  done: number;
  skip: number;
}

const count = z.number().int().nonnegative();
const WindowPositionSchema = z.strictObject({
  since: count,
  to: z.string().regex(DAY),
  token: z
    .string()
    .regex(/^[\x21-\x7e]{1,4096}$/)
    .nullable(),
  size: z.number().int().min(1).max(ZOOM_LIST_MAX_PAGE_SIZE),
  done: count,
  skip: count,
});
const SessionPositionSchema = z.strictObject({ skip: count });

export interface ZoomListingDeps {
  client: ZoomClient;
  now: () => number;
  /** The per-session call the loaders use (memoized per request), body keyed as asked. */
  fetchSession: (sessionId: string, ctx: CallContext) => Promise<ZoomSessionRecordings>;
}

/** Files of one vendor page; a session whose id could not round-trip is left out. */
function pageFiles(sessions: readonly ZoomSessionRecordings[]): RecordingData[] {
  return sessions.filter((s) => ZOOM_SESSION_ID.test(s.session_id)).flatMap((s) => zoomFiles(s).map((f) => mapZoomFile(f, s)));
}

const laterDay = (a: string, b: string): string => (a > b ? a : b);

const isExpiredToken = (error: unknown): boolean =>
  error instanceof ProviderError && error.httpStatus === 400 && Number(error.vendorCode) === BAD_FIELD;

/**
 * Zoom's listing (docs/vendors/zoom.md#listing-and-paging). With a session filter: the per-session call, shared
 * with the loaders through the request memo. Otherwise GET /videosdk/recordings over month
 * windows walked newest first.
 *
 * Order: the list's order is not documented. Sessions are assumed to come newest first
 * (the emulator does so); each page's files are sorted by compareTimeline. Files of a
 * session start with it, so page order and timeline order agree unless two sessions'
 * recordings overlap across a page boundary, which shifts an item by at most that overlap.
 *
 * A trashed file (`deleted_time`) is not in the normal list, as it is not in its session's
 * answer (getRecordings gives null for it): the listing shows what the vendor lists, as
 * getRecordings does.
 */
export function createZoomListing({
  client,
  now,
  fetchSession,
}: ZoomListingDeps): Pick<RecordingProvider, 'listRecordings' | 'parseListPosition'> {
  async function listSession(sessionId: string, query: ListQuery, ctx: CallContext): Promise<ListPage> {
    const from = readPosition('zoom', query.after, SessionPositionSchema);
    const skip = from?.skip ?? 0;
    let body: ZoomSessionRecordings;
    try {
      body = await fetchSession(sessionId, ctx);
    } catch (error) {
      // 404 code 3301, "There is no recording for this session": nothing to list.
      if (error instanceof ProviderError && error.code === ErrorCode.NOT_FOUND) return { items: [], next: null };
      throw error;
    }
    const files = zoomFiles(body).map((f) => mapZoomFile(f, body));
    return pageOfRecordings(files, { skip, filter: query.filter, at: (n) => ({ skip: n }), next: null });
  }

  /** The first position of a walk, or null when the filter's range is empty. */
  function startOf(filter: ListFilter): WindowPosition | null {
    const today = dayOf(now());
    // The default bound is one lead day after the look-back day, so the first range asked
    // for (which reaches SESSION_LEAD_DAYS earlier) starts on the look-back day itself.
    const lookback = dayStart(addDays(monthsBefore(today, ZOOM_LIST_LOOKBACK_MONTHS), SESSION_LEAD_DAYS));
    // Zoom has nothing from before 1970: a bound that early is the epoch (positions hold counts).
    const since = Math.max(0, filter.startedAfter?.getTime() ?? lookback);
    // Zoom's own default range ends tomorrow; nothing has started later than that.
    const lastDay = filter.startedBefore ? dayOf(Math.min(filter.startedBefore.getTime() - 1, now() + DAY_MS)) : addDays(today, 1);
    if (filter.startedBefore && filter.startedBefore.getTime() <= since) return null;
    // A lower bound after the last day (startedAfter days ahead): nothing can match, and
    // its range would start after it ends, which Zoom refuses. An empty part, no call.
    if (since >= dayStart(lastDay) + DAY_MS) return null;
    return { since, to: lastDay, token: null, size: 1, done: 0, skip: 0 };
  }

  async function listRecordings(query: ListQuery, ctx: CallContext): Promise<ListPage> {
    // An empty status list matches nothing.
    if (query.filter.statuses?.length === 0) return { items: [], next: null };
    if (query.filter.sessionKey) return listSession(query.filter.sessionKey[0], query, ctx);
    const from = readPosition('zoom', query.after, WindowPositionSchema);
    const start: WindowPosition | null = from ?? startOf(query.filter);
    if (!start) return { items: [], next: null };
    const filter: ListFilter = { ...query.filter, startedAfter: new Date(start.since) };
    const floor = addDays(dayOf(start.since), -SESSION_LEAD_DAYS);
    const wantedSize = pageSizeFor(query.limit, ZOOM_LIST_MAX_PAGE_SIZE);

    const step = async (pos: WindowPosition): Promise<ListStep<WindowPosition>> => {
      const from = laterDay(floor, addDays(monthsBefore(pos.to, 1), 1));
      // A fresh window takes a page size from this call's limit; a page being resumed keeps
      // the size its token (or its restart) was made with, so it holds the same files.
      const size = pos.token === null && pos.skip === 0 ? wantedSize : pos.size;
      let page: ZoomRecordingList;
      try {
        page = await client.listRecordings(
          { from, to: pos.to, page_size: size, ...(pos.token ? { next_page_token: pos.token } : {}) },
          ctx,
        );
      } catch (error) {
        // The token lives 15 minutes: restart the window from its first page, skipping all
        // it handed out (the next call, within this listRecordings if the budget allows).
        if (pos.token && isExpiredToken(error)) return { items: [], next: { ...pos, token: null, done: 0, skip: pos.done + pos.skip } };
        throw error;
      }
      // `sessions` is optional in the list body (rivet videosdk.d.ts): absent is none.
      const files = pageFiles(page.sessions ?? []);
      const here = { ...pos, size };
      const older = from > floor ? { since: pos.since, to: addDays(from, -1), token: null, size: 1, done: 0, skip: 0 } : null;
      const next = page.next_page_token
        ? { ...here, token: page.next_page_token, done: pos.done + files.length, skip: Math.max(0, pos.skip - files.length) }
        : older;
      return pageOfRecordings(files, { skip: pos.skip, filter, at: (n) => ({ ...here, skip: n }), next });
    };

    return walkSteps(start, step);
  }

  return {
    listRecordings,
    // A session's listing and the account's walk resume from different shapes.
    parseListPosition: (position, filter) =>
      parsePosition('zoom', position, filter.sessionKey ? SessionPositionSchema : WindowPositionSchema),
  };
}
