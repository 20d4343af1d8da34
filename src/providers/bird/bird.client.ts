import type { BirdConfig } from './bird.config';
import { encodePath } from '../../http/encode-path';
import type { CircuitStateName } from '../../http/resilience';
import type { RedirectResponse, VendorHttp } from '../../http/vendor-http';
import { vendorHttpFor } from '../shared/vendor-http-for';
import type { RateStore } from '../../http/rate-store';
import type { CallContext } from '../../domain/call-context';
import type { VendorPage } from '../shared/collect-pages';
import { parseWire } from '../shared/wire';
import { BirdRecordingListSchema, BirdRecordingSchema, type BirdRecording, type BirdRecordingList } from './bird.api-types';
import { toBirdError } from './bird.errors';

/**
 * The largest `limit` per list page: the list-recordings OpenAPI allows 1..99 (default 10).
 * https://docs.bird.com/api/voice-api/recordings-api/list-recordings
 */
export const BIRD_LIST_LIMIT = 99;

/**
 * Filters and paging of GET /workspaces/{workspaceId}/recordings (list-recordings OpenAPI);
 * `startAt`/`endAt` are date-times.
 */
export type BirdListParams = {
  sourceId?: string;
  channelId?: string;
  id?: string;
  startAt?: string;
  endAt?: string;
  limit?: number;
  pageToken?: string;
};

/** One method per Bird workspace Voice API endpoint; bodies are checked against bird.api-types.ts. */
export class BirdClient {
  private readonly http: VendorHttp;
  private readonly workspaceId: string;

  constructor(config: BirdConfig, rateStore?: RateStore) {
    this.workspaceId = config.workspaceId;
    this.http = vendorHttpFor(
      'bird',
      config,
      {
        // https://docs.bird.com/api/api-access/common-api-usage: `Authorization: AccessKey <key>`
        headers: () => ({ authorization: `AccessKey ${config.accessKey}` }),
        toError: toBirdError,
      },
      rateStore,
    );
  }

  /** GET /workspaces/{workspaceId}/recordings/{recordingId} — https://docs.bird.com/api/voice-api/recordings-api/get-a-recording */
  async getRecording(id: string, ctx: CallContext): Promise<BirdRecording> {
    const body = await this.http.getJson(
      encodePath`/workspaces/${this.workspaceId}/recordings/${id}`,
      undefined,
      ctx,
      '/workspaces/{workspaceId}/recordings/{recordingId}',
    );
    return parseWire('bird', BirdRecordingSchema, body, 'recording');
  }

  /** GET /workspaces/{workspaceId}/recordings — https://docs.bird.com/api/voice-api/recordings-api/list-recordings */
  async listRecordings(params: BirdListParams, ctx: CallContext): Promise<BirdRecordingList> {
    const body = await this.http.getJson(
      encodePath`/workspaces/${this.workspaceId}/recordings`,
      params,
      ctx,
      '/workspaces/{workspaceId}/recordings',
    );
    return parseWire('bird', BirdRecordingListSchema, body, 'recording list');
  }

  /**
   * Every page of the recordings list for these filters, BIRD_LIST_LIMIT at a time, each by
   * the `nextPageToken` of the one before; no token (or '') ends it. Requests a page only
   * when the one before has been read; unbounded by itself: read through collectPages (src/providers/shared/collect-pages.ts), which bounds it.
   */
  async *recordingPages(params: Omit<BirdListParams, 'limit' | 'pageToken'>, ctx: CallContext): AsyncGenerator<VendorPage<BirdRecording>> {
    let pageToken: string | undefined;
    for (;;) {
      const page = await this.listRecordings({ ...params, limit: BIRD_LIST_LIMIT, pageToken }, ctx);
      // Envelope inferred (see BirdRecordingListSchema): no token or '' is the last page.
      const next = page.nextPageToken || null;
      yield { items: page.results ?? [], next };
      if (next === null) return;
      pageToken = next;
    }
  }

  /**
   * GET /workspaces/{workspaceId}/recordings/{recordingId}.mp3, answered with 307 to a
   * presigned S3 URL — https://docs.bird.com/api/voice-api/recordings-api/get-a-recording.
   * The redirect is not followed: the caller wants the URL, and following it would send our
   * AccessKey header to S3.
   */
  getMediaRedirect(id: string, ctx: CallContext): Promise<RedirectResponse> {
    return this.http.getRedirect(
      encodePath`/workspaces/${this.workspaceId}/recordings/${id}.mp3`,
      undefined,
      ctx,
      '/workspaces/{workspaceId}/recordings/{recordingId}.mp3',
    );
  }

  /** The vendor's circuit breaker, for /readyz and /metrics. */
  circuitState(): CircuitStateName {
    return this.http.circuitState();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
