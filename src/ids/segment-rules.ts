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
}

export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Letters, digits, `_` and `-`: opaque vendor ids, room names. */
export const OPAQUE_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

export function uuidRule(name: string): SegmentRule {
  return { name: `${name} (a UUID)`, pattern: UUID };
}

/**
 * Checks segments against one of several accepted shapes (a shape is a list of rules, one
 * per segment). Throws BadUserInputError naming the vendor and the expected shape.
 */
export function expectSegments(
  provider: ProviderName,
  type: 'Recording' | 'Session',
  segments: readonly string[],
  shapes: ReadonlyArray<readonly SegmentRule[]>,
): void {
  const fits = shapes.some(
    (shape) => shape.length === segments.length && shape.every((rule, i) => rule.pattern.test(segments[i])),
  );
  if (fits) return;
  const described = shapes.map((shape) => shape.map((r) => `<${r.name}>`).join('/')).join(' or ');
  throw new BadUserInputError(
    `Malformed ${PROVIDER_LABELS[provider]} ${type.toLowerCase()} id: expected ${type}/${provider}/${described}.`,
    provider,
  );
}
