/**
 * Progress of a long benchmark step, for the person watching it: done so far, the rate,
 * and the time left at that rate. Written at most every `everyMs` (and once at the end), to
 * stderr by default, so the results on stdout stay clean to copy.
 */
export interface ProgressOptions {
  /** What is being counted, e.g. "timeline walk". */
  label: string;
  /** The unit counted, plural, e.g. "pages". */
  unit: string;
  /** How many there will be, when known (an estimate is fine: ETA and the total are then approximate). */
  total?: number;
  everyMs?: number;
  write?: (line: string) => void;
  now?: () => number;
}

export interface Progress {
  /** `done` units so far; `detail` is added to the line (e.g. recordings met). */
  update(done: number, detail?: string): void;
  /** The final line, whatever the time since the last one. */
  finish(done: number, detail?: string): void;
}

/** 75 -> "1m15s", 3725 -> "1h02m", 8 -> "8s". */
export function formatDuration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { label, unit, total, everyMs = 5_000 } = options;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => Date.now());
  const started = now();
  let lastWritten = started;
  const line = (done: number, detail: string | undefined, final: boolean): string => {
    const secs = (now() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const parts = [
      `${label}: ${done.toLocaleString('en')}${total !== undefined && !final ? ` of ~${total.toLocaleString('en')}` : ''} ${unit}`,
    ];
    if (detail) parts.push(detail);
    parts.push(`${rate.toFixed(1)} ${unit}/s`);
    if (final) parts.push(`done in ${formatDuration(secs)}`);
    else if (total !== undefined && rate > 0) parts.push(`ETA ${formatDuration(Math.max(0, total - done) / rate)}`);
    return parts.join(', ');
  };
  return {
    update(done, detail) {
      if (now() - lastWritten < everyMs) return;
      lastWritten = now();
      write(line(done, detail, false));
    },
    finish(done, detail) {
      write(line(done, detail, true));
    },
  };
}
