import { BadUserInputError } from '../errors/coded-error';
import { PROVIDER_LABELS, type ProviderName } from '../domain/provider-name';

/**
 * Vendor id patterns, checked on every decoded global-id segment before it can reach a
 * URL. Dots are never allowed: encodeURIComponent leaves `.` and `..` as they are, and a
 * URL parser would resolve them (docs/api.md#global-ids).
 */
export interface SegmentRule {
  /** What the segment is, for the error message (e.g. "recording id (UUID)"). */
  name: string;
  pattern: RegExp;
  /** A fixed word (`call`, `conference`), never a vendor's id: held to its pattern even in an issued id. */
  literal?: boolean;
}

/**
 * A vendor id the server handed out in an id although it is outside the documented pattern
 * (a vendor list returned it): what such a segment must still be, since encodePath puts it
 * in a URL path as one segment. Never `.` or `..`, no `/` or `\` (a vendor decoding `%2F`
 * would read a path), no control character, at most 512 characters.
 */
export function isSafeIssuedSegment(segment: string): boolean {
  return (
    segment.length >= 1 &&
    segment.length <= 512 &&
    segment !== '.' &&
    segment !== '..' &&
    !/[/\\]/.test(segment) &&
    ![...segment].some((c) => c < ' ' || c === '\x7f')
  );
}

export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Letters, digits, `_` and `-`: opaque vendor ids, room names. */
export const OPAQUE_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

export function uuidRule(name: string): SegmentRule {
  return { name: `${name} (a UUID)`, pattern: UUID };
}

/**
 * Checks segments against one of several accepted shapes (a shape is a list of rules, one
 * per segment). Throws BadUserInputError naming the vendor and the expected shape. `issued`:
 * the id came in the form the server writes for vendor ids outside their pattern
 * (src/ids/global-id.ts): its id segments need only be safe (isSafeIssuedSegment), so every
 * id the server hands out is accepted back; the shape and the fixed words still hold.
 */
export function expectSegments(
  provider: ProviderName,
  type: 'Recording' | 'Session',
  segments: readonly string[],
  shapes: ReadonlyArray<readonly SegmentRule[]>,
  issued = false,
): void {
  const fitsRule = (rule: SegmentRule, segment: string) =>
    rule.pattern.test(segment) || (issued && !rule.literal && isSafeIssuedSegment(segment));
  const fits = shapes.some((shape) => shape.length === segments.length && shape.every((rule, i) => fitsRule(rule, segments[i])));
  if (fits) return;
  const described = shapes.map((shape) => shape.map((r) => `<${r.name}>`).join('/')).join(' or ');
  throw new BadUserInputError(
    `Malformed ${PROVIDER_LABELS[provider]} ${type.toLowerCase()} id: expected ${type}/${provider}/${described}.`,
    provider,
  );
}
