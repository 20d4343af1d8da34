import type { CloudflareConfig } from '../../config/config.types';
import { badResponse } from '../../errors/provider-error';
import { encodePath } from '../../http/encode-path';
import type { CircuitStateName } from '../../http/resilience';
import { VendorHttp } from '../../http/vendor-http';
import type { RateStore } from '../../http/rate-store';
import type { CallContext } from '../recording-provider';
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

/**
 * The largest `per_page` asked for on list calls. The RealtimeKit docs give no maximum
 * (providers.md §5, open question 5). 100 is assumed: it covers the limits a listing asks
 * for in one call and keeps a page's body small; the emulator enforces it with a 400. A real
 * cap below it would show as a 400 too, or, if applied silently, as short pages (the
 * listing does not stop at one: it goes on until `paging.total_count`).
 */
export const CLOUDFLARE_PER_PAGE = 100;

/**
 * The first page: the docs' example asks `page_no=1` (the parameter's minimum is 0, what 0
 * means is not documented). Pages are assumed 1-based: page n holds the items at offsets
 * (n - 1) * per_page onwards, as the response's `paging.start_offset` reports.
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
  /** Only INVOKED, RECORDING, UPLOADING and UPLOADED are accepted. */
  'status[]'?: readonly string[];
}

/** One method per RealtimeKit endpoint; bodies are checked against cloudflare.api-types.ts. */
export class CloudflareClient {
  private readonly http: VendorHttp;
  private readonly app: string;

  constructor(config: CloudflareConfig, rateStore?: RateStore) {
    this.app = encodePath`/accounts/${config.accountId}/realtime/kit/${config.appId}`;
    this.http = new VendorHttp({
      provider: 'cloudflare',
      baseUrl: config.baseUrl,
      // developers.cloudflare.com/fundamentals/api/get-started/create-token: `Authorization: Bearer <API token>`
      headers: () => ({ authorization: `Bearer ${config.apiToken}` }),
      toError: toCloudflareError,
      timeouts: config.timeouts,
      maxConcurrency: config.maxConcurrency,
      resilience: config.resilience,
      rateLimits: config.rateLimits,
      rateStore,
    });
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

  /** GET …/sessions/{session_id} — https://developers.cloudflare.com/api/resources/realtime_kit/subresources/sessions/methods/get_session_details/ */
  async getSession(id: string, ctx: CallContext): Promise<CloudflareSession> {
    const body = await this.http.getJson(`${this.app}${encodePath`/sessions/${id}`}`, undefined, ctx, '/sessions/{session_id}');
    const parsed = parseWire('cloudflare', CloudflareSessionEnvelopeSchema, body, 'session');
    if (!parsed.success || !parsed.data?.session) throw badResponse('cloudflare', 'session without success and data');
    return parsed.data.session;
  }

  /** The vendor's circuit breaker, for /readyz and /metrics. */
  circuitState(): CircuitStateName {
    return this.http.circuitState();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
