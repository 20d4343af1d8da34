import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/app-config';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';

export interface SandboxApp {
  sandbox: Sandbox;
  app: RunningApp;
  /** Calls all five emulators received since the last reset. */
  vendorCalls(): number;
  resetCounters(): void;
  close(): Promise<void>;
}

/**
 * The five emulators plus the server pointed at them, in this process (so tests can use
 * the emulators' knobs and counters), configured from `env` like the real thing.
 */
export async function startSandboxApp(
  env: Record<string, string> = {},
  options: {
    maxConcurrency?: number;
    /** The adapter configs the server gets, from the emulators' (e.g. Daily with a customer bucket). */
    providers?: (emulated: Sandbox['providers']) => Sandbox['providers'];
  } = {},
): Promise<SandboxApp> {
  // No cross-request cache unless a test asks for it: these suites count each request's own vendor calls.
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', CACHE: 'off', ...env });
  const { providers, ...http } = options;
  const sandbox = await startSandbox({ vendorHttp: { ...config.vendorHttp, ...http } });
  const app = await startApp({ ...config, sandbox: false, providers: providers?.(sandbox.providers) ?? sandbox.providers });
  return {
    sandbox,
    app,
    vendorCalls: () => Object.values(sandbox.emulators).reduce((n, e) => n + e.totalCalls(), 0),
    resetCounters: () => Object.values(sandbox.emulators).forEach((e) => e.resetCounters()),
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}
