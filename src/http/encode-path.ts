/**
 * A template tag that percent-encodes every interpolated value, so a vendor key can
 * never add a path segment, a query or a fragment: encodePath`/recordings/${id}`.
 */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((out, literal, i) => out + literal + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string>;

/** Builds `?a=1&b=2`, skipping undefined and null; arrays repeat the key. '' when empty. */
export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
