import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeParam, originOf, startEmulator, type EmulatorResponse, type EmulatorSpec } from '../emulator';
import { newestFirst } from '../list-order';
import { mediaFile, type MediaKind } from '../media-files';
import { serveMedia } from '../serve-media';
import { bearerToken, sandboxCommon, type SandboxStartOptions, type VendorSandbox } from '../vendor-sandbox';
import { seedZoom, type ZoomDataset } from './zoom.seed';
import type { ZoomWireError, ZoomWireRecordingFile, ZoomWireRecordingList, ZoomWireSession } from './zoom.wire';

export const ZOOM_SANDBOX_API_KEY = 'sandbox-zoom-api-key';
export const ZOOM_SANDBOX_API_SECRET = 'sandbox-zoom-api-secret';

/** `ttl` of `include_fields=download_access_token`: 0..604800 s, 7 days (docs/vendors/zoom.md#access-links). */
const MAX_TTL = 604_800;
/** `ttl` when none is sent: not documented; the emulator assumes one hour. */
const DEFAULT_TTL = 3_600;
/**
 * `page_size` default 30 (Zoom's example and default); the maximum is not documented for the
 * Video SDK: 300, as Zoom's Meetings API documents for its recording list (zoom.client.ts).
 */
const DEFAULT_PAGE_SIZE = 30;
const MAX_PAGE_SIZE = 300;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const error = (status: number, code: number, message: string): EmulatorResponse => ({
  status,
  body: { code, message } satisfies ZoomWireError,
});
/** What Zoom answers for a path it does not route (rivet issue #12). */
const NOT_RECOGNIZED = (): EmulatorResponse => error(404, 2300, 'This API endpoint is not recognized.');
const INVALID_TOKEN = (): EmulatorResponse => error(401, 124, 'Invalid access token.');

const hmac = (secret: string, text: string): Buffer => createHmac('sha256', secret).update(text).digest();
const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Verifies the Video SDK API JWT: HS256 signature with the secret, `iss` = key, `exp` in the future. */
function validJwt(token: string | undefined, key: string, secret: string): boolean {
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) return false;
  if (!sameBytes(Buffer.from(parts[2], 'base64url'), hmac(secret, `${parts[0]}.${parts[1]}`))) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    return header.alg === 'HS256' && claims.iss === key && typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
  } catch {
    return false;
  }
}

/** A download access token for every file of one session: `<claims>.<signature>`. */
function mintDownloadToken(secret: string, sessionId: string, ttl: number): string {
  const claims = Buffer.from(JSON.stringify({ sid: sessionId, exp: Math.floor(Date.now() / 1000) + ttl })).toString('base64url');
  return `${claims}.${hmac(secret, claims).toString('base64url')}`;
}

/** The session a download token is for, when it is genuine and not expired. */
function downloadTokenSession(secret: string, token: string | null): string | undefined {
  const [claims, signature, extra] = (token ?? '').split('.');
  if (!claims || !signature || extra !== undefined || !sameBytes(Buffer.from(signature, 'base64url'), hmac(secret, claims)))
    return undefined;
  try {
    const { sid, exp } = JSON.parse(Buffer.from(claims, 'base64url').toString());
    return typeof sid === 'string' && typeof exp === 'number' && exp * 1000 > Date.now() ? sid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The session id from its raw path segment, as Zoom reads it. A segment that still holds
 * `%` after one decode was double-encoded and is decoded again. Ids that start with `/` or
 * contain `//` must arrive double-encoded (Zoom's documented rule); sent single-encoded
 * they do not route: undefined, answered 404 code 2300.
 */
export function zoomSessionIdOf(raw: string): string | undefined {
  const once = decodeParam(raw);
  if (once === undefined) return undefined;
  if (once.includes('%')) return decodeParam(once);
  if (once.startsWith('/') || once.includes('//')) return undefined;
  return once;
}

/** The emulator's clock for page tokens, ahead of real time by `skewMs`: a test ages a token by moving it. */
export interface ZoomEmulatorClock {
  skewMs: number;
}

/** `next_page_token` "expires after 15 minutes" (docs/vendors/zoom.md#listing-and-paging). */
const PAGE_TOKEN_TTL_MS = 15 * 60_000;

/** A page token: the offset it resumes at, the range it belongs to, when it was minted. */
function mintPageToken(offset: number, range: string, clock: ZoomEmulatorClock): string {
  return Buffer.from(JSON.stringify({ o: offset, r: range, at: Date.now() + clock.skewMs })).toString('base64url');
}

/** The offset of a token minted for this range and not yet expired; undefined otherwise. */
function pageTokenOffset(token: string, range: string, clock: ZoomEmulatorClock): number | undefined {
  try {
    const { o, r, at } = JSON.parse(Buffer.from(token, 'base64url').toString());
    const fresh = typeof at === 'number' && Date.now() + clock.skewMs - at < PAGE_TOKEN_TTL_MS;
    return Number.isSafeInteger(o) && o >= 0 && r === range && fresh ? o : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a file's download serves, by `file_type` (zoom-video-sdk.json: MP4 video, M4A audio,
 * TRANSCRIPT and CC as WebVTT, CHAT as text, TIMELINE as JSON).
 */
function mediaKindOf(file: ZoomWireRecordingFile): MediaKind {
  switch (file.file_type) {
    case 'M4A':
      return 'm4a';
    case 'TRANSCRIPT':
    case 'CC':
      return 'vtt';
    case 'CHAT':
      return 'txt';
    case 'TIMELINE':
      return 'json';
    default:
      return 'mp4';
  }
}

const filesOf = (s: ZoomWireSession): ZoomWireRecordingFile[] => [
  ...(s.recording_files ?? []),
  ...(s.participant_audio_files ?? []),
  ...(s.participant_video_files ?? []),
];

/**
 * Zoom Video SDK REST emulator (docs/vendors/zoom.md): the API JWT check, GET
 * /v2/videosdk/sessions/{sessionId}/recordings (with `include_fields=download_access_token`
 * and `ttl`), GET /v2/videosdk/recordings (from/to at most one month, trash,
 * `next_page_token` paging, tokens tied to their range and expiring after 15 minutes of
 * `clock`), the id double-encoding rule, and the files' `download_url`
 * (GET /rec/download/{token}, with `?access_token=` or the API JWT), serving a real file of
 * the file's type with byte ranges (401 code 124 for a changed or expired token).
 */
export function zoomEmulatorSpec(
  data: ZoomDataset,
  apiKey: string,
  apiSecret: string,
  clock: ZoomEmulatorClock = { skewMs: 0 },
): EmulatorSpec {
  const find = (id: string) => data.sessions.find((s) => s.session_id === id);
  /**
   * The list's order, which Zoom does not document: newest session first, ties by session id,
   * a total order so pages never overlap. Computed once: a served dataset does not change.
   */
  const ordered = newestFirst(
    data.sessions.map((session) => ({ session, startMs: Date.parse(session.start_time ?? '') })),
    (s) => s.startMs,
    (s) => s.session.session_id,
  );
  /** The body as sent: trashed files only with trash=true, download URLs on this emulator. */
  const wire = (s: ZoomWireSession, trash: boolean, origin: string): ZoomWireSession => {
    const pick = (files: ZoomWireRecordingFile[] | null | undefined) =>
      (files ?? [])
        .filter((f) => Boolean(f.deleted_time) === trash)
        .map((f) => ({ ...f, download_url: f.download_url ? `${origin}${f.download_url}` : f.download_url }));
    return {
      ...s,
      recording_files: pick(s.recording_files),
      participant_audio_files: pick(s.participant_audio_files),
      participant_video_files: pick(s.participant_video_files),
    };
  };

  return {
    vendor: 'zoom',
    authorize(req, route) {
      if (route.name === 'rec.download' && req.query.has('access_token')) return null;
      return validJwt(bearerToken(req.headers.authorization), apiKey, apiSecret) ? null : INVALID_TOKEN();
    },
    notFound: NOT_RECOGNIZED,
    rateLimited: () => ({ code: 429, message: "You have exceeded the daily rate limit of your account's API requests." }),
    serverError: () => ({ code: 500, message: 'Internal server error.' }),
    routes: [
      {
        name: 'sessions.recordings',
        method: 'GET',
        pattern: /^\/v2\/videosdk\/sessions\/([^/]+)\/recordings$/,
        handle(req, [raw]) {
          const id = zoomSessionIdOf(raw);
          if (id === undefined) return NOT_RECOGNIZED();
          const session = find(id);
          if (!session) return error(404, 3301, 'There is no recording for this session.');
          const body: ZoomWireSession = wire(session, false, originOf(req));
          if ((req.query.get('include_fields') ?? '').split(',').includes('download_access_token')) {
            const ttlRaw = req.query.get('ttl');
            const ttl = ttlRaw === null ? DEFAULT_TTL : Number(ttlRaw);
            if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL)
              return error(400, 300, `Invalid field: ttl must be between 0 and ${MAX_TTL}.`);
            body.download_access_token = mintDownloadToken(apiSecret, id, ttl);
          }
          return { status: 200, body };
        },
      },
      {
        name: 'recordings.list',
        method: 'GET',
        pattern: /^\/v2\/videosdk\/recordings$/,
        handle(req) {
          const trash = req.query.get('trash') === 'true';
          const from = req.query.get('from');
          const to = req.query.get('to');
          if (trash && (from !== null || to !== null)) return error(400, 300, 'The from and to parameters cannot be used with trash.');
          // Omitted, the range is today to tomorrow (UTC).
          const fromDay = from ?? utcDay(Date.now());
          const toDay = to ?? utcDay(Date.now() + 86_400_000);
          const fromMs = DAY.test(fromDay) ? Date.parse(`${fromDay}T00:00:00Z`) : NaN;
          const toMs = DAY.test(toDay) ? Date.parse(`${toDay}T00:00:00Z`) : NaN;
          if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs < fromMs) return error(400, 300, 'Invalid from or to date.');
          const monthLater = new Date(fromMs);
          monthLater.setUTCMonth(monthLater.getUTCMonth() + 1);
          if (!trash && toMs > monthLater.getTime()) return error(400, 300, 'The date range can be at most one month.');
          const sizeRaw = req.query.get('page_size');
          const size = sizeRaw === null ? DEFAULT_PAGE_SIZE : Number(sizeRaw);
          if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
            return error(400, 300, `page_size must be between 1 and ${MAX_PAGE_SIZE}.`);
          const range = trash ? 'trash' : `${fromDay}..${toDay}`;
          const token = req.query.get('next_page_token');
          const offset = token ? pageTokenOffset(token, range, clock) : 0;
          if (offset === undefined) return error(400, 300, 'The next page token is invalid or expired.');
          const end = toMs + 86_400_000; // `to` is inclusive: the whole day
          const items = ordered
            .filter(({ startMs }) => trash || (startMs >= fromMs && startMs < end))
            .map(({ session }) => wire(session, trash, originOf(req)))
            .filter((s) => filesOf(s).length > 0);
          const next = offset + size < items.length ? mintPageToken(offset + size, range, clock) : '';
          const sessions = items.slice(offset, offset + size);
          // `sessions` is optional (rivet videosdk.d.ts): a page with none leaves it out.
          const body: ZoomWireRecordingList = {
            ...(trash ? {} : { from: fromDay, to: toDay }),
            page_size: size,
            total_records: items.length,
            next_page_token: next,
            ...(sessions.length > 0 ? { sessions } : {}),
          };
          return { status: 200, body };
        },
      },
      {
        name: 'rec.download',
        method: 'GET',
        pattern: /^\/rec\/download\/([A-Za-z0-9_-]+)$/,
        handle(req, [token]) {
          const path = `/rec/download/${token}`;
          const session = data.sessions.find((s) => filesOf(s).some((f) => f.download_url === path));
          const file = session && filesOf(session).find((f) => f.download_url === path);
          if (!file) return error(404, 3301, 'This recording does not exist.');
          if (req.query.has('access_token') && downloadTokenSession(apiSecret, req.query.get('access_token')) !== session.session_id)
            return INVALID_TOKEN();
          return serveMedia(req, mediaFile(mediaKindOf(file)));
        },
      },
    ],
  };
}

export async function startZoomSandbox(
  options: SandboxStartOptions = {},
  data: ZoomDataset = seedZoom(options.seed, { recordingsPerVendor: options.recordingsPerVendor }),
): Promise<VendorSandbox<'apiKey' | 'apiSecret'> & { data: ZoomDataset; clock: ZoomEmulatorClock }> {
  const clock: ZoomEmulatorClock = { skewMs: 0 };
  const emulator = await startEmulator(zoomEmulatorSpec(data, ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET, clock), options);
  return {
    emulator,
    data,
    clock,
    config: {
      ...sandboxCommon('zoom', `${emulator.url}/v2`, options.vendorHttp),
      apiKey: ZOOM_SANDBOX_API_KEY,
      apiSecret: ZOOM_SANDBOX_API_SECRET,
    },
  };
}
