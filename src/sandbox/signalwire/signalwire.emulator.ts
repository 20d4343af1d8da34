import { decodeParam, startEmulator, type EmulatorRequest, type EmulatorResponse, type EmulatorSpec } from '../emulator';
import { sandboxCommon, type SandboxStartOptions, type VendorSandbox } from '../vendor-sandbox';
import { SIGNALWIRE_SANDBOX_PROJECT_ID, seedSignalWire, signalWireListOrder, type SignalWireDataset } from './signalwire.seed';
import { byIdIn } from '../list-order';
import { mediaFile, type MediaKind } from '../media-files';
import { serveMedia } from '../serve-media';
import type { SignalWireWireError, SignalWireWireRecordingList } from './signalwire.wire';

export { SIGNALWIRE_SANDBOX_PROJECT_ID };
export const SIGNALWIRE_SANDBOX_API_TOKEN = 'PTsandbox-signalwire-api-token';

/** PageSize default and maximum (recordings/main.tsp). */
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const MORE_INFO = 'https://developer.signalwire.com/compatibility-api/reference/error-codes';

const error = (status: number, code: number, message: string): EmulatorResponse => ({
  status,
  body: { code, message, more_info: MORE_INFO, status } satisfies SignalWireWireError,
});

/**
 * The date format the account list takes in `DateCreated`, `DateCreated<` and
 * `DateCreated>`: RFC 2822 per the current reference (recordings/main.tsp), or `day`
 * (`YYYY-MM-DD`) as older and Twilio-derived pages show, for a test of a space that
 * refuses RFC 2822.
 */
export interface SignalWireEmulatorOptions {
  accountListDates?: 'rfc2822' | 'day';
}

/** The Compatibility API's path in a space (docs/vendors/signalwire.md#base-url-and-authentication). */
const API_PATH = '/api/laml/2010-04-01';
const ACCOUNT = `${API_PATH}/Accounts/([^/]+)`;

const DATE_FILTERS = ['DateCreated', 'DateCreated<', 'DateCreated>'] as const;

/** RFC 2822 as the account list documents it: `Wed, 26 Sep 2018 00:00:00 +0000`. */
const RFC_2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
/** The conference list documents its date filters as YYYY-MM-DD (conferences/main.tsp). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date filters of a list request, in ms, or an error response for a value not in the
 * endpoint's documented format. `DateCreated<`/`>` compare the full time, strictly (the
 * docs say neither; the adapter widens its bounds to be safe under any reading).
 */
function dateFilters(
  q: URLSearchParams,
  format: RegExp,
  parse: (v: string) => number,
): Partial<Record<(typeof DATE_FILTERS)[number], number>> | EmulatorResponse {
  const out: Partial<Record<(typeof DATE_FILTERS)[number], number>> = {};
  for (const name of DATE_FILTERS) {
    const v = q.get(name);
    if (v === null) continue;
    const ms = parse(v);
    if (!format.test(v) || Number.isNaN(ms)) return error(400, 21_401, `${name} is not a valid date`);
    out[name] = ms;
  }
  return out;
}

function inDateRange(created: string | null | undefined, bounds: Partial<Record<(typeof DATE_FILTERS)[number], number>>): boolean {
  const at = Date.parse(created ?? '');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (bounds.DateCreated !== undefined && day(at) !== day(bounds.DateCreated)) return false;
  if (bounds['DateCreated<'] !== undefined && !(at < bounds['DateCreated<'])) return false;
  if (bounds['DateCreated>'] !== undefined && !(at > bounds['DateCreated>'])) return false;
  return true;
}

/**
 * SignalWire Compatibility API emulator (docs/vendors/signalwire.md): Basic auth project:token, the
 * recording `.json`, the account list with CallSid/ConferenceSid/DateCreated filters (RFC
 * 2822, 400 otherwise) and Page/PageSize/PageToken paging with `next_page_uri` (PageSize
 * 1..1000, default 50, 400 otherwise) over the list newest first (date_created, then sid), the conference list, and the public
 * media routes (no auth).
 */
export function signalWireEmulatorSpec(
  data: SignalWireDataset,
  projectId: string,
  apiToken: string,
  options: SignalWireEmulatorOptions = {},
): EmulatorSpec {
  const expected = `Basic ${Buffer.from(`${projectId}:${apiToken}`).toString('base64')}`;
  const byId = () => byIdIn(data.recordings, (r) => r.sid);

  const page = (req: EmulatorRequest, basePath: string, items: typeof data.recordings): EmulatorResponse => {
    const sizeRaw = req.query.get('PageSize');
    const size = sizeRaw === null ? DEFAULT_PAGE_SIZE : Number(sizeRaw);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) return error(400, 21_401, `PageSize must be 1..${MAX_PAGE_SIZE}`);
    const pageNo = Number(req.query.get('Page') ?? '0');
    if (!Number.isInteger(pageNo) || pageNo < 0) return error(400, 21_401, 'Page must be a whole number');
    const token = req.query.get('PageToken');
    // Pages after the first need the token the previous page handed out (core/paging.mdx).
    if (pageNo > 0 && (!token || !/^P[AB]/.test(token) || token !== `PA${pageNo * size}`))
      return error(400, 21_401, 'PageToken is required');
    const slice = items.slice(pageNo * size, (pageNo + 1) * size);
    const keep = new URLSearchParams();
    for (const key of ['CallSid', 'ConferenceSid', 'DateCreated', 'DateCreated<', 'DateCreated>']) {
      const v = req.query.get(key);
      if (v !== null) keep.set(key, v);
    }
    const uriFor = (n: number) => {
      const q = new URLSearchParams(keep);
      q.set('PageSize', String(size));
      q.set('Page', String(n));
      if (n > 0) q.set('PageToken', `PA${n * size}`);
      return `${basePath}?${q.toString()}`;
    };
    const hasNext = (pageNo + 1) * size < items.length;
    const body: SignalWireWireRecordingList = {
      uri: uriFor(pageNo),
      first_page_uri: uriFor(0),
      next_page_uri: hasNext ? uriFor(pageNo + 1) : null,
      previous_page_uri: pageNo > 0 ? uriFor(pageNo - 1) : null,
      page: pageNo,
      page_size: size,
      recordings: slice,
    };
    return { status: 200, body };
  };

  /**
   * The media URL: public (no auth, never expires: the sid is the secret), WAV as stored or
   * MP3 on request (recordings/main.tsp), with byte ranges; 404 for a sid it does not know.
   */
  const media =
    (kind: MediaKind) =>
    (req: EmulatorRequest, [account, rawSid]: string[]): EmulatorResponse => {
      const rec = byId().get(decodeParam(rawSid) ?? '');
      if (!rec || decodeParam(account) !== projectId || rec.status !== 'completed')
        return error(404, 20_404, 'The requested resource was not found');
      return serveMedia(req, mediaFile(kind));
    };

  return {
    vendor: 'signalwire',
    authorize(req) {
      if (req.headers.authorization !== expected) return error(401, 20_003, 'Authentication failed');
      const account = /^\/api\/laml\/2010-04-01\/Accounts\/([^/]+)/.exec(req.path)?.[1];
      if (decodeParam(account ?? '') !== projectId) return error(401, 20_003, 'Authentication failed');
      return null;
    },
    notFound: () => error(404, 20_404, 'The requested resource was not found'),
    rateLimited: () => ({ code: 20_429, message: 'Too Many Requests', more_info: MORE_INFO, status: 429 }),
    serverError: (status) => ({ code: 20_500, message: 'Internal Server Error', more_info: MORE_INFO, status }),
    routes: [
      {
        name: 'recordings.get',
        method: 'GET',
        pattern: new RegExp(`^${ACCOUNT}/Recordings/([^/.]+)\\.json$`),
        handle(_req, [, rawSid]) {
          const rec = byId().get(decodeParam(rawSid) ?? '');
          return rec ? { status: 200, body: rec } : error(404, 20_404, 'The requested resource was not found');
        },
      },
      {
        name: 'recordings.list',
        method: 'GET',
        // The reference's route has no extension, and so do its page URIs (recordings/main.tsp,
        // models/responses.tsp); `.json` as in Twilio-style examples is answered the same.
        pattern: new RegExp(`^${ACCOUNT}/Recordings(?:\\.json)?/?$`),
        handle(req) {
          const call = req.query.get('CallSid');
          const conf = req.query.get('ConferenceSid');
          const bounds =
            options.accountListDates === 'day'
              ? dateFilters(req.query, ISO_DAY, (v) => Date.parse(`${v}T00:00:00Z`))
              : dateFilters(req.query, RFC_2822, Date.parse);
          if ('status' in bounds) return bounds;
          const items = signalWireListOrder(data.recordings).filter(
            (r) => (!call || r.call_sid === call) && (!conf || r.conference_sid === conf) && inDateRange(r.date_created, bounds),
          );
          return page(req, `${API_PATH}/Accounts/${projectId}/Recordings`, items);
        },
      },
      {
        name: 'conferences.recordings.list',
        method: 'GET',
        pattern: new RegExp(`^${ACCOUNT}/Conferences/([^/]+)/Recordings/?$`),
        handle(req, [, rawConf]) {
          const conf = decodeParam(rawConf) ?? '';
          const bounds = dateFilters(req.query, ISO_DAY, (v) => Date.parse(`${v}T00:00:00Z`));
          if ('status' in bounds) return bounds;
          const items = signalWireListOrder(data.recordings).filter(
            (r) => r.conference_sid === conf && inDateRange(r.date_created, bounds),
          );
          return page(req, `${API_PATH}/Accounts/${projectId}/Conferences/${conf}/Recordings`, items);
        },
      },
      { name: 'media.wav', method: 'GET', pattern: new RegExp(`^${ACCOUNT}/Recordings/([^/.]+)(?:\\.wav)?$`), handle: media('wav') },
      { name: 'media.mp3', method: 'GET', pattern: new RegExp(`^${ACCOUNT}/Recordings/([^/.]+)\\.mp3$`), handle: media('mp3') },
    ],
  };
}

export async function startSignalWireSandbox(
  options: SandboxStartOptions = {},
  data: SignalWireDataset = seedSignalWire(options.seed, options),
  emulatorOptions: SignalWireEmulatorOptions = {},
): Promise<VendorSandbox<'spaceUrl' | 'projectId' | 'apiToken'> & { data: SignalWireDataset }> {
  const emulator = await startEmulator(
    signalWireEmulatorSpec(data, SIGNALWIRE_SANDBOX_PROJECT_ID, SIGNALWIRE_SANDBOX_API_TOKEN, emulatorOptions),
    options,
  );
  return {
    emulator,
    data,
    config: {
      ...sandboxCommon('signalwire', `${emulator.url}${API_PATH}`, options.vendorHttp),
      spaceUrl: emulator.url,
      projectId: SIGNALWIRE_SANDBOX_PROJECT_ID,
      apiToken: SIGNALWIRE_SANDBOX_API_TOKEN,
    },
  };
}
