import type { ZoomConfig } from '../../config/config.types';
import { VendorHttp } from '../../http/vendor-http';
import type { CallContext } from '../recording-provider';
import { parseWire } from '../shared/wire';
import { ZoomSessionRecordingsSchema, type ZoomSessionRecordings } from './zoom.api-types';
import { toZoomError } from './zoom.errors';
import { createZoomTokenSource } from './zoom.jwt';

/**
 * A session id as a path segment. Zoom documents that an id starting with `/` or containing
 * `//` must be double-encoded (Video SDK reference, `sessionId` path parameter); everything
 * else is encoded once. Only this one segment is double-encoded: Zoom's own SDK encodes the
 * whole path twice and gets 404 code 2300 (zoom/rivet-javascript issue #12).
 */
export function zoomSessionSegment(sessionId: string): string {
  const once = encodeURIComponent(sessionId);
  return sessionId.startsWith('/') || sessionId.includes('//') ? encodeURIComponent(once) : once;
}

export class ZoomClient {
  private readonly http: VendorHttp;

  constructor(config: ZoomConfig, now: () => number) {
    const token = createZoomTokenSource(config.apiKey, config.apiSecret, now);
    this.http = new VendorHttp({
      provider: 'zoom',
      baseUrl: config.baseUrl,
      headers: () => ({ authorization: `Bearer ${token()}` }),
      toError: toZoomError,
      timeouts: config.timeouts,
      maxConcurrency: config.maxConcurrency,
      resilience: config.resilience,
    });
  }

  /**
   * GET /videosdk/sessions/{sessionId}/recordings — every file of one session; with a ttl,
   * also a `download_access_token` valid for ttl seconds (0..604800) for all of them.
   * https://developers.zoom.us/docs/api/video-sdk/#tag/cloud-recording
   */
  async getSessionRecordings(sessionId: string, ttl: number | undefined, ctx: CallContext): Promise<ZoomSessionRecordings> {
    const query = ttl === undefined ? undefined : { include_fields: 'download_access_token', ttl };
    const body = await this.http.getJson(`/videosdk/sessions/${zoomSessionSegment(sessionId)}/recordings`, query, ctx);
    return parseWire('zoom', ZoomSessionRecordingsSchema, body, 'session recordings');
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
