/**
 * An incoming `x-request-id` is kept when it is a sane token (what proxies and tracing
 * tools send: UUIDs, hex, base64-ish ids), so one id follows a request through a proxy,
 * this server and the vendors. Anything else (too long, spaces, control characters, a list
 * of values) is replaced by a fresh UUID rather than echoed into logs and headers.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : undefined;
}
