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
export function loadTest(url: string, body: unknown, headers: Record<string, string>, seconds: number, connections: number): Promise<LoadResult> {
  const args = [AUTOCANNON, '-j', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-b', JSON.stringify(body)];
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
