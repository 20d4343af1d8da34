import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SpawnedServer {
  url: string;
  /** Every line the server wrote to stdout and stderr so far. */
  output: string[];
  /** Sends a signal without waiting; `exited` resolves with the exit code. */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

const ENTRY = join(__dirname, '..', '..', 'dist', 'index.js');

/**
 * Starts the server exactly as `npm start` does after its build step (`node
 * dist/index.js`), on 127.0.0.1 and a free port, with only the given environment, and
 * waits for its "listening" log line.
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 20_000): Promise<SpawnedServer> {
  if (!existsSync(ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first (npm test does).');
  const child: ChildProcess = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        const m = /listening on (http:\/\/[^/\s]+)\/graphql/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    };
    child.stdout!.on('data', onLine);
    child.stderr!.on('data', onLine);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output.join('\n')}`));
    });
  });
  return {
    url,
    output,
    kill: (signal) => {
      child.kill(signal);
    },
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
