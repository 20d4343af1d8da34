import type { RecordingProvider } from '../../src/providers/recording-provider';
import type { Emulator } from '../../src/sandbox/emulator';

/**
 * What every adapter suite does around its tests: before each, reset the emulator's
 * counters and request log and clear its faults, so a test sees only its own calls; after
 * all, close the adapter's connections and the emulator, so jest exits. `get` is read when
 * the hooks run, after the suite's beforeAll started them.
 */
export function vendorLifecycle(get: () => { provider: RecordingProvider; emulator: Emulator }): void {
  afterAll(async () => {
    const { provider, emulator } = get();
    await provider.close();
    await emulator.close();
  });
  beforeEach(() => {
    const { emulator } = get();
    emulator.resetCounters();
    emulator.clearFaults();
  });
}
