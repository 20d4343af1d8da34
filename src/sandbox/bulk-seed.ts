import { SANDBOX_EPOCH, SeedRandom } from './seed-random';

/**
 * The bulk seed (SandboxStartOptions.recordingsPerVendor, SANDBOX_RECORDINGS_PER_VENDOR):
 * `count` more recordings per vendor in many sessions over about six months, for the
 * benchmark's timeline and the listing tests. Deterministic per seed, each vendor with a
 * random stream of its own so the demo data keeps its ids whatever the count, and cheap
 * enough for 10,000 per vendor. Each vendor seed dresses what this file draws in its wire
 * shape, in one of two shapes:
 * - Daily, SignalWire and Bird: bulkSlots, recordings that may start in the same second
 *   (ties, which the timeline breaks by id) and mix with the demo data's times.
 * - Zoom and Cloudflare: bulkStream, bulkSessionSizes and bulkInstants, times that never
 *   tie, older than every demo recording and spread over six calendar months.
 */

const DAY_MS = 86_400_000;

/** bulkSlots' recordings start within the past ~6 months. */
const SPAN_MINUTES = 182 * 24 * 60;

export interface BulkSlot {
  /** Which bulk session the recording belongs to: 0, 1, 2, ... */
  session: number;
  /** Whether it is the first recording of its session (the vendor draws the session's ids then). */
  opensSession: boolean;
  /** When it starts, ms. */
  startMs: number;
}

/**
 * The shape of the Daily, SignalWire and Bird bulk seeds: `count` recordings in sessions
 * of 1 to 4, each session starting at a whole minute spread over the past ~6 months, its
 * later recordings 0, 30 or 120 s after the one before (so some start in the same second:
 * ties, which the timeline breaks by id). Distinct start times are at least 30 s apart.
 * `salt` gives each vendor its own random stream, which the vendor goes on drawing from.
 */
export function bulkSlots(seed: number, count: number, salt: number): { rng: SeedRandom; slots: BulkSlot[] } {
  const rng = new SeedRandom((Math.imul(seed, 0x9e3779b1) ^ salt) >>> 0);
  const slots: BulkSlot[] = [];
  let session = -1;
  let left = 0;
  let at = 0;
  while (slots.length < count) {
    const opensSession = left === 0;
    if (opensSession) {
      session += 1;
      left = rng.int(1, 4);
      at = SANDBOX_EPOCH - rng.int(60, SPAN_MINUTES) * 60_000;
    } else {
      at += rng.pick([0, 30_000, 120_000]);
    }
    left -= 1;
    slots.push({ session, opensSession, startMs: at });
  }
  return { rng, slots };
}

/** The Zoom and Cloudflare bulk seeds' random stream; `offset` tells the vendors apart. */
export function bulkStream(seed: number, offset: number): SeedRandom {
  return new SeedRandom(seed * 7_919 + offset);
}

/** `count` recordings cut into sessions of 1 to `most`, in order; the last may be smaller. */
export function bulkSessionSizes(rng: SeedRandom, count: number, most: number): number[] {
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= sizes[sizes.length - 1]) sizes.push(Math.min(left, rng.int(1, most)));
  return sizes;
}

/**
 * Where bulkInstants puts its times: from 11 days before SANDBOX_EPOCH back to 178 days
 * before it, so they span six calendar months (Zoom's month windows all come into play)
 * yet stay inside Zoom's six-month default look-back, and never interleave with the demo
 * data, which is all younger than 11 days.
 */
const BULK_NEWEST_MS = SANDBOX_EPOCH - 11 * DAY_MS;
const BULK_OLDEST_MS = SANDBOX_EPOCH - 178 * DAY_MS;

/**
 * `count` instants, newest first, in whole seconds, strictly decreasing with gaps of at
 * least half the average spacing: a deterministic spread that never ties, so every
 * vendor's own order and the timeline agree on it.
 */
export function bulkInstants(rng: SeedRandom, count: number): number[] {
  const spacing = Math.max(2_000, Math.floor((BULK_NEWEST_MS - BULK_OLDEST_MS) / Math.max(1, count) / 1000) * 1000);
  return Array.from({ length: count }, (_, i) => BULK_NEWEST_MS - i * spacing - rng.int(0, Math.floor(spacing / 2000)) * 1000);
}
