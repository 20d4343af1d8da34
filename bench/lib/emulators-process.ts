/**
 * The five vendor emulators in a process of their own (bench/latency.ts, the Mesh-shaped
 * run), so that the server under load does not share its event loop with its vendors, as
 * GraphQL Mesh's stubs did not in issue #16's comparison. Started with `fork`, options as JSON
 * in BENCH_EMULATORS (SandboxStartOptions); writes the adapters' configs (Sandbox.providers)
 * as one JSON line on stdout when listening, then answers IPC messages:
 * - 'reset': clears every emulator's counters and log, answers { reset: true };
 * - 'stats': answers this process's CPU time (process.cpuUsage) and, per vendor, its route
 *   counters and the most calls it had in flight at once (from its log).
 */
import { startSandbox } from '../../src/sandbox/start-sandbox';
import type { SandboxStartOptions } from '../../src/sandbox/vendor-sandbox';
import { mostInFlight } from './in-flight';

async function main(): Promise<void> {
  const options = JSON.parse(process.env.BENCH_EMULATORS ?? '{}') as SandboxStartOptions;
  const sandbox = await startSandbox(options);
  process.stdout.write(`${JSON.stringify(sandbox.providers)}\n`);
  process.on('message', (message) => {
    if (message === 'reset') {
      for (const e of Object.values(sandbox.emulators)) e.resetCounters();
      process.send?.({ reset: true });
    } else if (message === 'stats') {
      const vendors = Object.fromEntries(
        Object.entries(sandbox.emulators).map(([name, e]) => [
          name,
          { counters: Object.fromEntries(e.counters), mostInFlight: mostInFlight(e.log) },
        ]),
      );
      process.send?.({ cpu: process.cpuUsage(), vendors });
    }
  });
  process.on('disconnect', () => {
    void sandbox.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
