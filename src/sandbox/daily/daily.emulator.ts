import { decodeParam, originOf, startEmulator, type EmulatorRequest, type EmulatorResponse, type EmulatorSpec } from '../emulator';
import { createLinkSigner } from '../link-signer';
import { mediaFile } from '../media-files';
import { s3Error } from '../s3-presigned';
import { serveMedia } from '../serve-media';
import { bearerToken, sandboxCommon, type SandboxStartOptions, type VendorSandbox } from '../vendor-sandbox';
import { dailyListOrder, seedDaily, type DailyDataset } from './daily.seed';
import { byIdIn } from '../list-order';
import type { DailyWireAccessLink, DailyWireError, DailyWireRecordingList } from './daily.wire';

export const DAILY_SANDBOX_API_KEY = 'sandbox-daily-api-key';

/** Daily's list maximum is undocumented; the emulator enforces the 100 the adapter assumes. */
const MAX_LIMIT = 100;
/** Daily-bucket upper bound is not documented; the emulator allows up to 7 days. */
const DAILY_BUCKET_MAX_VALID_FOR = 604_800;

/** CloudFront's refusal of a signed URL that is changed or past its `Expires`: 403 in S3's XML error shape. */
const ACCESS_DENIED = (): EmulatorResponse => s3Error(403, 'AccessDenied', 'Access denied');
const KEY_PAIR_ID = 'K1SANDBOX';

/** The raw (still percent-encoded) values of a query string: a signed URL is checked byte for byte. */
function rawParams(rawQuery: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of rawQuery.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && !out.has(part.slice(0, eq))) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

const error = (status: number, kind: string, info?: string): EmulatorResponse => ({
  status,
  body: (info ? { error: kind, info } : { error: kind }) satisfies DailyWireError,
});

/**
 * Daily REST API emulator (docs/vendors/daily.md): Bearer auth (400 without a header, 401 with a
 * wrong key), GET /v1/recordings[/{id}[/access-link]], cursor paging with starting_after
 * and ending_before over the list newest first (start_ts, then id), the room_name filter
 * (Daily has no date or session filter), and access-link bounds for customer-bucket
 * recordings. The access links are CloudFront-style signed URLs on this emulator, which
 * serves the MP4 at them (ranges; CloudFront's 403 once expired or changed, byte for byte).
 */
export function dailyEmulatorSpec(data: DailyDataset, apiKey: string): EmulatorSpec {
  const byId = () => byIdIn(data.recordings, (r) => r.id);
  const signer = createLinkSigner();
  /**
   * The signature over the raw path, `dl` and `Expires`. It ends in an encoded `+=`, as a
   * base64 signature can, so a client that decodes or re-encodes the link is refused, as
   * Daily's are (docs/vendors/daily.md#access-links).
   */
  const covered = (rawPath: string, rawDl: string, expires: string) => `${rawPath}\n${rawDl}\n${expires}`;
  const signature = (rawPath: string, rawDl: string, expires: string) =>
    `SANDBOX~sig_${signer.sign(covered(rawPath, rawDl, expires), 'base64url')}%2B%3D`;
  const cdnFile = (req: EmulatorRequest): EmulatorResponse => {
    const q = rawParams(req.rawQuery);
    const [dl, expires, sig] = [q.get('dl') ?? '', q.get('Expires') ?? '', q.get('Signature')];
    const signed = /^SANDBOX~sig_([\w-]+)%2B%3D$/.exec(sig ?? '')?.[1];
    if (q.get('Key-Pair-Id') !== KEY_PAIR_ID || !signer.verify(covered(req.path, dl, expires), signed, 'base64url')) return ACCESS_DENIED();
    if (!(Number(expires) * 1000 > Date.now())) return ACCESS_DENIED();
    const key = decodeParam(req.path.slice('/recordings/'.length));
    const rec = data.recordings.find((r) => (r.s3key ?? r.id) === key);
    if (!rec) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    // Daily's own bucket sends the file as an attachment; a customer's bucket decides itself.
    const customerBucket = data.extras.get(rec.id)?.customerBucket ?? false;
    const filename = (decodeParam(dl) ?? '').split('/').pop() || `${rec.id}.mp4`;
    return serveMedia(req, mediaFile('mp4'), customerBucket ? {} : { 'content-disposition': `attachment; filename="${filename}"` });
  };
  return {
    vendor: 'daily',
    authorize(req) {
      const header = req.headers.authorization;
      if (!header) return error(400, 'authorization-header-error', 'Authorization header missing');
      if (bearerToken(header) !== apiKey) return error(401, 'authentication-error', 'Invalid API key');
      return null;
    },
    notFound: () => error(404, 'not-found', 'Not found'),
    rateLimited: () => ({ error: 'rate-limit-error', info: 'Too many requests' }),
    serverError: () => ({ error: 'server-error', info: 'Internal error' }),
    routes: [
      {
        name: 'recordings.list',
        method: 'GET',
        pattern: /^\/v1\/recordings\/?$/,
        handle(req) {
          const limitRaw = req.query.get('limit');
          const limit = limitRaw === null ? MAX_LIMIT : Number(limitRaw);
          if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
            return error(400, 'invalid-request-error', `limit must be 1..${MAX_LIMIT}`);
          }
          const room = req.query.get('room_name');
          let items = dailyListOrder(data.recordings).filter((r) => !room || r.room_name === room);
          const after = req.query.get('starting_after');
          const before = req.query.get('ending_before');
          if (after) {
            const i = items.findIndex((r) => r.id === after);
            if (i === -1) return error(400, 'invalid-request-error', 'starting_after is not a recording id');
            items = items.slice(i + 1);
          } else if (before) {
            const i = items.findIndex((r) => r.id === before);
            if (i === -1) return error(400, 'invalid-request-error', 'ending_before is not a recording id');
            items = items.slice(Math.max(0, i - limit), i);
          }
          const body: DailyWireRecordingList = { total_count: items.length, data: items.slice(0, limit) };
          return { status: 200, body };
        },
      },
      {
        name: 'recordings.get',
        method: 'GET',
        pattern: /^\/v1\/recordings\/([^/]+)$/,
        handle(_req, [rawId]) {
          const rec = byId().get(decodeParam(rawId) ?? '');
          return rec ? { status: 200, body: rec } : error(404, 'not-found', 'recording not found');
        },
      },
      {
        name: 'recordings.access-link',
        method: 'GET',
        pattern: /^\/v1\/recordings\/([^/]+)\/access-link$/,
        handle(req, [rawId]) {
          const rec = byId().get(decodeParam(rawId) ?? '');
          if (!rec) return error(404, 'not-found', 'recording not found');
          const raw = req.query.get('valid_for_secs');
          const validFor = raw === null ? 3600 : Number(raw);
          const extras = data.extras.get(rec.id) ?? { customerBucket: false, accessBlocked: false };
          const [min, max] = extras.customerBucket ? [900, 43_200] : [1, DAILY_BUCKET_MAX_VALID_FOR];
          if (!Number.isInteger(validFor) || validFor < min || validFor > max) {
            return error(400, 'invalid-request-error', `valid_for_secs must be between ${min} and ${max}`);
          }
          const expires = Math.floor(Date.now() / 1000) + validFor;
          if (extras.accessBlocked) {
            return {
              status: 200,
              body: { download_link: 'recording access is disabled for this domain', expires } satisfies DailyWireAccessLink,
            };
          }
          const key = rec.s3key ?? rec.id;
          // A signed CloudFront-style URL: the query string is the authorization, byte for byte.
          const path = `/recordings/${key}`;
          const dl = encodeURIComponent(`${key}.mp4`);
          const download_link =
            `${originOf(req)}${path}?dl=${dl}&Expires=${expires}` +
            `&Signature=${signature(path, dl, String(expires))}&Key-Pair-Id=${KEY_PAIR_ID}`;
          return { status: 200, body: { download_link, expires } satisfies DailyWireAccessLink };
        },
      },
      {
        // Daily's CDN (b.daily.co) serving the file an access link names.
        name: 'media.cdn',
        method: 'GET',
        pattern: /^\/recordings\/.+$/,
        handle: cdnFile,
      },
    ],
  };
}

export async function startDailySandbox(
  options: SandboxStartOptions = {},
  data: DailyDataset = seedDaily(options.seed, options),
): Promise<VendorSandbox<'apiKey'> & { data: DailyDataset }> {
  const emulator = await startEmulator(dailyEmulatorSpec(data, DAILY_SANDBOX_API_KEY), options);
  return { emulator, data, config: { ...sandboxCommon('daily', `${emulator.url}/v1`, options.vendorHttp), apiKey: DAILY_SANDBOX_API_KEY } };
}
