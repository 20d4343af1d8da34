import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ZoomConfig } from '../../config/config.types';
import { decodeParam, startEmulator, type EmulatorRequest, type EmulatorResponse, type EmulatorSpec } from '../emulator';
import { bearerToken, sandboxCommon, type SandboxStartOptions, type VendorSandbox } from '../vendor-sandbox';
import { seedZoom, type ZoomDataset } from './zoom.seed';

export const ZOOM_SANDBOX_API_KEY = 'sandbox-zoom-api-key';
export const ZOOM_SANDBOX_API_SECRET = 'sandbox-zoom-api-secret';

/** `ttl` bounds of `include_fields=download_access_token` (0..604800 s, 7 days). */
const MAX_TTL = 604_800;
/** page_size default is 30 (Zoom's example); the maximum is undocumented: 300 assumed. */
const DEFAULT_PAGE_SIZE = 30;
const MAX_PAGE_SIZE = 300;

const error = (status: number, code: number, message: string): EmulatorResponse => ({ status, body: { code, message } });
const NOT_RECOGNIZED = () => error(404, 2300, 'This API endpoint is not recognized.');

/** Verifies an HS256 JWT: signature with the secret, `iss` = key, `exp` in the future. */
function validJwt(token: string | undefined, key: string, secret: string): boolean {
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) return false;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    return header.alg === 'HS256' && claims.iss === key && typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
  } catch {
    return false;
  }
}

/**
 * The session id from its raw path segment, as Zoom reads it: ids that start with `/` or
 * contain `//` must arrive double-encoded; sent single-encoded they do not route (404
 * code 2300), which is what Zoom's own SDK runs into (rivet issue #12).
 */
function sessionIdOf(raw: string): string | undefined {
  const once = decodeParam(raw);
  if (once === undefined) return undefined;
  if (once.startsWith('/') || once.includes('//')) return undefined;
  if (/%[0-9A-Fa-f]{2}/.test(once)) {
    const twice = decodeParam(once);
    return twice !== undefined && (twice.startsWith('/') || twice.includes('//')) ? twice : undefined;
  }
  return once;
}

/**
 * Zoom Video SDK REST emulator (providers.md §3): API JWT check, the session recordings
 * call with `include_fields=download_access_token&ttl=`, the account list with from/to
 * (at most one month), trash and `next_page_token` paging, and the id encoding rule.
 */
export function zoomEmulatorSpec(data: ZoomDataset, apiKey: string, apiSecret: string): EmulatorSpec {
  const find = (id: string) => data.sessions.find((s) => s.session_id === id);
  const visible = (s: (typeof data.sessions)[number], trash: boolean) => ({
    ...s,
    recording_files: (s.recording_files ?? []).filter((f) => Boolean(f.deleted_time) === trash),
  });

  return {
    vendor: 'zoom',
    authorize(req) {
      if (!validJwt(bearerToken(req.headers.authorization), apiKey, apiSecret)) return error(401, 124, 'Invalid access token.');
      return null;
    },
    notFound: NOT_RECOGNIZED,
    rateLimited: () => ({ code: 429, message: "You have exceeded the daily rate limit of your account's API requests." }),
    serverError: () => ({ code: 500, message: 'Internal server error.' }),
    routes: [
      {
        name: 'sessions.recordings',
        method: 'GET',
        pattern: /^\/v2\/videosdk\/sessions\/([^/]+)\/recordings$/,
        handle(req: EmulatorRequest, [raw]) {
          const id = sessionIdOf(raw);
          if (id === undefined) return NOT_RECOGNIZED();
          const session = find(id);
          if (!session) return error(404, 3301, 'There is no recording for this session.');
          const body: Record<string, unknown> = visible(session, false);
          if (req.query.get('include_fields') === 'download_access_token') {
            const ttlRaw = req.query.get('ttl');
            const ttl = ttlRaw === null ? 3600 : Number(ttlRaw);
            if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL) return error(400, 300, `Invalid ttl: must be 0..${MAX_TTL}.`);
            body.download_access_token = `sandbox.${Buffer.from(JSON.stringify({ session: id, exp: Math.floor(Date.now() / 1000) + ttl })).toString('base64url')}.sig`;
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
          if (trash && (from || to)) return error(400, 300, 'from and to cannot be used with trash.');
          const today = new Date().toISOString().slice(0, 10);
          const fromDay = from ?? today;
          const toDay = to ?? new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
          const fromMs = Date.parse(`${fromDay}T00:00:00Z`);
          const toMs = Date.parse(`${toDay}T23:59:59Z`);
          if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs < fromMs) return error(400, 300, 'Invalid from or to.');
          if (!trash && toMs - fromMs > 31 * 86_400_000) return error(400, 300, 'The date range can be at most one month.');
          const size = Number(req.query.get('page_size') ?? DEFAULT_PAGE_SIZE);
          if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) return error(400, 300, `page_size must be 1..${MAX_PAGE_SIZE}.`);
          const offset = Number(req.query.get('next_page_token') || '0');
          const items = data.sessions
            .filter((s) => trash || (Date.parse(s.start_time ?? '') >= fromMs && Date.parse(s.start_time ?? '') <= toMs))
            .map((s) => visible(s, trash))
            .filter((s) => !trash || (s.recording_files ?? []).length > 0);
          const page = items.slice(offset, offset + size);
          return {
            status: 200,
            body: { from: fromDay, to: toDay, page_size: size, total_records: items.length, next_page_token: offset + size < items.length ? String(offset + size) : '', sessions: page },
          };
        },
      },
    ],
  };
}

export async function startZoomSandbox(options: SandboxStartOptions = {}, data: ZoomDataset = seedZoom(options.seed)): Promise<VendorSandbox<ZoomConfig> & { data: ZoomDataset }> {
  const emulator = await startEmulator(zoomEmulatorSpec(data, ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET), options);
  return { emulator, data, config: { ...sandboxCommon('zoom', `${emulator.url}/v2`), apiKey: ZOOM_SANDBOX_API_KEY, apiSecret: ZOOM_SANDBOX_API_SECRET } };
}
