import { createHmac } from 'node:crypto';

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * The Video SDK *API* JWT (developers.zoom.us/docs/build/api-request/; rivet `JwtAuth`):
 * header HS256, claims `iss` = API key, `iat`, `exp`, signed with the API secret.
 */
export function signZoomJwt(apiKey: string, apiSecret: string, nowMs: number, lifetimeSecs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ iss: apiKey, iat, exp: iat + lifetimeSecs }));
  const signature = createHmac('sha256', apiSecret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Zoom suggests a lifetime of at most one hour. */
export const ZOOM_JWT_LIFETIME_SECS = 3600;
/** A token is replaced this long before it expires, so no call carries a dying one. */
export const ZOOM_JWT_REFRESH_MARGIN_SECS = 300;

/**
 * One cached token, reused until shortly before it expires. It is shared across requests
 * on purpose: it is our own credential, identical for every request, and the cache holds
 * exactly one entry.
 */
export function createZoomTokenSource(apiKey: string, apiSecret: string, now: () => number): () => string {
  let cached: { token: string; expiresAtMs: number } | undefined;
  return () => {
    const t = now();
    if (!cached || t >= cached.expiresAtMs - ZOOM_JWT_REFRESH_MARGIN_SECS * 1000) {
      cached = { token: signZoomJwt(apiKey, apiSecret, t, ZOOM_JWT_LIFETIME_SECS), expiresAtMs: t + ZOOM_JWT_LIFETIME_SECS * 1000 };
    }
    return cached.token;
  };
}
