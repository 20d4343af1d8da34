/**
 * A text and every decoding of what in it looks encoded, for secret scans: a logger can
 * write bytes as a JSON array of numbers (a Buffer through JSON.stringify), as base64 or
 * base64url, or as hex, and a plain text search would see none of them.
 */
export function decodedViews(text: string): string[] {
  const views = [text];
  // A Buffer as JSON: {"type":"Buffer","data":[71,69,84,...]} or a plain array of byte values.
  for (const m of text.matchAll(/\[\s*(\d{1,3}(?:\s*,\s*\d{1,3}){3,})\s*\]/g)) {
    const bytes = m[1].split(',').map((n) => Number(n.trim()));
    if (bytes.every((b) => b <= 255)) views.push(Buffer.from(bytes).toString('latin1'));
  }
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{12,}={0,2}/g)) {
    views.push(Buffer.from(m[0], 'base64').toString('latin1'));
    views.push(Buffer.from(m[0], 'base64url').toString('latin1'));
  }
  for (const m of text.matchAll(/(?:[0-9a-fA-F]{2}){6,}/g)) views.push(Buffer.from(m[0], 'hex').toString('latin1'));
  return views;
}
