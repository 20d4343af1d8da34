import type { RecordingStatus } from '../../domain/model';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider-error';
import type { ListFilter, ListPage, ListQuery, RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { z } from 'zod';
import { pageSizeFor, parsePosition, readPosition, walkSteps, type ListStep } from '../shared/listing';
import { matchesFilter } from '../../timeline/filter';
import type { CloudflareSession } from './cloudflare.api-types';
import { CLOUDFLARE_PER_PAGE, type CloudflareClient, type CloudflareListParams } from './cloudflare.client';
import { mapCloudflareRecording } from './cloudflare.mapper';

/**
 * Our statuses the list's `status` filter can express: the filter accepts only INVOKED,
 * RECORDING, UPLOADING and UPLOADED (RecordingGetRecordingsParams), and each of these is the
 * only vendor status that maps to ours (cloudflare.mapper.ts). A filter naming any other
 * status (PAUSED, FAILED, UNKNOWN, …) is checked locally only.
 */
const PUSHABLE_STATUS: Partial<Record<RecordingStatus, string>> = {
  PENDING: 'INVOKED',
  RECORDING: 'RECORDING',
  PROCESSING: 'UPLOADING',
  READY: 'UPLOADED',
};

/**
 * `start_time`/`end_time` do not say which time they bound; they are read as bounds on
 * `invoked_time`, the field the list sorts by. The timeline uses `started_time ?? invoked_time`,
 * and a recording starts after it is invoked, once a worker is free (monitor-status.mdx):
 * `end_time` can be pushed as is, `start_time` is pushed this much earlier so a recording
 * invoked just before the bound but started after it is still listed (assumed: no recording
 * waits an hour for a worker). The local filter drops what the margin brings.
 */
const INVOKE_TO_START_MARGIN_MS = 3_600_000;

/** RealtimeKit meeting ids: UUIDs for v2 meetings, room names like `abcdef-ghijkl` for v1. */
const MEETING_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * An absolute offset into the vendor's ordered list for this query (items before it were
 * handed out), and with a session filter the session's meeting, looked up once.
 */
interface CloudflarePosition {
  [key: string]: number | string | null;
  offset: number;
  meeting: string | null;
}

const PositionSchema = z.strictObject({ offset: z.number().int().nonnegative(), meeting: z.string().regex(MEETING_ID).nullable() });

/**
 * A per_page near the wanted size whose page starts exactly at `offset`, so a resumed
 * listing asks for no item it would skip; otherwise the wanted size, skipping into the page.
 */
function perPageFor(offset: number, wanted: number): number {
  for (let size = wanted; size <= CLOUDFLARE_PER_PAGE; size++) if (offset % size === 0) return size;
  return wanted;
}

/** The list's pushed-down query: `status` when all asked statuses can be expressed, time bounds. */
function pushdown(filter: ListFilter): Omit<CloudflareListParams, 'page_no' | 'per_page'> {
  const statuses = filter.statuses?.map((s) => PUSHABLE_STATUS[s]);
  return {
    // Newest first. The vendor sorts by invoked_time, the timeline by started_time ??
    // invoked_time; started_time is invoked_time plus the seconds a worker takes to start,
    // so the two orders differ only for recordings invoked within those seconds of each
    // other, which then come that many seconds out of timeline order. Positions are offsets
    // into the vendor's order, so nothing is lost or repeated either way.
    sort_by: 'invokedTime',
    sort_order: 'DESC',
    ...(statuses?.length && statuses.every((s) => s !== undefined) ? { status: statuses as string[] } : {}),
    ...(filter.startedAfter ? { start_time: new Date(filter.startedAfter.getTime() - INVOKE_TO_START_MARGIN_MS).toISOString() } : {}),
    ...(filter.startedBefore ? { end_time: filter.startedBefore.toISOString() } : {}),
  };
}

export interface CloudflareListingDeps {
  client: CloudflareClient;
  /** Session details, memoized per request with the loaders' key. */
  sessionDetails: (sessionId: string, ctx: CallContext) => Promise<CloudflareSession>;
}

/**
 * Cloudflare's listing (docs/vendors/cloudflare.md#listing-and-paging): GET …/recordings, newest first, page_no/per_page
 * computed from the position's offset, with status, start_time/end_time and (for a session
 * filter) meeting_id pushed down; everything is checked locally too. No session filter
 * exists: the session's details give its meeting, whose list is kept to the session.
 */
export function createCloudflareListing({
  client,
  sessionDetails,
}: CloudflareListingDeps): Pick<RecordingProvider, 'listRecordings' | 'parseListPosition'> {
  /** The session's meeting, or null when the session does not exist (nothing to list). */
  async function meetingOf(sessionId: string, ctx: CallContext): Promise<string | null> {
    try {
      return (await sessionDetails(sessionId, ctx)).associated_id;
    } catch (error) {
      if (error instanceof ProviderError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  async function listRecordings(query: ListQuery, ctx: CallContext): Promise<ListPage> {
    const { filter } = query;
    const from = readPosition('cloudflare', query.after, PositionSchema);
    let start: CloudflarePosition = from ?? { offset: 0, meeting: null };
    // An empty status list matches nothing.
    if (filter.statuses?.length === 0) return { items: [], next: null };
    let calls = 0;
    if (filter.sessionKey && start.meeting === null) {
      const meeting = await meetingOf(filter.sessionKey[0], ctx);
      if (meeting === null || !MEETING_ID.test(meeting)) return { items: [], next: null };
      start = { ...start, meeting };
      calls++;
    }
    const params = pushdown(filter);
    const wanted = pageSizeFor(query.limit, CLOUDFLARE_PER_PAGE);

    const step = async (pos: CloudflarePosition): Promise<ListStep<CloudflarePosition>> => {
      const perPage = perPageFor(pos.offset, wanted);
      const index = Math.floor(pos.offset / perPage);
      const first = index * perPage;
      const res = await client.listPage({ ...params, ...(pos.meeting ? { meeting_id: pos.meeting } : {}), per_page: perPage }, index, ctx);
      const items = res.data.flatMap((wire, i) => {
        if (first + i < pos.offset) return [];
        const recording = mapCloudflareRecording(wire);
        return matchesFilter(recording, filter) ? [{ recording, position: { offset: first + i + 1, meeting: pos.meeting } }] : [];
      });
      const end = first + res.data.length;
      // Done at total_count, not at a short page: a vendor that silently capped per_page
      // below ours would send short pages with more to come. An empty page ends it too.
      const next = res.data.length === 0 || end >= res.paging.total_count ? null : { offset: end, meeting: pos.meeting };
      return { items, next };
    };

    return walkSteps(start, step, 2 - calls);
  }

  return { listRecordings, parseListPosition: (position) => parsePosition('cloudflare', position, PositionSchema) };
}
