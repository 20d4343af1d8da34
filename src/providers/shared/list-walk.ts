import { PROVIDER_LABELS, type ProviderName } from '../../domain/provider-name';
import { BadUserInputError } from '../../errors/coded-error';
import type { ListedRecording, ListPage, ListPosition } from '../recording-provider';

/** Checks one field of a listing position. */
export type PositionField = (value: unknown) => boolean;

/** A non-negative safe integer (an offset, a count of items already handed out). */
export const countField: PositionField = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A string matching `pattern`, or null when `nullable`. */
export const stringField =
  (pattern: RegExp, nullable = false): PositionField =>
  (v) =>
    (nullable && v === null) || (typeof v === 'string' && pattern.test(v));

/**
 * Reads a position back: exactly the fields `shape` names, each of the right kind. The
 * listing layer signs positions, so a wrong one is a bug or a cursor from another build;
 * either way it is refused with BAD_USER_INPUT before any vendor call.
 */
export function readPosition<T extends ListPosition>(provider: ProviderName, position: ListPosition, shape: Record<keyof T & string, PositionField>): T {
  const keys = Object.keys(shape) as Array<keyof T & string>;
  const fits =
    typeof position === 'object' &&
    position !== null &&
    Object.keys(position).length === keys.length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(position, k) && shape[k](position[k]));
  if (!fits) throw new BadUserInputError(`Malformed ${PROVIDER_LABELS[provider]} listing position.`, provider);
  return position as T;
}

/** The page size to ask a vendor for: about `limit`, within its bounds 1..`max`. */
export function pageSizeFor(limit: number, max: number): number {
  return Number.isFinite(limit) ? Math.min(max, Math.max(1, Math.floor(limit))) : max;
}

/** One vendor call's worth of a listing: what it handed out and where the next one resumes. */
export interface ListStep<P extends ListPosition> {
  items: ListedRecording[];
  next: P | null;
}

/**
 * Runs `step` (one vendor call each) from `start` until it yields something or `maxCalls`
 * calls were made: an empty vendor page (an empty Zoom window, a page the local filter
 * emptied) is followed once more within the same listRecordings call, never further, so one
 * call costs at most two vendor calls (recording-provider.ts, ListQuery.limit).
 */
export async function walkSteps<P extends ListPosition>(start: P | null, step: (position: P) => Promise<ListStep<P>>, maxCalls = 2): Promise<ListPage> {
  const items: ListedRecording[] = [];
  let position = start;
  for (let calls = 0; position && calls < maxCalls && items.length === 0; calls++) {
    const page = await step(position);
    items.push(...page.items);
    position = page.next;
  }
  return { items, next: position };
}
