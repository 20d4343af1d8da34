import { decodeParam, startEmulator, type EmulatorResponse, type EmulatorSpec } from '../emulator';
import { bearerToken, sandboxCommon, type SandboxStartOptions, type VendorSandbox } from '../vendor-sandbox';
import { dailyListOrder, seedDaily, type DailyDataset } from './daily.seed';
import { byIdIn } from '../list-order';
import type { DailyWireAccessLink, DailyWireError, DailyWireRecordingList } from './daily.wire';

export const DAILY_SANDBOX_API_KEY = 'sandbox-daily-api-key';

/** Daily's list maximum is undocumented; the emulator enforces the 100 the adapter assumes. */
const MAX_LIMIT = 100;
/** Daily-bucket upper bound is not documented; the emulator allows up to 7 days. */
const DAILY_BUCKET_MAX_VALID_FOR = 604_800;

const error = (status: number, kind: string, info?: string): EmulatorResponse => ({
  status,
  body: (info ? { error: kind, info } : { error: kind }) satisfies DailyWireError,
});

/**
 * Daily REST API emulator (docs/vendors/daily.md): Bearer auth (400 without a header, 401 with a
 * wrong key), GET /v1/recordings[/{id}[/access-link]], cursor paging with starting_after
 * and ending_before over the list newest first (start_ts, then id), the room_name filter
 * (Daily has no date or session filter), and access-link bounds for customer-bucket
 * recordings.
 */
export function dailyEmulatorSpec(data: DailyDataset, apiKey: string): EmulatorSpec {
  const byId = () => byIdIn(data.recordings, (r) => r.id);
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
          const download_link =
            `https://b.daily.co/recordings/${key}?dl=${encodeURIComponent(`${key}.mp4`)}` +
            `&Expires=${expires}&Signature=SANDBOX~sig_${rec.id.slice(0, 8)}%2B%3D&Key-Pair-Id=K1SANDBOX`;
          return { status: 200, body: { download_link, expires } satisfies DailyWireAccessLink };
        },
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
