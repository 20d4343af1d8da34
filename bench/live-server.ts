import 'reflect-metadata';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import { startSandbox } from '../src/sandbox/start-sandbox';

/**
 * One replica of `npm run bench:live`, in a process of its own (so its CPU and memory are
 * its own): the server against the sandbox emulators, with a Zoom receiver, and REDIS_URL
 * when given. Answers the driver (fork IPC): `ready` with its URL; on `stats`, its CPU time
 * since start, RSS, heap after a full GC and live subscribers; on `close`, stops.
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
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'stats') {
      gc();
      const cpu = process.cpuUsage();
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
