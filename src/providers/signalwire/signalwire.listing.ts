import { z } from 'zod';
import type { CallContext } from '../../domain/call-context';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider-error';
import type { ListFilter, ListPage, ListQuery, RecordingProvider } from '../recording-provider';
import { pageOfRecordings, pageSizeFor, parsePosition, readPosition, START_LAG_ALLOWANCE_MS } from '../shared/listing';
import { DAY_MS, toRfc2822, utcDayCeil, utcDayFloor } from '../shared/times';
import { SIGNALWIRE_PAGE_SIZE, type SignalWireClient, type SignalWireListParams } from './signalwire.client';
import { mapSignalWireRecording } from './signalwire.mapper';

/**
 * The timeline filter pushed down to GET /Accounts/{AccountSid}/Recordings
 * (recordings/main.tsp): the session as `CallSid` or `ConferenceSid`, the dates as
 * `DateCreated>`/`DateCreated<` in RFC 2822, and a page size within 1..1000.
 *
 * SignalWire filters on `date_created`, our timeline runs on `start_time`, and a recording
 * is created before it starts. Its docs say neither whether the bounds are strict nor
 * whether the time of day counts (the conference list takes bare dates), so each bound is
 * widened until it is safe under every reading, and the local filter does the exact check:
 * - upper: started < before implies created < before; the bound goes to the first UTC
 *   midnight at or after `before`, which keeps every such recording whether SignalWire
 *   compares times or dates, strictly or not.
 * - lower: a recording started at or after `startedAfter` may have been created just
 *   before it, so the bound first goes back START_LAG_ALLOWANCE_MS (a day), then to the
 *   UTC midnight before that, then one more day: a date-only strict `>` admits only the
 *   days after its date.
 * The cost is at most about three days of extra recordings, dropped locally.
 */
export function signalWireListParams(filter: ListFilter, limit: number): SignalWireListParams {
  const [kind, sid] = filter.sessionKey ?? [];
  const after = filter.startedAfter?.getTime();
  const before = filter.startedBefore?.getTime();
  return {
    CallSid: kind === 'call' ? sid : undefined,
    ConferenceSid: kind === 'conference' ? sid : undefined,
    'DateCreated>': after === undefined ? undefined : toRfc2822(utcDayFloor(after - START_LAG_ALLOWANCE_MS) - DAY_MS),
    'DateCreated<': before === undefined ? undefined : toRfc2822(utcDayCeil(before)),
    PageSize: pageSizeFor(limit, SIGNALWIRE_PAGE_SIZE),
  };
}

/** Our filter behind each date bound we send (signalWireListParams). */
const DATE_BOUNDS = [
  ['DateCreated>', 'startedAfter'],
  ['DateCreated<', 'startedBefore'],
] as const;

/**
 * A refusal (HTTP 400 or 422) of a list page that carried a date bound, as a coded error
 * naming the bound: the bounds are ours (RFC 2822, as the current Compatibility API
 * reference documents them; docs/vendors/signalwire.md), never the caller's text, so a
 * space that wants another format (older pages show `YYYY-MM-DD`) is a SignalWire
 * limitation, not bad input. Any other error, or a page without a date bound, is
 * returned as it was.
 */
export function dateFilterRefusal(pageUri: string, error: unknown): unknown {
  if (!(error instanceof ProviderError) || (error.httpStatus !== 400 && error.httpStatus !== 422)) return error;
  const q = pageUri.indexOf('?');
  const query = new URLSearchParams(q === -1 ? '' : pageUri.slice(q + 1));
  const sent = DATE_BOUNDS.filter(([param]) => query.has(param));
  if (sent.length === 0) return error;
  const names = sent.map(([param, ours]) => `\`${param}\` (from ${ours})`).join(' and ');
  return new ProviderError(
    'signalwire',
    ErrorCode.UNSUPPORTED_BY_PROVIDER,
    `SignalWire refused the recordings list filtered by ${names}, sent in RFC 2822 as its Compatibility API reference documents (HTTP ${error.httpStatus}); list SignalWire recordings without a date bound, or by session.`,
    { httpStatus: error.httpStatus, vendorCode: error.vendorCode, cause: error },
  );
}

/** SignalWire's part of the timeline (`Query.recordings`), over the account's recordings list on the space `spaceUrl`. */
export function createSignalWireListing({
  client,
  spaceUrl,
}: {
  client: SignalWireClient;
  spaceUrl: string;
}): Pick<RecordingProvider, 'listRecordings' | 'parseListPosition'> {
  /** A listing position: the URI of a page (ours, on the space) and how much of it was consumed. */
  const PositionSchema = z.strictObject({
    page: z
      .string()
      .max(8_192)
      .refine((uri) => client.isOwnPageUri(uri)),
    taken: z.number().int().min(0).max(SIGNALWIRE_PAGE_SIZE),
  });

  /**
   * One step of the timeline: one page of the account list, by the page URI of the
   * position (a re-fetch of the page an item came from; PageTokens make SignalWire's page
   * URIs stable) or the first page of the filter. SignalWire documents its order as
   * creation date, newest first (core/paging.mdx), which is our timeline's order as long as
   * recordings start in the order they were created (they start when created in every
   * example); each page is sorted exactly. Statuses are checked locally only.
   */
  async function listTimeline({ filter, limit, after }: ListQuery, ctx: CallContext): Promise<ListPage> {
    const from = readPosition('signalwire', after, PositionSchema);
    const uri = from?.page ?? client.recordingsPageUri(signalWireListParams(filter, limit));
    // getPage has checked next_page_uri: no position ever holds another host's URI or loops on one page.
    const page = await client.getPage(uri, ctx).catch((error: unknown) => {
      throw dateFilterRefusal(uri, error);
    });
    const nextUri = page.next_page_uri;
    return pageOfRecordings(
      page.recordings.map((r) => mapSignalWireRecording(r, spaceUrl)),
      { skip: from?.taken ?? 0, filter, at: (taken) => ({ page: uri, taken }), next: nextUri ? { page: nextUri, taken: 0 } : null },
    );
  }

  return {
    listRecordings: listTimeline,
    parseListPosition: (position) => parsePosition('signalwire', position, PositionSchema),
  };
}
