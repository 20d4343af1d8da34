import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface LoadResult {
  requestsPerSec: number;
  non2xx: number;
  errors: number;
}

const AUTOCANNON = join(__dirname, '..', '..', 'node_modules', 'autocannon', 'autocannon.js');

/**
 * Drives a GraphQL POST with autocannon from a second process, so the load generator
 * does not share the server's event loop.
 */
export function loadTest(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const args = [
    AUTOCANNON,
    '-j',
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    JSON.stringify(body),
  ];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      // Total over the run's real duration: slow requests that finish after a one-second
      // sample would make autocannon's per-second average read as zero.
      const result = JSON.parse(stdout) as { requests: { total: number }; duration: number; non2xx: number; errors: number };
      resolve({ requestsPerSec: result.requests.total / result.duration, non2xx: result.non2xx, errors: result.errors });
    });
  });
}

export interface SpreadLoadResult {
  requestsPerSec: number;
  /** autocannon's latency percentiles, ms. */
  p50: number;
  p97_5: number;
  non2xx: number;
  errors: number;
  /** The load generator's own CPU time over the run (process.cpuUsage). */
  cpu: NodeJS.CpuUsage;
}

/**
 * Drives `query` with autocannon from a second process (bench/lib/load-ids.ts), each request
 * with the next of `ids` as `$id`: a load spread over many recordings.
 */
export function loadTestSpread(url: string, query: string, ids: string[], seconds: number, connections: number): Promise<SpreadLoadResult> {
  const script = join(__dirname, 'load-ids.ts');
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-r', '@swc-node/register', script], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as SpreadLoadResult);
    });
    child.stdin!.end(JSON.stringify({ url, query, ids, connections, seconds }));
  });
}
