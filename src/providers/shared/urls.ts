/**
 * An absolute http(s) URL, the only kind of link handed to a client. A vendor body can
 * hold anything in its URL field (Daily puts an error string in `download_link`); a
 * `javascript:`, `file:` or relative value is never passed on.
 */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
