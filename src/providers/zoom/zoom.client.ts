import type { ZoomConfig } from './zoom.config';
import type { CircuitStateName } from '../../http/resilience';
import type { VendorHttp } from '../../http/vendor-http';
import { vendorHttpFor } from '../shared/vendor-http-for';
import type { RateStore } from '../../http/rate-store';
import type { CallContext } from '../../domain/call-context';
import { parseWire } from '../shared/wire';
import { ZoomRecordingListSchema, ZoomSessionRecordingsSchema, type ZoomRecordingList, type ZoomSessionRecordings } from './zoom.api-types';
import { toZoomError } from './zoom.errors';

/** `ttl` bounds of `include_fields=download_access_token`, in seconds (0..7 days; docs/vendors/zoom.md#access-links). */
export const ZOOM_MAX_TTL_SECS = 604_800;

/**
 * The largest `page_size` asked of GET /videosdk/recordings. The Video SDK reference gives
 * the default (30) but no maximum (docs/vendors/zoom.md#assumptions-where-the-docs-are-silent); Zoom's Meetings API
 * documents 300 for its own recording list (`page_size`: "The default is 30, and the
 * maximum is 300"), and we assume the Video SDK list shares it. The emulator enforces it.
 */
export const ZOOM_LIST_MAX_PAGE_SIZE = 300;

/** The query of GET /videosdk/recordings: a `yyyy-mm-dd` UTC range of at most one month. */
export interface ZoomListParams {
  from: string;
  to: string;
  page_size: number;
  next_page_token?: string;
}

/**
 * A session id as a path segment, built by hand rather than with encodePath because Zoom
 * wants one exception: an id that starts with `/` or contains `//` must be double-encoded
 * (Video SDK reference, `sessionId` path parameter: `%252F…`); every other id is encoded
 * once. Only this one segment is double-encoded: Zoom's own SDK encodes the whole path
 * twice and gets 404 code 2300 on every call (zoom/rivet-javascript issue #12).
 */
export function zoomSessionSegment(sessionId: string): string {
  const once = encodeURIComponent(sessionId);
  return sessionId.startsWith('/') || sessionId.includes('//') ? encodeURIComponent(once) : once;
}

/** One method per Zoom endpoint the adapter uses; bodies are checked against zoom.api-types.ts. */
export class ZoomClient {
  private readonly http: VendorHttp;

  /** `token` returns the current Video SDK API JWT (zoom.jwt.ts). */
  constructor(config: ZoomConfig, token: () => string, rateStore?: RateStore) {
    this.http = vendorHttpFor(
      'zoom',
      config,
      {
        // developers.zoom.us/docs/build/api-request/: `Authorization: Bearer <Video SDK API JWT>`
        headers: () => ({ authorization: `Bearer ${token()}` }),
        toError: toZoomError,
      },
      rateStore,
    );
  }

  /**
   * GET /videosdk/sessions/{sessionId}/recordings — every file of one session; with a ttl,
   * also a `download_access_token` valid for ttl seconds (0..604800) for all of them.
   * https://developers.zoom.us/docs/api/video-sdk/#tag/cloud-recording/GET/videosdk/sessions/{sessionId}/recordings
   */
  async getSessionRecordings(sessionId: string, ttl: number | undefined, ctx: CallContext): Promise<ZoomSessionRecordings> {
    const query = ttl === undefined ? undefined : { include_fields: 'download_access_token', ttl };
    const body = await this.http.getJson(
      `/videosdk/sessions/${zoomSessionSegment(sessionId)}/recordings`,
      query,
      ctx,
      '/videosdk/sessions/{sessionId}/recordings',
    );
    return parseWire('zoom', ZoomSessionRecordingsSchema, body, 'session recordings');
  }

  /**
   * GET /videosdk/recordings — the account's sessions that have recordings, in a date range
   * of at most one month, `next_page_token` paging (the token expires after 15 minutes).
   * https://developers.zoom.us/docs/api/video-sdk/#tag/cloud-recording/GET/videosdk/recordings
   */
  async listRecordings(params: ZoomListParams, ctx: CallContext): Promise<ZoomRecordingList> {
    const body = await this.http.getJson('/videosdk/recordings', { ...params }, ctx, '/videosdk/recordings');
    return parseWire('zoom', ZoomRecordingListSchema, body, 'recording list');
  }

  /** The vendor's circuit breaker, for /readyz and /metrics. */
  circuitState(): CircuitStateName {
    return this.http.circuitState();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
