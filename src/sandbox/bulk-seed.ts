import { SANDBOX_EPOCH, SeedRandom } from './seed-random';

/** Bulk recordings start within the past ~6 months. */
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
 * The shape of the bulk seed (`recordingsPerVendor`): `count` recordings in sessions of 1
 * to 4, each session starting at a whole minute spread over the past ~6 months, its later
 * recordings 0, 30 or 120 s after the one before (so some start in the same second: ties,
 * which the timeline breaks by id). Distinct start times are at least 30 s apart.
 * Deterministic per seed, with its own random stream so the demo data keeps its ids;
 * cheap enough for 10,000 per vendor. Each vendor seed dresses the slots in its wire shape.
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
