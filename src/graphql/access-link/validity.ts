import { BadUserInputError } from '../../errors/coded-error';

/** accessLink's default validity, also for an explicit null. */
export const DEFAULT_VALID_FOR_SECS = 3600;

/** Bounds of `accessLink(validForSecs:)`: a second to 7 days (Zoom's ttl maximum, the longest any vendor grants). */
export const MIN_VALID_FOR_SECS = 1;
export const MAX_VALID_FOR_SECS = 604_800;

/** Whether `secs` is a validity `accessLink` accepts (the resolver refuses any other before a call). */
export function isValidForSecs(secs: unknown): secs is number {
  return typeof secs === 'number' && Number.isInteger(secs) && secs >= MIN_VALID_FOR_SECS && secs <= MAX_VALID_FOR_SECS;
}

/** The validity `accessLink` uses for its argument: the default for null, BAD_USER_INPUT out of bounds. */
export function checkValidForSecs(validForSecs: number | null | undefined): number {
  const secs = validForSecs ?? DEFAULT_VALID_FOR_SECS;
  if (!isValidForSecs(secs))
    throw new BadUserInputError(`validForSecs must be between ${MIN_VALID_FOR_SECS} and ${MAX_VALID_FOR_SECS}; got ${secs}.`);
  return secs;
}
