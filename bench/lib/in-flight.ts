import type { RequestLogEntry } from '../../src/sandbox/emulator';

/** Most calls of `log` in flight at one moment, from the emulator's own arrival and answer times. */
export function mostInFlight(log: readonly RequestLogEntry[]): number {
  const events = log.flatMap((e) => [
    { at: e.receivedAt, delta: 1 },
    { at: e.answeredAt, delta: -1 },
  ]);
  // At the same instant an answer goes before an arrival: a socket freed and reused is not two in flight.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let most = 0;
  for (const e of events) most = Math.max(most, (now += e.delta));
  return most;
}
