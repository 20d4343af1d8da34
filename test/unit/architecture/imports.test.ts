import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph of src/: no circle, and every arrow between folders runs down the layers
 * (docs/architecture.md): server -> graphql -> loaders/timeline -> providers -> http ->
 * errors/config/ids -> domain. Read from the files themselves, so a new import that runs back
 * up fails here, in `npm test`.
 */
const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import (static, dynamic, re-export) of a file, resolved to a file of src. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)'(\.[^']*)'/g)].map((m) => m[1]);
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier);
    const found = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    return found ? [found] : [];
  });
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(ROOT, file);

/** The folder a file belongs to for the layer rules: `providers`, `server`, `app.ts`, ... */
const area = (file: string) => relative(SRC, file).split('/')[0];

describe('the import graph of src/', () => {
  it('has no import circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].map(name).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  /** What each folder may import besides itself. */
  const ALLOWED: Record<string, readonly string[]> = {
    // The floor: the model and the coded errors name each other (a domain rule may refuse with a code).
    domain: ['errors'],
    errors: ['domain'],
    ids: ['domain', 'errors'],
    config: ['domain', 'errors'],
    http: ['domain', 'errors', 'config'],
    // Shared state between replicas (REDIS_URL): infrastructure on the floor of http.
    redis: ['domain', 'errors', 'config'],
    // The timeline's order and filter are the rules adapters apply to their own pages (see below).
    providers: ['domain', 'errors', 'config', 'ids', 'http', 'redis'],
    timeline: ['domain', 'errors', 'config', 'ids', 'redis', 'providers'],
    loaders: ['domain', 'errors', 'ids', 'redis', 'providers'],
    // Webhook events to subscribers (docs/subscriptions.md): verified by the adapters' webhook
    // modules, carried by the bus (in process or Redis), read by the subscription resolver.
    live: ['domain', 'errors', 'config', 'ids', 'redis', 'providers'],
    graphql: ['domain', 'errors', 'ids', 'redis', 'providers', 'loaders', 'timeline', 'live'],
    // The emulators speak the vendors' documented wire formats, typed in src/sandbox itself:
    // nothing from the adapters, so the two can disagree and a test can see it.
    sandbox: ['domain', 'errors', 'config', 'ids'],
    // The demo data is the seeds mapped by the adapters: where sandbox and providers meet.
    demo: ['domain', 'errors', 'config', 'ids', 'timeline', 'providers', 'sandbox'],
    clients: [],
    server: [
      'domain',
      'errors',
      'config',
      'ids',
      'http',
      'redis',
      'providers',
      'loaders',
      'timeline',
      'graphql',
      'sandbox',
      'live',
      'demo',
    ],
  };
  /** The one exception: adapters order and filter their pages by the timeline's own rules. */
  const SHARED_RULES = new Set(['src/timeline/order.ts', 'src/timeline/filter.ts']);

  it('imports only down the layers', () => {
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      const from = area(file);
      const allowed = ALLOWED[from];
      if (!allowed) continue; // the composition root (app.ts, index.ts) may import anything
      for (const target of imports) {
        const to = area(target);
        if (to === from || allowed.includes(to)) continue;
        if (from === 'providers' && SHARED_RULES.has(name(target))) continue;
        upward.push(`${name(file)} -> ${name(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('leaves the emulators independent of the adapters: nothing under src/sandbox imports src/providers, not even wire types', () => {
    const sandbox = files.filter((file) => area(file) === 'sandbox');
    expect(sandbox.filter((file) => file.endsWith('.emulator.ts')).length).toBeGreaterThanOrEqual(5);
    const taken = sandbox.flatMap((file) =>
      (graph.get(file) ?? []).filter((t) => area(t) === 'providers').map((t) => `${name(file)} -> ${name(t)}`),
    );
    expect(taken).toEqual([]);
  });

  it("writes each vendor's emulator from the vendor's documents: nothing under src/sandbox/<vendor>/ imports src/providers", () => {
    const vendorFiles = files.filter((file) => area(file) === 'sandbox' && relative(join(SRC, 'sandbox'), file).includes('/'));
    expect(new Set(vendorFiles.map((file) => relative(join(SRC, 'sandbox'), file).split('/')[0]))).toEqual(
      new Set(['bird', 'cloudflare', 'daily', 'signalwire', 'zoom']),
    );
    const taken = vendorFiles.flatMap((file) =>
      (graph.get(file) ?? []).filter((t) => area(t) === 'providers').map((t) => `${name(file)} -> ${name(t)}`),
    );
    expect(taken).toEqual([]);
  });
});
