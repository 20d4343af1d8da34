import type { CloudflareConfig } from './cloudflare.config';
import { badResponse } from '../../errors/provider-error';
import { encodePath } from '../../http/encode-path';
import type { CircuitStateName } from '../../http/resilience';
import type { VendorHttp } from '../../http/vendor-http';
import { vendorHttpFor } from '../shared/vendor-http-for';
import type { RateStore } from '../../http/rate-store';
import type { CallContext } from '../../domain/call-context';
import type { VendorPage } from '../shared/collect-pages';
import { parseWire } from '../shared/wire';
import {
  CloudflareRecordingEnvelopeSchema,
  CloudflareRecordingListSchema,
  CloudflareSessionEnvelopeSchema,
  type CloudflareRecording,
  type CloudflareRecordingList,
  type CloudflareSession,
} from './cloudflare.api-types';
import { toCloudflareError } from './cloudflare.errors';
import { sessionOfDetails } from './cloudflare.mapper';

/**
 * The largest `per_page` asked for on list calls. The RealtimeKit docs give no maximum
 * (docs/vendors/cloudflare.md#assumptions-where-the-docs-are-silent). 100 is assumed: it covers the limits a listing asks
 * for in one call and keeps a page's body small; the emulator enforces it with a 400. A real
 * cap below it would show as a 400 too, or, if applied silently, as short pages (the
 * listing does not stop at one: it goes on until `paging.total_count`).
 */
export const CLOUDFLARE_PER_PAGE = 100;

/**
 * The first page: the docs' example asks `page_no=1`; the SDK says only "the page number",
 * minimum 0 (docs/vendors/cloudflare.md, "Paging"). Pages are assumed 1-based: page n holds
 * the items at offsets (n - 1) * per_page onwards. listPage checks that against the
 * response's `paging.start_offset` and switches to 0-based numbering when the API shows it.
 */
export const CLOUDFLARE_FIRST_PAGE = 1;

/** The query of GET …/recordings (RecordingGetRecordingsParams in the SDK). */
export interface CloudflareListParams {
  meeting_id?: string;
  page_no: number;
  per_page: number;
  sort_by?: 'invokedTime';
  sort_order?: 'ASC' | 'DESC';
  /** ISO date-times; the emulator (and this adapter) read them as bounds on `invoked_time`. */
  start_time?: string;
  end_time?: string;
  /**
   * Only INVOKED, RECORDING, UPLOADING and UPLOADED are accepted. An array, sent as the key
   * repeated (`status=A&status=B`): the parameter is `status` (RecordingGetRecordingsParams),
   * not `status[]`.
   */
  status?: readonly string[];
}

/** A list query without its page number: listPage numbers the pages. */
export type CloudflarePageQuery = Omit<CloudflareListParams, 'page_no'>;

/** One method per RealtimeKit endpoint; bodies are checked against cloudflare.api-types.ts. */
export class CloudflareClient {
  private readonly http: VendorHttp;
  private readonly app: string;
  /** What `page_no` counts from: 1 until a response shows 0 (see listPage). */
  private firstPage = CLOUDFLARE_FIRST_PAGE;

  constructor(config: CloudflareConfig, rateStore?: RateStore) {
    this.app = encodePath`/accounts/${config.accountId}/realtime/kit/${config.appId}`;
    this.http = vendorHttpFor(
      'cloudflare',
      config,
      {
        // developers.cloudflare.com/fundamentals/api/get-started/create-token: `Authorization: Bearer <API token>`
        headers: () => ({ authorization: `Bearer ${config.apiToken}` }),
        toError: toCloudflareError,
      },
      rateStore,
    );
  }

  /**
   * GET …/recordings/{recording_id} — https://developers.cloudflare.com/api/resources/realtime_kit/subresources/recordings/methods/get_one_recording/
   * A 200 whose `success` is false or that has no `data` is not the documented shape.
   */
  async getRecording(id: string, ctx: CallContext): Promise<CloudflareRecording> {
    const body = await this.http.getJson(`${this.app}${encodePath`/recordings/${id}`}`, undefined, ctx, '/recordings/{recording_id}');
    const parsed = parseWire('cloudflare', CloudflareRecordingEnvelopeSchema, body, 'recording');
    if (!parsed.success || !parsed.data) throw badResponse('cloudflare', 'recording without success and data');
    return parsed.data;
  }

  /** GET …/recordings — https://developers.cloudflare.com/api/resources/realtime_kit/subresources/recordings/methods/get_recordings/ */
  async listRecordings(params: CloudflareListParams, ctx: CallContext): Promise<CloudflareRecordingList> {
    const body = await this.http.getJson(`${this.app}/recordings`, { ...params }, ctx, '/recordings');
    const parsed = parseWire('cloudflare', CloudflareRecordingListSchema, body, 'recording list');
    if (!parsed.success) throw badResponse('cloudflare', 'recording list without success');
    return parsed;
  }

  /**
   * Page `index` (0 for the first) of the list, whatever `page_no` counts from. Pages are
   * asked 1-based; a response whose `paging.start_offset` is a whole page past the offset
   * asked for shows a 0-based API (page 1 was the second page): the page is asked again as
   * `page_no=index`, and this client numbers from 0 from then on. Any other start_offset is
   * left alone (its own numbering is not documented either).
   */
  async listPage(query: CloudflarePageQuery, index: number, ctx: CallContext): Promise<CloudflareRecordingList> {
    const first = this.firstPage;
    const res = await this.listRecordings({ ...query, page_no: first + index }, ctx);
    const expected = index * query.per_page;
    if (first === 1 && res.data.length > 0 && res.paging.start_offset === expected + query.per_page) {
      this.firstPage = 0;
      return this.listRecordings({ ...query, page_no: index }, ctx);
    }
    return res;
  }

  /**
   * Every page of the list for this query, numbered by listPage; the last is a short page or
   * the one reaching `paging.total_count`. Requests a page only when the one before has been
   * read; unbounded by itself: read through collectPages (src/providers/shared/collect-pages.ts), which bounds it.
   */
  async *recordingPages(query: CloudflarePageQuery, ctx: CallContext): AsyncGenerator<VendorPage<CloudflareRecording>> {
    let read = 0;
    for (let index = 0; ; index++) {
      const res = await this.listPage(query, index, ctx);
      read += res.data.length;
      const last = res.data.length < query.per_page || read >= res.paging.total_count;
      yield { items: res.data, next: last ? null : String(index + 1) };
      if (last) return;
    }
  }

  /**
   * GET …/sessions/{session_id} — https://developers.cloudflare.com/api/resources/realtime_kit/subresources/sessions/methods/get_session_details/
   * The session is `data.session` in the SDK's type and `data` itself on other reference
   * pages: both are read (CloudflareSessionEnvelopeSchema).
   */
  async getSession(id: string, ctx: CallContext): Promise<CloudflareSession> {
    const body = await this.http.getJson(`${this.app}${encodePath`/sessions/${id}`}`, undefined, ctx, '/sessions/{session_id}');
    const parsed = parseWire('cloudflare', CloudflareSessionEnvelopeSchema, body, 'session');
    const session = sessionOfDetails(parsed.data);
    if (!parsed.success || !session) throw badResponse('cloudflare', 'session without success and data');
    return session;
  }

  /** The vendor's circuit breaker, for /readyz and /metrics. */
  circuitState(): CircuitStateName {
    return this.http.circuitState();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
