import { SIGNALWIRE_API_PATH, type SignalWireConfig } from './signalwire.config';
import { buildQuery, encodePath } from '../../http/encode-path';
import type { CircuitStateName } from '../../http/resilience';
import type { VendorHttp } from '../../http/vendor-http';
import { vendorHttpFor } from '../shared/vendor-http-for';
import type { RateStore } from '../../http/rate-store';
import { badResponse } from '../../errors/provider-error';
import type { CallContext } from '../../domain/call-context';
import type { VendorPage } from '../shared/collect-pages';
import { parseWire } from '../shared/wire';
import {
  SignalWireRecordingListSchema,
  SignalWireRecordingSchema,
  type SignalWireRecording,
  type SignalWireRecordingList,
} from './signalwire.api-types';
import { toSignalWireError } from './signalwire.errors';

/** The documented PageSize maximum (recordings/main.tsp: default 50, maximum 1000). */
export const SIGNALWIRE_PAGE_SIZE = 1000;

/**
 * Filters and paging of GET /Accounts/{AccountSid}/Recordings (recordings/main.tsp): the
 * date bounds are RFC 2822 strings.
 */
export type SignalWireListParams = {
  CallSid?: string;
  ConferenceSid?: string;
  'DateCreated<'?: string;
  'DateCreated>'?: string;
  PageSize?: number;
};

/** Where page URIs (paths from the space root) are resolved for checking; never requested. */
const PAGE_URI_BASE = 'http://space.invalid';

/** The characters of SignalWire's own API paths (letters, digits, `-`, `_`, `.`, `/`). */
const OWN_PATH = /^[A-Za-z0-9._/-]+$/;

/** One method per Compatibility API endpoint; bodies are checked against signalwire.api-types.ts. */
export class SignalWireClient {
  private readonly http: VendorHttp;
  private readonly account: string;
  private readonly apiPath: string;

  constructor(config: SignalWireConfig, rateStore?: RateStore) {
    // AccountSid in paths is the Project ID (core/overview.mdx).
    this.account = encodePath`/Accounts/${config.projectId}`;
    this.apiPath = new URL(config.baseUrl).pathname.replace(/\/+$/, '') || SIGNALWIRE_API_PATH;
    const basic = Buffer.from(`${config.projectId}:${config.apiToken}`).toString('base64');
    this.http = vendorHttpFor(
      'signalwire',
      config,
      {
        // HTTP Basic project_id:api_token (specs/_shared/auth.tsp).
        headers: () => ({ authorization: `Basic ${basic}` }),
        toError: toSignalWireError,
      },
      rateStore,
    );
  }

  /** GET /Accounts/{AccountSid}/Recordings/{Sid}.json — specs/compatibility-api/recordings/main.tsp */
  async getRecording(sid: string, ctx: CallContext): Promise<SignalWireRecording> {
    const body = await this.http.getJson(`${this.account}${encodePath`/Recordings/${sid}`}.json`, undefined, ctx, '/Recordings/{Sid}.json');
    return parseWire('signalwire', SignalWireRecordingSchema, body, 'recording');
  }

  /**
   * GET /Accounts/{AccountSid}/Recordings with these filters (PageSize: the most, unless
   * given): the first page, by the one way a first page is built (recordingsPageUri).
   */
  listRecordings(params: SignalWireListParams, ctx: CallContext): Promise<SignalWireRecordingList> {
    return this.getPage(this.recordingsPageUri({ ...params, PageSize: params.PageSize ?? SIGNALWIRE_PAGE_SIZE }), ctx);
  }

  /**
   * The path (from the space root) of the first page of the account list, as SignalWire's
   * own page URIs are written: what a listing position keeps, so that it resumes
   * by the same means as from a `next_page_uri`. No `.json`: the current reference routes
   * the list as `/Accounts/{AccountSid}/Recordings` and its page URIs (`uri`,
   * `first_page_uri`, `next_page_uri`) carry no extension either (recordings/main.tsp,
   * models/responses.tsp); `/Recordings.json` appears only in Twilio-style examples and
   * in call and conference sub-resource URIs (docs/vendors/signalwire.md, "List path").
   */
  recordingsPageUri(params: SignalWireListParams): string {
    return `${this.apiPath}${this.account}/Recordings${buildQuery(params)}`;
  }

  /**
   * Whether a page URI is a path under our own account on the configured space: the only
   * page URIs ever requested. Checked where a URI comes in: a `next_page_uri` in getPage, a
   * listing position in its schema. The URI is read by the WHATWG URL parser, as an HTTP
   * client or proxy on the way would read it, and must be its own normal form (no dot
   * segment, no `\`, which the parser reads as `/`, no fragment); then its path, decoded,
   * must start with the account's prefix and hold only the characters SignalWire's own
   * paths use, so no `..%2F`, `..;/` or other spelling a server could resolve elsewhere.
   */
  isOwnPageUri(uri: string): boolean {
    if (!uri.startsWith('/') || uri.startsWith('//') || uri.includes('#') || uri.includes('\\')) return false;
    let url: URL;
    try {
      url = new URL(uri, PAGE_URI_BASE);
    } catch {
      return false;
    }
    const q = uri.indexOf('?');
    const rawPath = q === -1 ? uri : uri.slice(0, q);
    if (url.origin !== PAGE_URI_BASE || url.pathname !== rawPath) return false;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    return (
      path.startsWith(`${this.apiPath}${this.account}/`) &&
      OWN_PATH.test(path) &&
      !path.split('/').some((segment) => segment === '.' || segment === '..')
    );
  }

  /**
   * A page by its URI, a path from the space root requested on the configured space: a
   * first page from recordingsPageUri, a `next_page_uri` SignalWire gave (core/paging.mdx:
   * always follow it rather than building page URLs), or one of those kept in a listing
   * position (whose schema checks isOwnPageUri). The page's own `next_page_uri` is checked
   * here, before anyone can follow it or keep it in a position: one outside our API path,
   * or naming this same page (a loop), is a bad response.
   */
  async getPage(pageUri: string, ctx: CallContext): Promise<SignalWireRecordingList> {
    // Every caller has checked the URI already; checked again because it is the one place a
    // URI from outside becomes a request. Failing here is a bug, so no request and no URI
    // in the message.
    if (!this.isOwnPageUri(pageUri)) throw new Error('SignalWire page URI outside the API path: not requested');
    const rest = pageUri.slice(this.apiPath.length);
    const q = rest.indexOf('?');
    const path = q === -1 ? rest : rest.slice(0, q);
    const query = Object.fromEntries(new URLSearchParams(q === -1 ? '' : rest.slice(q + 1)));
    const body = await this.http.getJson(path, query, ctx, '/Recordings');
    const page = parseWire('signalwire', SignalWireRecordingListSchema, body, 'recording list');
    const next = page.next_page_uri;
    if (next && (!this.isOwnPageUri(next) || next === pageUri))
      throw badResponse('signalwire', 'next_page_uri outside the API or repeating the page');
    return page;
  }

  /**
   * Every page of the account list for these filters: the first page, then each
   * `next_page_uri` (core/paging.mdx: follow it rather than building page URLs), checked by
   * getPage; the page without one is the last. Requests a page only when the one before has
   * been read; unbounded by itself: read through collectPages (src/providers/shared/collect-pages.ts), which bounds it.
   */
  async *recordingPages(params: SignalWireListParams, ctx: CallContext): AsyncGenerator<VendorPage<SignalWireRecording>> {
    let page = await this.listRecordings(params, ctx);
    for (;;) {
      const next = page.next_page_uri || null;
      yield { items: page.recordings, next };
      if (next === null) return;
      page = await this.getPage(next, ctx);
    }
  }

  /** The vendor's circuit breaker, for /readyz and /metrics. */
  circuitState(): CircuitStateName {
    return this.http.circuitState();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
