/**
 * Deterministic pseudo-random data for the sandbox seeds: the same seed gives the same
 * demo recordings on every machine, so docs, tests and benchmarks can name them.
 * mulberry32 (public domain), small and good enough for demo data.
 */
const HEX = '0123456789abcdef';

export class SeedRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * A version-4-shaped UUID: 32 draws, the 13th shown as 4 and the 17th as a variant digit.
   * Built in one pass, as the bulk seed draws tens of thousands of them.
   */
  uuid(): string {
    let s = '';
    for (let i = 0; i < 32; i++) {
      const d = Math.floor(this.next() * 16);
      s += HEX[i === 12 ? 4 : i === 16 ? (d & 0x3) | 0x8 : d];
      if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
    }
    return s;
  }

  /** Letters and digits. */
  token(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
    return Array.from({ length }, () => alphabet[Math.floor(this.next() * alphabet.length)]).join('');
  }
}

/**
 * The sandbox's "now": 00:00 UTC of the day the process started, so every seeded time is past. Ids never depend on it,
 * so they are the same on every machine; times are recent, so the demo's links (Cloudflare's
 * 7-day download URLs) are still valid when someone tries them.
 */
export const SANDBOX_EPOCH = (() => {
  const day = new Date();
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
})();
