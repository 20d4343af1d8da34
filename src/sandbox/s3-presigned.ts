import type { EmulatorRequest, EmulatorResponse } from './emulator';
import type { LinkSigner } from './link-signer';

/**
 * Presigned GET URLs in the shape of S3's and R2's (SigV4 query authentication: X-Amz-Algorithm,
 * -Credential, -Date, -Expires, -SignedHeaders, -Signature; AWS S3 API Reference,
 * "Authenticating Requests: Using Query Parameters"), path-style (`/<bucket>/<key>`) so one
 * loopback origin serves them. Bird's recordings sit in a regional S3 bucket and RealtimeKit's
 * in R2 (docs/vendors/bird.md, docs/vendors/cloudflare.md). The signature is the sandbox's
 * own (LinkSigner), not SigV4: nothing but the sandbox checks it.
 */
export interface PresignRequest {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** `/<bucket>/<key>`, percent-encoded as it goes in the URL. */
  path: string;
  signedAtMs: number;
  expiresSecs: number;
  /** For X-Amz-Credential: `eu-west-1` for S3, `auto` for R2. */
  region: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** An access key id in AWS's shape (AKIA + 16), the sandbox's, not a real one. */
const ACCESS_KEY_ID = 'AKIASANDBOX000000000';

/** SigV4's X-Amz-Date form: YYYYMMDDTHHMMSSZ. */
function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function amzDateMs(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

/** What the signature covers: the path and every X-Amz-* parameter but the signature, in order. */
const PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders'] as const;
const covered = (path: string, q: URLSearchParams) => [path, ...PARAMS.map((p) => q.get(p) ?? '')].join('\n');

export function presignS3Url(signer: LinkSigner, r: PresignRequest): string {
  const date = amzDate(r.signedAtMs);
  const q = new URLSearchParams({
    'X-Amz-Algorithm': ALGORITHM,
    'X-Amz-Credential': `${ACCESS_KEY_ID}/${date.slice(0, 8)}/${r.region}/s3/aws4_request`,
    'X-Amz-Date': date,
    'X-Amz-Expires': String(r.expiresSecs),
    'X-Amz-SignedHeaders': 'host',
  });
  q.set('X-Amz-Signature', signer.sign(covered(r.path, q)));
  return `${r.origin}${r.path}?${q.toString()}`;
}

/** S3's XML error body (AWS S3 API Reference, "Error responses"). */
export function s3Error(status: number, code: string, message: string, extra: Record<string, string> = {}): EmulatorResponse {
  const fields = Object.entries({ Code: code, Message: message, ...extra })
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    rawBody: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>`,
  };
}

/**
 * Null when the request carries a genuine, unexpired presigned query for its path; S3's 403
 * otherwise: `SignatureDoesNotMatch` for a changed path or parameter, `AccessDenied` "Request
 * has expired" (with X-Amz-Expires, Expires and ServerTime, as S3 sends them) once
 * X-Amz-Date + X-Amz-Expires has passed, `AccessDenied` for a URL with no signature at all.
 */
export function checkS3Presigned(signer: LinkSigner, req: EmulatorRequest, nowMs: number): EmulatorResponse | null {
  const q = req.query;
  if (!q.has('X-Amz-Signature')) return s3Error(403, 'AccessDenied', 'Access Denied');
  if (!signer.verify(covered(req.path, q), q.get('X-Amz-Signature'))) {
    return s3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  const signedAt = amzDateMs(q.get('X-Amz-Date') ?? '');
  const expires = Number(q.get('X-Amz-Expires'));
  if (signedAt === undefined || !Number.isInteger(expires)) return s3Error(403, 'AccessDenied', 'Access Denied');
  const expiresAt = signedAt + expires * 1000;
  if (nowMs >= expiresAt) {
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return s3Error(403, 'AccessDenied', 'Request has expired', {
      'X-Amz-Expires': String(expires),
      Expires: iso(expiresAt),
      ServerTime: iso(nowMs),
    });
  }
  return null;
}
