/** Percentile of a sample by nearest rank (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** One run of `fn`: its wall time in ms. */
async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `fn` sequentially `n` times and returns each run's wall time in ms. */
export async function timeRuns(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await timeOnce(fn));
  return out;
}

/**
 * Runs each of `contenders` once per round, in turn (the order rotating from round to round),
 * for `rounds` rounds, and returns each one's p50 in ms. Interleaved, a drift of the machine's speed during the measurement (a
 * noisy neighbour, a slower phase) touches every contender alike, where runs in separate
 * blocks would credit it to whichever ran during it.
 */
export async function interleavedP50<K extends string>(
  rounds: number,
  contenders: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) {
    // Each round starts with the next contender, so none always runs first (or right after another).
    for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
      samples[name].push(await timeOnce(contenders[name]));
    }
  }
  return Object.fromEntries(names.map((n) => [n, percentile(samples[n], 50)])) as Record<K, number>;
}
