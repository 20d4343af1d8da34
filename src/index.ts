import 'reflect-metadata';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';

/** `npm start`: load and validate the configuration, start, and shut down cleanly on SIGTERM/SIGINT. */
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
    app.close().then(
      () => process.exit(0),
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
