import type { DailyConfig } from './daily.config';
import { encodePath } from '../../http/encode-path';
import type { CircuitStateName } from '../../http/resilience';
import type { VendorHttp } from '../../http/vendor-http';
import { vendorHttpFor } from '../shared/vendor-http-for';
import type { RateStore } from '../../http/rate-store';
import type { CallContext } from '../../domain/call-context';
import type { VendorPage } from '../shared/collect-pages';
import { parseWire } from '../shared/wire';
import {
  DailyAccessLinkSchema,
  DailyRecordingListSchema,
  DailyRecordingSchema,
  type DailyAccessLink,
  type DailyRecording,
  type DailyRecordingList,
} from './daily.api-types';
import { toDailyError } from './daily.errors';

/**
 * The largest `limit` asked for per list page. Daily's recordings docs give no maximum
 * (docs/vendors/daily.md#assumptions-where-the-docs-are-silent); 100 is Daily's documented maximum on its other list
 * endpoints (rooms), so we assume it holds here too.
 */
export const DAILY_LIST_LIMIT = 100;

/** One method per Daily endpoint; bodies are checked against daily.api-types.ts. */
export class DailyClient {
  private readonly http: VendorHttp;

  constructor(config: DailyConfig, rateStore?: RateStore) {
    this.http = vendorHttpFor(
      'daily',
      config,
      {
        // https://docs.daily.co/docs/rest-api: `Authorization: Bearer <DAILY_API_KEY>`
        headers: () => ({ authorization: `Bearer ${config.apiKey}` }),
        toError: toDailyError,
      },
      rateStore,
    );
  }

  /** GET /recordings/{recording_id} — https://docs.daily.co/reference/rest-api/recordings/get-recording */
  async getRecording(id: string, ctx: CallContext): Promise<DailyRecording> {
    const body = await this.http.getJson(encodePath`/recordings/${id}`, undefined, ctx, '/recordings/{recording_id}');
    return parseWire('daily', DailyRecordingSchema, body, 'recording');
  }

  /** GET /recordings — https://docs.daily.co/reference/rest-api/recordings/list-recordings */
  async listRecordings(
    params: { room_name?: string; limit?: number; starting_after?: string; ending_before?: string },
    ctx: CallContext,
  ): Promise<DailyRecordingList> {
    const body = await this.http.getJson('/recordings', params, ctx, '/recordings');
    return parseWire('daily', DailyRecordingListSchema, body, 'recording list');
  }

  /**
   * Every page of GET /recordings for these filters, DAILY_LIST_LIMIT at a time, each after
   * the last id of the one before (`starting_after`); the first short page is the last.
   * Requests a page only when the one before has been read; unbounded by itself: read through collectPages (src/providers/shared/collect-pages.ts), which bounds it.
   */
  async *recordingPages(params: { room_name?: string }, ctx: CallContext): AsyncGenerator<VendorPage<DailyRecording>> {
    let after: string | undefined;
    for (;;) {
      const page = await this.listRecordings({ ...params, limit: DAILY_LIST_LIMIT, starting_after: after }, ctx);
      const last = page.data.at(-1);
      const next = page.data.length < DAILY_LIST_LIMIT || !last ? null : last.id;
      yield { items: page.data, next };
      if (next === null) return;
      after = next;
    }
  }

  /** GET /recordings/{id}/access-link — https://docs.daily.co/reference/rest-api/recordings/get-recording-link */
  async getAccessLink(id: string, validForSecs: number, ctx: CallContext): Promise<DailyAccessLink> {
    const body = await this.http.getJson(
      encodePath`/recordings/${id}/access-link`,
      { valid_for_secs: validForSecs },
      ctx,
      '/recordings/{id}/access-link',
    );
    return parseWire('daily', DailyAccessLinkSchema, body, 'access link');
  }

  /** The vendor's circuit breaker, for /readyz and /metrics. */
  circuitState(): CircuitStateName {
    return this.http.circuitState();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
