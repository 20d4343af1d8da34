import 'reflect-metadata';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import { startSandbox } from '../src/sandbox/start-sandbox';

/**
 * One replica of `npm run bench:live`: the server against the sandbox emulators, with a
 * Zoom receiver, and REDIS_URL when given, in a process apart from the driver, the
 * subscribers and the sender. The emulators run in this process too, so the CPU time and
 * memory it reports are the server's and the emulators' together. Answers the driver (fork
 * IPC): `ready` with its URL; on `stats`, its CPU time since start, RSS, heap used (after a
 * full GC, forced after reading the CPU time, when the message says `gc: true`, which the
 * driver asks only before and after the run: forced during it, GCs would be charged to the
 * server's CPU) and live subscribers; on `close`, stops.
 */
const [token, redisUrl] = process.argv.slice(2);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    ZOOM_WEBHOOK_SECRET_TOKEN: token,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  });
  const sandbox = await startSandbox({ vendorHttp: config.vendorHttp });
  const app = await startApp({ ...config, sandbox: false, providers: sandbox.providers });
  process.on('message', (message: { kind: string; gc?: boolean }) => {
    if (message.kind === 'stats') {
      // CPU first: the GC forced for this answer is not counted in it.
      const cpu = process.cpuUsage();
      if (message.gc) gc();
      process.send?.({
        kind: 'stats',
        cpuMs: (cpu.user + cpu.system) / 1000,
        rssMb: process.memoryUsage().rss / 1024 / 1024,
        heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
        subscribers: app.live.operations.subscriberCount,
        operations: app.live.operations.operationCount,
      });
    }
    if (message.kind === 'close') {
      void app
        .close()
        .then(() => sandbox.close())
        .then(() => process.exit(0));
    }
  });
  process.send?.({ kind: 'ready', url: app.url });
}

void main();
