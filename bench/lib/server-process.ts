import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { freePort } from '../../test/support/free-port';

/** The production entry the benchmarks run: `npm run build` makes it. */
export const SERVER_ENTRY = join(__dirname, '..', '..', 'dist', 'index.js');

export interface ServerProcess {
  url: string;
  /** CPU time (user + system) the process has used so far, in ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Node flags before the entry (`--cpu-prof`, `--max-semi-space-size=…`). */
  nodeFlags?: string[];
  /** A script to run instead of dist/index.js (the bare reference's process). */
  entry?: string;
}

/**
 * `node dist/index.js` (or `entry`) as a process of its own on a free port, quiet
 * (LOG_LEVEL=warn), ready when /readyz answers 200 (and, with REDIS_URL, Redis is connected).
 * `env` is all it gets besides PATH, NODE_ENV=test, HOST and PORT: what an operator would set.
 */
export async function startServerProcess(env: Record<string, string>, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const entry = options.entry ?? SERVER_ENTRY;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeFlags ?? []), entry], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      const res = await request(`${url}/readyz`);
      const body = (await res.body.json()) as { redis?: string };
      if (res.statusCode === 200 && (env.REDIS_URL === undefined || body.redis === 'connected')) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}) before it was ready`);
    if (i > 400) throw new Error(`${entry} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A process's CPU time so far (utime + stime in /proc/<pid>/stat, in clock ticks of 10 ms). */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
