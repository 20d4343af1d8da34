import 'reflect-metadata';
import { startApp } from './app';
import { loadConfig } from './app-config';
import { ConfigError } from './config';

/**
 * A last resort past the grace period, should closing the pools or emulators hang: the
 * process must not outlive what an orchestrator allows after SIGTERM.
 */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * `npm start`: load and validate the configuration, start, and shut down cleanly on
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish within SHUTDOWN_GRACE_MS,
 * close vendor connections, exit 0 (1 when requests had to be cut or closing failed).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`recording-graph refuses to start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), config.shutdownGraceMs + CLOSE_TIMEOUT_MS).unref();
    app.close(config.shutdownGraceMs).then(
      ({ forced }) => process.exit(forced ? 1 : 0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`recording-graph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
