import { SANDBOX_EPOCH, type SeedRandom } from './seed-random';

const DAY_MS = 86_400_000;

/**
 * Where the bulk seed (SandboxStartOptions.recordingsPerVendor) puts its recordings: from 11
 * days before SANDBOX_EPOCH back to 178 days before it, so they span six calendar months
 * (Zoom's month windows all come into play) yet stay inside Zoom's six-month default
 * look-back, and never interleave with the demo data, which is all younger than 11 days.
 */
export const BULK_NEWEST_MS = SANDBOX_EPOCH - 11 * DAY_MS;
export const BULK_OLDEST_MS = SANDBOX_EPOCH - 178 * DAY_MS;

/**
 * `count` instants, newest first, in whole seconds, strictly decreasing with gaps of at
 * least half the average spacing: a deterministic spread that never ties, so every
 * vendor's own order and the timeline agree on it.
 */
export function bulkInstants(rng: SeedRandom, count: number): number[] {
  const spacing = Math.max(2_000, Math.floor((BULK_NEWEST_MS - BULK_OLDEST_MS) / Math.max(1, count) / 1000) * 1000);
  return Array.from({ length: count }, (_, i) => BULK_NEWEST_MS - i * spacing - rng.int(0, Math.floor(spacing / 2000)) * 1000);
}
