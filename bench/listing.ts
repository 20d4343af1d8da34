import { request } from 'undici';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import { PROVIDER_NAMES } from '../src/domain/provider-name';
import { demoRecordings } from '../src/demo/demo-data';
import { startSandbox } from '../src/sandbox/start-sandbox';
import { createProgress } from './lib/progress';
import { percentile } from './lib/stats';

const PAGE_QUERY = `query Page($after: String) {
  recordings(first: 50, after: $after) { edges { cursor node { id provider status startedAt } } pageInfo { hasNextPage endCursor } }
}`;

interface PageSample {
  calls: number;
  ms: number;
}

const MB = 1024 * 1024;

/** Heap in use after a full collection (`--expose-gc`, set by `npm run bench`), in MB. */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed / MB;
}

/** Mean of the samples in [from, to) of the walk, by position. */
const slice = (samples: PageSample[], from: number, to: number, pick: (s: PageSample) => number): number[] =>
  samples
    .slice(Math.floor(samples.length * from), Math.max(Math.floor(samples.length * from) + 1, Math.floor(samples.length * to)))
    .map(pick);

/**
 * Scenario 6 (issue: browsing): walks every page of a timeline of `perVendor` generated
 * recordings per vendor (plus the demo data) with `first: 50`, from the first cursor to the
 * last, and reports vendor calls and latency per page, by depth, and the heap after GC at
 * each quarter of the walk. The targets: calls per page bounded by a constant whatever the
 * depth, and a flat heap. It also checks the walk met every recording exactly once.
 */
export async function listingScenario(latencyMs: number, perVendor: number): Promise<string[]> {
  process.stderr.write(`timeline walk: seeding ${perVendor.toLocaleString('en')} recordings per vendor\n`);
  const sandbox = await startSandbox({ latencyMs, recordingsPerVendor: perVendor });
  const app = await startApp({
    ...loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' }),
    sandbox: false,
    providers: sandbox.providers,
  });
  const expected = Object.values(demoRecordings(1, perVendor)).reduce((n, list) => n + list.length, 0);
  const totalCalls = () => PROVIDER_NAMES.reduce((n, p) => n + sandbox.emulators[p].totalCalls(), 0);
  const samples: PageSample[] = [];
  const heap: number[] = [heapAfterGc()];
  const seen = new Set<string>();
  let after: string | null = null;
  let duplicates = 0;
  // Pages of 50 over every recording (merged heads can end a page early: an estimate).
  const progress = createProgress({ label: 'timeline walk', unit: 'pages', total: Math.ceil(expected / 50) });
  const started = process.hrtime.bigint();
  try {
    for (;;) {
      // The emulators keep a request log for tests; a walk of a thousand pages would grow it.
      for (const e of Object.values(sandbox.emulators)) e.log.length = 0;
      const before = totalCalls();
      const t0 = process.hrtime.bigint();
      const res = await request(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: PAGE_QUERY, variables: { after } }),
      });
      const body = (await res.body.json()) as {
        data?: { recordings: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        errors?: unknown[];
      };
      samples.push({ calls: totalCalls() - before, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
      if (body.errors?.length || !body.data) throw new Error(`page ${samples.length}: ${JSON.stringify(body.errors).slice(0, 300)}`);
      for (const edge of body.data.recordings.edges) {
        if (seen.has(edge.node.id)) duplicates++;
        seen.add(edge.node.id);
      }
      const { hasNextPage, endCursor } = body.data.recordings.pageInfo;
      if (samples.length % 250 === 0) heap.push(heapAfterGc());
      progress.update(samples.length, `${seen.size.toLocaleString('en')} of ${expected.toLocaleString('en')} recordings`);
      if (!hasNextPage) break;
      after = endCursor;
    }
  } finally {
    await app.close();
    await sandbox.close();
  }
  progress.finish(samples.length, `${seen.size.toLocaleString('en')} of ${expected.toLocaleString('en')} recordings`);
  heap.push(heapAfterGc());
  // The walk's own check: a timeline that loses or repeats a recording fails the benchmark.
  if (seen.size !== expected || duplicates > 0) {
    throw new Error(`the walk met ${seen.size} of ${expected} recordings with ${duplicates} duplicates`);
  }
  const walkSecs = Number(process.hrtime.bigint() - started) / 1e9;
  const calls = samples.map((s) => s.calls);
  const fmt = (n: number) => n.toFixed(1);
  const depthRow = (label: string, from: number, to: number) => {
    const c = slice(samples, from, to, (s) => s.calls);
    const ms = slice(samples, from, to, (s) => s.ms);
    return `| ${label} | ${fmt(c.reduce((a, b) => a + b, 0) / c.length)} | ${Math.max(...c)} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 95))} |`;
  };
  return [
    `Scenario 6, the timeline: ${perVendor.toLocaleString('en')} generated recordings per vendor plus the demo data, walked with first: 50 at ${latencyMs} ms vendor latency.`,
    `Pages: ${samples.length}; recordings met: ${seen.size} of ${expected} (duplicates: ${duplicates}); walk: ${fmt(walkSecs)} s; vendor calls: ${calls.reduce((a, b) => a + b, 0)} (most on one page: ${Math.max(...calls)}).`,
    '',
    '| pages (by depth) | vendor calls / page (mean) | most | p50 ms | p95 ms |',
    '| --- | --- | --- | --- | --- |',
    depthRow('first 10%', 0, 0.1),
    depthRow('40-50%', 0.4, 0.5),
    depthRow('last 10%', 0.9, 1),
    '',
    `Heap after GC while walking (MB, every 250 pages): ${heap.map(fmt).join(', ')}; growth start to end: ${fmt(heap[heap.length - 1] - heap[0])} MB.`,
  ];
}
