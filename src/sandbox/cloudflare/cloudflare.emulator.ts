import { decodeParam, originOf, startEmulator, type EmulatorRequest, type EmulatorResponse, type EmulatorSpec } from '../emulator';
import { newestFirst } from '../list-order';
import { createLinkSigner, type LinkSigner } from '../link-signer';
import { mediaFile, type MediaKind } from '../media-files';
import { checkS3Presigned, presignS3Url } from '../s3-presigned';
import { serveMedia } from '../serve-media';
import { bearerToken, sandboxCommon, type SandboxStartOptions, type VendorSandbox } from '../vendor-sandbox';
import { seedCloudflare, type CloudflareDataset, type CloudflareStoredRecording } from './cloudflare.seed';
import {
  CLOUDFLARE_FILTERABLE_STATUSES,
  type CloudflareWireListedRecording,
  type CloudflareWirePaging,
  type CloudflareWireRecording,
} from './cloudflare.wire';

export const CLOUDFLARE_SANDBOX_API_TOKEN = 'sandbox-cloudflare-api-token';
/** 32 hex characters, like a Cloudflare account id (the SDK's example account id). */
export const CLOUDFLARE_SANDBOX_ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353';
export const CLOUDFLARE_SANDBOX_APP_ID = '2a95132c15732412d22c1476fa83f27a';

/** `per_page` maximum: not documented (docs/vendors/cloudflare.md); the emulator enforces the adapter's 100. */
const MAX_PER_PAGE = 100;
/** `per_page` default: not documented; 20 is what the docs' example asks for. */
const DEFAULT_PER_PAGE = 20;
const FILTERABLE: readonly string[] = CLOUDFLARE_FILTERABLE_STATUSES;

/**
 * Two error shapes, since RealtimeKit's own is undocumented (docs/vendors/cloudflare.md): the v4 API
 * gateway's envelope for what it answers itself (auth, unknown routes, throttling), and
 * `{ success: false, error: { code, message } }` for RealtimeKit's answers (Inference).
 */
const gatewayError = (status: number, code: number, message: string): EmulatorResponse => ({
  status,
  body: { success: false, errors: [{ code, message }], messages: [], result: null },
});
const kitError = (status: number, message: string): EmulatorResponse => ({
  status,
  body: { success: false, error: { code: status, message } },
});

/**
 * The body as sent: the emulator-only fields dropped, write-only secrets never read, except
 * on the one recording seeded to echo them (defensive, see ECHOED_SECRET_PREFIX).
 */
function toWire(rec: CloudflareStoredRecording): CloudflareWireRecording {
  const { meeting_id: _meeting, echoes_write_only: echoes, storage_config: stored, ...rest } = rec;
  if (echoes && stored) return { ...rest, storage_config: { ...stored } };
  const storage_config = stored
    ? {
        type: stored.type,
        ...(stored.bucket != null && { bucket: stored.bucket }),
        ...(stored.region != null && { region: stored.region }),
        ...(stored.path != null && { path: stored.path }),
        ...(stored.host != null && { host: stored.host }),
        ...(stored.port != null && { port: stored.port }),
        ...(stored.username != null && { username: stored.username }),
        ...(stored.auth_method != null && { auth_method: stored.auth_method }),
      }
    : null;
  return { ...rest, storage_config };
}

/** RealtimeKit's presigned R2 URLs live 7 days (docs/vendors/cloudflare.md#access-links). */
const LINK_SECS = 7 * 86_400;

/** R2's S3 endpoint, `https://<account>.r2.cloudflarestorage.com/<bucket>/<key>`. */
const R2_URL = /^https:\/\/[^/]+\.r2\.cloudflarestorage\.com(\/[^?]+)/;

/** The `/<bucket>/<key>` path of a stored R2 link; undefined for anything else. */
const r2PathOf = (url: string | null): string | undefined => (url ? R2_URL.exec(url)?.[1] : undefined);

/**
 * A stored R2 link as this emulator hands it out: the same path on its own origin, presigned
 * so that it expires at `download_url_expiry` (signed 7 days before it), or 7 days after
 * `stopped_time` without one. Anything else (a test's malformed URL) is sent as stored.
 */
function localLink(
  signer: LinkSigner,
  stored: string | null,
  rec: CloudflareStoredRecording,
  origin: string,
  nowMs: number,
): string | null {
  const path = r2PathOf(stored);
  if (!path) return stored;
  const expiry = Date.parse(rec.download_url_expiry ?? '');
  const stopped = Date.parse(rec.stopped_time ?? '');
  const signedAtMs = !Number.isNaN(expiry) ? expiry - LINK_SECS * 1000 : !Number.isNaN(stopped) ? stopped : nowMs;
  return presignS3Url(signer, { origin, path, signedAtMs, expiresSecs: LINK_SECS, region: 'auto' });
}

/** What an object serves, by its name's extension; RealtimeKit's video files are MP4, with or without `.mp4`. */
function mediaKindOf(path: string): MediaKind {
  if (path.endsWith('.mp3')) return 'mp3';
  if (path.endsWith('.tar')) return 'tar';
  return 'mp4';
}

function intParam(req: EmulatorRequest, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = req.query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

function timeParam(req: EmulatorRequest, name: string): number | null | undefined {
  const raw = req.query.get(name);
  if (raw === null) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms;
}

export interface CloudflareCredentials {
  apiToken: string;
  accountId: string;
  appId: string;
}

/**
 * Where the documents leave a choice open, the emulator can take either side, so the
 * adapter is tested against both (docs/vendors/cloudflare.md, "Assumptions").
 */
export interface CloudflareEmulatorOptions {
  /**
   * What `page_no` counts from. The SDK says only "the page number" with a minimum of 0.
   * `one-based` (the default): page 1 is the first page, and page 0 is the first page too.
   * `zero-based`: page 0 is the first page, page 1 the second.
   */
  pageNumbering?: 'one-based' | 'zero-based';
  /**
   * The session details body: `nested` is the SDK's `{ data: { session } }`; `flat` is
   * `{ data: <session> }`, as other reference pages show it.
   */
  sessionShape?: 'nested' | 'flat';
}

/**
 * Cloudflare RealtimeKit emulator (docs/vendors/cloudflare.md; nothing imported from src/providers): Bearer token (401 otherwise), paths
 * under /client/v4/accounts/{account_id}/realtime/kit/{app_id} (404 for another account or
 * app), GET recordings (list with its filters and page_no/per_page paging), GET one
 * recording (no `meeting`), GET one session. The recordings' links are presigned R2 URLs on
 * this emulator, which serves the files there as R2 does (ranges; S3-style 403 once expired or
 * changed). `now` is the emulator's one clock: it signs a link with no stored expiry or stop
 * time, refuses links past their expiry, and decides the `expired` filter, so the filter and
 * the links agree. No seeded link expires within 27 hours after SANDBOX_EPOCH, so on the day
 * the sandbox starts the filter answers as it would at SANDBOX_EPOCH.
 */
export function cloudflareEmulatorSpec(
  data: CloudflareDataset,
  creds: CloudflareCredentials,
  now: () => number = Date.now,
  options: CloudflareEmulatorOptions = {},
): EmulatorSpec {
  const zeroBased = options.pageNumbering === 'zero-based';
  const signer = createLinkSigner();
  /** The body as sent, with its links presigned on this emulator's origin. */
  const wire = (rec: CloudflareStoredRecording, req: EmulatorRequest): CloudflareWireRecording => {
    const origin = originOf(req);
    return {
      ...toWire(rec),
      download_url: localLink(signer, rec.download_url, rec, origin, now()),
      audio_download_url: localLink(signer, rec.audio_download_url, rec, origin, now()),
    };
  };
  const prefix = '^/client/v4/accounts/([^/]+)/realtime/kit/([^/]+)';
  const wrongApp = (account: string, app: string): EmulatorResponse | null =>
    decodeParam(account) === creds.accountId && decodeParam(app) === creds.appId ? null : kitError(404, 'App not found');
  const meetingOf = (id: string) => data.meetings.find((m) => m.id === id);
  /**
   * `sort_by=invokedTime` order, newest first, ties by id: a total order, so pages never
   * overlap (RealtimeKit's own tie-break is not documented). Computed once: a served
   * dataset does not change.
   */
  const ordered = newestFirst(
    data.recordings.map((rec) => ({ rec, invoked: Date.parse(rec.invoked_time ?? '') })),
    (r) => r.invoked,
    (r) => r.rec.id,
  );

  return {
    vendor: 'cloudflare',
    authorize(req) {
      // The v4 gateway's authentication error (code 10000, "Authentication error").
      return bearerToken(req.headers.authorization) === creds.apiToken ? null : gatewayError(401, 10000, 'Authentication error');
    },
    notFound: () => gatewayError(404, 7000, 'No route for that URI'),
    // Cloudflare's throttling answer (code 971), sent with `retry-after` seconds.
    rateLimited: () => ({
      success: false,
      errors: [{ code: 971, message: 'Please wait and consider throttling your request speed' }],
      messages: [],
      result: null,
    }),
    serverError: (status) => ({ success: false, error: { code: status, message: 'Internal server error' } }),
    routes: [
      {
        name: 'recordings.list',
        method: 'GET',
        pattern: new RegExp(`${prefix}/recordings/?$`),
        handle(req, [account, app]) {
          const denied = wrongApp(account, app);
          if (denied) return denied;
          // page_no and per_page: "minimum 0"; what page_no counts from is options.pageNumbering.
          const perPage = intParam(req, 'per_page', DEFAULT_PER_PAGE, 0, MAX_PER_PAGE);
          if (perPage === undefined) return kitError(400, `per_page must be an integer from 0 to ${MAX_PER_PAGE}`);
          const pageNo = intParam(req, 'page_no', 1, 0);
          if (pageNo === undefined) return kitError(400, 'page_no must be a non-negative integer');
          const sortBy = req.query.get('sort_by');
          if (sortBy !== null && sortBy !== 'invokedTime') return kitError(400, 'sort_by must be invokedTime');
          const sortOrder = req.query.get('sort_order') ?? 'DESC';
          if (sortOrder !== 'ASC' && sortOrder !== 'DESC') return kitError(400, 'sort_order must be ASC or DESC');
          // The parameter is `status`, an array sent as the key repeated (RecordingGetRecordingsParams);
          // the PHP-style `status[]` is not a parameter of this API.
          if (req.query.has('status[]')) return kitError(400, 'Unknown query parameter status[]');
          const statuses = req.query.getAll('status');
          if (statuses.some((s) => !FILTERABLE.includes(s))) return kitError(400, `status must be one of ${FILTERABLE.join(', ')}`);
          const start = timeParam(req, 'start_time');
          const end = timeParam(req, 'end_time');
          if (start === undefined || end === undefined) return kitError(400, 'start_time and end_time must be ISO date-times');
          const expired = req.query.get('expired');
          if (expired !== null && expired !== 'true' && expired !== 'false') return kitError(400, 'expired must be true or false');
          const meetingId = req.query.get('meeting_id');
          const search = req.query.get('search')?.toLowerCase();

          const items = (sortOrder === 'ASC' ? [...ordered].reverse() : ordered).filter(({ rec: r, invoked }) => {
            if (meetingId && r.meeting_id !== meetingId) return false;
            if (statuses.length && !statuses.includes(r.status)) return false;
            if (start !== null && !(invoked >= start)) return false;
            if (end !== null && !(invoked <= end)) return false;
            // `expired` only concerns files in RealtimeKit's bucket.
            if (expired !== null) {
              if (!r.download_url_expiry) return false;
              if (Date.parse(r.download_url_expiry) <= now() !== (expired === 'true')) return false;
            }
            if (search && r.meeting_id.toLowerCase() !== search && !(meetingOf(r.meeting_id)?.title ?? '').toLowerCase().includes(search))
              return false;
            return true;
          });
          const offset = (zeroBased ? pageNo : Math.max(pageNo, 1) - 1) * perPage;
          const page = items.slice(offset, offset + perPage).map(({ rec }) => rec);
          const listed: CloudflareWireListedRecording[] = page.map((r) => {
            const meeting = meetingOf(r.meeting_id);
            return meeting ? { ...wire(r, req), meeting } : wire(r, req);
          });
          const paging: CloudflareWirePaging = {
            total_count: items.length,
            start_offset: offset,
            end_offset: Math.max(offset, offset + page.length - 1),
          };
          return { status: 200, body: { success: true, data: listed, paging } };
        },
      },
      {
        name: 'recordings.get',
        method: 'GET',
        pattern: new RegExp(`${prefix}/recordings/([^/]+)$`),
        handle(req, [account, app, rawId]) {
          const denied = wrongApp(account, app);
          if (denied) return denied;
          const rec = data.recordings.find((r) => r.id === decodeParam(rawId));
          return rec ? { status: 200, body: { success: true, data: wire(rec, req) } } : kitError(404, 'Recording not found');
        },
      },
      {
        name: 'sessions.get',
        method: 'GET',
        pattern: new RegExp(`${prefix}/sessions/([^/]+)$`),
        handle(_req, [account, app, rawId]) {
          const denied = wrongApp(account, app);
          if (denied) return denied;
          const session = data.sessions.find((s) => s.id === decodeParam(rawId));
          if (!session) return kitError(404, 'Session not found');
          return { status: 200, body: { success: true, data: options.sessionShape === 'flat' ? session : { session } } };
        },
      },
      {
        // The R2 object a presigned link names (path-style `/<bucket>/<key>`), or R2's S3-style 403.
        // Only the `recordings` bucket, where every seeded and live link is
        // (src/sandbox/cloudflare/cloudflare.seed.ts, cloudflare.webhooks.ts): any other path is
        // the gateway's 404, counted as unmatched, so a stray adapter call shows in the counters.
        name: 'media.r2-object',
        method: 'GET',
        pattern: /^\/recordings\/[^/]+$/,
        handle(req) {
          // Only localLink signs, and only a stored link's path: a genuine signature means the object exists.
          const refused = checkS3Presigned(signer, req, now());
          if (refused) return refused;
          return serveMedia(req, mediaFile(mediaKindOf(req.path)));
        },
      },
    ],
  };
}

export async function startCloudflareSandbox(
  options: SandboxStartOptions & CloudflareEmulatorOptions = {},
  data: CloudflareDataset = seedCloudflare(options.seed, { recordingsPerVendor: options.recordingsPerVendor }),
): Promise<VendorSandbox<'apiToken' | 'accountId' | 'appId'> & { data: CloudflareDataset }> {
  const creds = { apiToken: CLOUDFLARE_SANDBOX_API_TOKEN, accountId: CLOUDFLARE_SANDBOX_ACCOUNT_ID, appId: CLOUDFLARE_SANDBOX_APP_ID };
  const emulator = await startEmulator(cloudflareEmulatorSpec(data, creds, undefined, options), options);
  return { emulator, data, config: { ...sandboxCommon('cloudflare', `${emulator.url}/client/v4`, options.vendorHttp), ...creds } };
}
