/**
 * Resolves once `condition()` holds, checking every few ms; rejects after `timeoutMs`
 * (generous: it bounds a broken test, it is no timing assertion). For tests that must act
 * when something has happened (a call reached the emulator), not after a guessed sleep.
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
