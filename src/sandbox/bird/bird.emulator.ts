import { decodeParam, originOf, startEmulator, type EmulatorRequest, type EmulatorResponse, type EmulatorSpec } from '../emulator';
import { sandboxCommon, type SandboxStartOptions, type VendorSandbox } from '../vendor-sandbox';
import { birdListOrder, birdListTime, seedBird, type BirdDataset } from './bird.seed';
import { byIdIn } from '../list-order';
import { createLinkSigner, type LinkSigner } from '../link-signer';
import { mediaFile } from '../media-files';
import { checkS3Presigned, presignS3Url, s3Error } from '../s3-presigned';
import { serveMedia } from '../serve-media';
import type { BirdWireError, BirdWireParty, BirdWireRecording } from './bird.wire';

export const BIRD_SANDBOX_ACCESS_KEY = 'sandbox-bird-access-key';
export const BIRD_SANDBOX_WORKSPACE_ID = '8bc02f53-87ac-48d2-b4fd-c2cf856a305f';

/** list-recordings OpenAPI: limit 1..99, default 10; pageToken at most 8000 characters. */
const MAX_LIMIT = 99;
const DEFAULT_LIMIT = 10;
const MAX_PAGE_TOKEN = 8000;
/** The presign lifetime the seed document shows (X-Amz-Expires=600). */
const PRESIGN_SECS = 600;
/**
 * The get-a-recording example's regional bucket (account id zeroed), in eu-west-1. Its
 * presigned URLs point at this emulator, path-style (`/<bucket>/<key>`), and it serves the
 * file there (docs/sandbox.md, "Access links").
 */
const S3_BUCKET = 'regional--voice-recordings--000000000000--euw1';
const S3_REGION = 'eu-west-1';

/** A UUID as the OpenAPI's `format: uuid` means it (any version). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Error bodies: the `error.detailed` schema of Bird's Voice OpenAPI (`{code, message,
 * details}`, get-a-call-recording), with 404 "not found" and 422 "did not pass validation"
 * as get-a-recording documents them (docs/vendors/bird.md, "Errors").
 */
const error = (status: number, code: string, message: string, details?: Record<string, unknown>): EmulatorResponse => {
  const body: BirdWireError = details ? { code, message, details } : { code, message };
  return { status, body };
};
const invalid = (field: string, message: string) =>
  error(422, 'InvalidParameter', 'The request did not pass validation', { [field]: [message] });

/**
 * Whether a request's Accept takes something other than JSON. The same resource answers
 * JSON metadata or the 307 to the file (get-a-recording lists both); the emulator sends the
 * 307 unless the caller asked for JSON alone.
 */
function acceptsMedia(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const type = part.split(';')[0].trim().toLowerCase();
    return type !== 'application/json' && type !== '';
  });
}

export interface BirdEmulatorOptions {
  accessKey: string;
  workspaceId: string;
  /** The emulator's clock for X-Amz-Date; tests pin it. */
  now?: () => number;
}

/** The object key the get-a-recording example shows: `workspaceID:<ws>/sourceID:<source>/<id>.mp3`. */
const objectPath = (workspaceId: string, rec: BirdWireRecording) =>
  `/${S3_BUCKET}/workspaceID%3A${workspaceId}/sourceID%3A${rec.sourceId}/${rec.id}.mp3`;

function presignedUrl(signer: LinkSigner, origin: string, workspaceId: string, rec: BirdWireRecording, nowMs: number): string {
  return presignS3Url(signer, {
    origin,
    path: objectPath(workspaceId, rec),
    signedAtMs: nowMs,
    expiresSecs: PRESIGN_SECS,
    region: S3_REGION,
  });
}

function partyMatches(party: BirdWireParty | undefined, wanted: string): boolean {
  const n = party?.number;
  return !!n && (n.number === wanted || n.identity === wanted || n.number === wanted.replace(/^\+/, ''));
}

/** The opaque cursor: base64url of the next offset. */
const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
function decodeToken(token: string): number | undefined {
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

function list(data: BirdDataset, req: EmulatorRequest): EmulatorResponse {
  const q = req.query;
  const limitRaw = q.get('limit');
  const limit = limitRaw === null ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return invalid('limit', `limit must be 1..${MAX_LIMIT}`);
  for (const name of ['sourceId', 'channelId', 'id']) {
    const v = q.get(name);
    if (v !== null && !UUID.test(v)) return invalid(name, `${name} must be a uuid`);
  }
  const direction = q.get('direction');
  if (direction !== null && direction !== 'incoming' && direction !== 'outgoing')
    return invalid('direction', 'direction must be incoming or outgoing');
  const bounds: Record<string, number> = {};
  for (const name of ['startAt', 'endAt']) {
    const v = q.get(name);
    if (v === null) continue;
    const ms = Date.parse(v);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(ms)) return invalid(name, `${name} must be a date-time`);
    bounds[name] = ms;
  }
  const token = q.get('pageToken');
  let offset = 0;
  if (token !== null && token !== '') {
    const decoded = token.length <= MAX_PAGE_TOKEN ? decodeToken(token) : undefined;
    if (decoded === undefined) return invalid('pageToken', 'pageToken is not valid');
    offset = decoded;
  }
  const from = q.get('from');
  const to = q.get('to');
  const items = birdListOrder(data.recordings).filter((r) => {
    const at = birdListTime(r) ?? Number.NaN;
    return (
      (!q.has('sourceId') || r.sourceId === q.get('sourceId')) &&
      (!q.has('channelId') || r.channelId === q.get('channelId')) &&
      (!q.has('id') || (r.source === 'call' && r.sourceId === q.get('id'))) &&
      (direction === null || r.direction === direction) &&
      (bounds.startAt === undefined || at >= bounds.startAt) &&
      (bounds.endAt === undefined || at <= bounds.endAt) &&
      (from === null || partyMatches(r.originator, from)) &&
      (to === null || partyMatches(r.receiver, to))
    );
  });
  const page = items.slice(offset, offset + limit);
  const more = offset + limit < items.length;
  // The list example leaves `url` out; items are sent as stored.
  return { status: 200, body: { results: page, nextPageToken: more ? encodeToken(offset + limit) : '' } };
}

/**
 * Bird workspace Voice API emulator (docs/vendors/bird.md): `Authorization: AccessKey <key>`
 * (401 otherwise), 404 for another workspace, GET …/recordings (filters, startAt/endAt
 * inclusive on the start or else creation time, limit 1..99 default 10 and 422 otherwise,
 * opaque pageToken, `{results, nextPageToken}`, newest first then by id), GET …/recordings/{id} (the documented
 * object with a fresh presigned `url` once available), and GET …/recordings/{id}.mp3
 * answering 307 to a presigned regional S3 URL valid for 600 s (the metadata when the
 * caller accepts JSON only). The presigned URL points back at this emulator, which serves
 * the MP3 there as S3 does (ranges; 403 once expired or changed). Nothing here is imported
 * from the adapter (src/providers).
 */
export function birdEmulatorSpec(data: BirdDataset, options: BirdEmulatorOptions): EmulatorSpec {
  const now = options.now ?? Date.now;
  const signer = createLinkSigner();
  const byId = () => byIdIn(data.recordings, (r) => r.id);
  const inWorkspace = (raw: string) => decodeParam(raw) === options.workspaceId;
  /** The get example's body: the stored object, with a fresh presigned `url` once the file is available. */
  const metadata = (req: EmulatorRequest, rec: BirdWireRecording): EmulatorResponse => ({
    status: 200,
    body: rec.status === 'available' ? { ...rec, url: presignedUrl(signer, originOf(req), options.workspaceId, rec, now()) } : rec,
  });
  const notFound = () => error(404, 'NotFound', 'The requested resource was not found');
  return {
    vendor: 'bird',
    authorize(req) {
      const m = /^AccessKey (.+)$/.exec(req.headers.authorization ?? '');
      return m?.[1] === options.accessKey ? null : error(401, 'Unauthorized', 'Invalid or missing access key');
    },
    notFound,
    rateLimited: (): BirdWireError => ({ code: 'TooManyRequests', message: 'Rate limit exceeded' }),
    serverError: (): BirdWireError => ({ code: 'InternalServerError', message: 'Internal error' }),
    routes: [
      {
        name: 'recordings.list',
        method: 'GET',
        pattern: /^\/workspaces\/([^/]+)\/recordings\/?$/,
        handle: (req, [ws]) => (inWorkspace(ws) ? list(data, req) : notFound()),
      },
      {
        name: 'recordings.media',
        method: 'GET',
        pattern: /^\/workspaces\/([^/]+)\/recordings\/([^/]+)\.mp3$/,
        handle(req, [ws, rawId]) {
          const rec = inWorkspace(ws) ? byId().get(decodeParam(rawId) ?? '') : undefined;
          if (!rec) return notFound();
          if (!acceptsMedia(req.headers.accept)) return metadata(req, rec);
          const omit = data.extras.get(rec.id)?.omitLocation;
          return { status: 307, headers: omit ? {} : { location: presignedUrl(signer, originOf(req), options.workspaceId, rec, now()) } };
        },
      },
      {
        name: 'recordings.get',
        method: 'GET',
        pattern: /^\/workspaces\/([^/]+)\/recordings\/([^/]+)$/,
        handle(req, [ws, rawId]) {
          const rec = inWorkspace(ws) ? byId().get(decodeParam(rawId) ?? '') : undefined;
          return rec ? metadata(req, rec) : notFound();
        },
      },
      {
        // The S3 object a presigned URL names: the MP3, or S3's 403 for a changed or expired URL.
        name: 'media.s3-object',
        method: 'GET',
        pattern: new RegExp(`^/${S3_BUCKET}/workspaceID%3A([^/]+)/sourceID%3A([^/]+)/([^/]+)\\.mp3$`),
        handle(req, [ws, source, rawId]) {
          const refused = checkS3Presigned(signer, req, now());
          if (refused) return refused;
          const rec = inWorkspace(ws) ? byId().get(decodeParam(rawId) ?? '') : undefined;
          if (!rec || rec.sourceId !== decodeParam(source) || rec.status !== 'available')
            return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
          return serveMedia(req, mediaFile('mp3'));
        },
      },
    ],
  };
}

export async function startBirdSandbox(
  options: SandboxStartOptions = {},
  data: BirdDataset = seedBird(options.seed, options),
): Promise<VendorSandbox<'accessKey' | 'workspaceId'> & { data: BirdDataset }> {
  const emulator = await startEmulator(
    birdEmulatorSpec(data, { accessKey: BIRD_SANDBOX_ACCESS_KEY, workspaceId: BIRD_SANDBOX_WORKSPACE_ID }),
    options,
  );
  return {
    emulator,
    data,
    config: {
      ...sandboxCommon('bird', emulator.url, options.vendorHttp),
      accessKey: BIRD_SANDBOX_ACCESS_KEY,
      workspaceId: BIRD_SANDBOX_WORKSPACE_ID,
    },
  };
}
