import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';

/**
 * GraphiQL 4 served from the installed packages, no CDN and no bundler: graphiql 4.x is the
 * last line that publishes a UMD browser bundle (dist/index.umd.js, React and ReactDOM as
 * globals); 5.x is ESM-only with Monaco web workers and needs a bundler or esm.sh. React 18
 * is the last React with UMD builds (19 dropped them). The page itself is one static HTML
 * document plus a small bootstrap file, so the Content-Security-Policy can forbid every
 * inline script and every other origin.
 */
export const PLAYGROUND_ASSETS_PREFIX = '/graphql/assets/';

/**
 * Only our own origin; fonts and a few icons in GraphiQL's CSS are data: URLs. No inline
 * script or style at all: settings travel in a JSON data block, which is not executed.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PlaygroundTab {
  query: string;
  variables?: string;
}

export interface PlaygroundOptions {
  /** The example operations, one tab each. */
  tabs: PlaygroundTab[];
  /** API_KEYS is set: the headers editor opens with an Authorization placeholder. */
  apiKeyRequired: boolean;
}

interface Asset {
  body: Buffer;
  type: string;
}

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

// Browser files, not compiled: beside this module in src, and copied beside it into dist by
// `npm run build` (scripts/copy-assets.js), so a deployment of dist alone has them.
const STATIC_DIR = join(__dirname, 'playground-assets');

/** Read once at start: about 1.6 MB, and a missing file fails start-up rather than a page load. */
function loadAssets(): Map<string, Asset> {
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  const files: Array<[string, string, string]> = [
    ['react.js', packageFile('react', 'umd/react.production.min.js'), js],
    ['react-dom.js', packageFile('react-dom', 'umd/react-dom.production.min.js'), js],
    ['graphiql.js', packageFile('graphiql', 'dist/index.umd.js'), js],
    ['graphiql.css', packageFile('graphiql', 'dist/style.css'), css],
    // graphql-ws's browser bundle (global `graphqlWs`): the playground's subscriptions.
    ['graphql-ws.js', packageFile('graphql-ws', 'umd/graphql-ws.min.js'), js],
    ['playground.js', join(STATIC_DIR, 'playground.js'), js],
    ['playground.css', join(STATIC_DIR, 'playground.css'), css],
  ];
  return new Map(files.map(([name, path, type]) => [name, { body: readFileSync(path), type }]));
}

/** `<` escaped so the JSON cannot close its script element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function page(options: PlaygroundOptions): string {
  const headers = options.apiKeyRequired ? JSON.stringify({ Authorization: 'Bearer <one of API_KEYS>' }, null, 2) : null;
  // Each tab carries the headers too: GraphiQL gives `defaultHeaders` to the first tab only.
  const config = { tabs: options.tabs.map((tab) => ({ ...tab, ...(headers ? { headers } : {}) })), headers };
  // Relative asset URLs: the page lives at .../graphql, so they resolve under it, also behind a path prefix.
  const assets = 'graphql/assets';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>recording-graph playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets}/graphiql.css">
<link rel="stylesheet" href="${assets}/playground.css">
</head>
<body>
<div id="graphiql">Loading the playground…</div>
<script id="playground-config" type="application/json">${jsonForScript(config)}</script>
<script src="${assets}/react.js"></script>
<script src="${assets}/react-dom.js"></script>
<script src="${assets}/graphiql.js"></script>
<script src="${assets}/graphql-ws.js"></script>
<script src="${assets}/playground.js"></script>
</body>
</html>
`;
}

/**
 * A browser navigating to the GraphQL route: a GET that accepts HTML and none of the GraphQL
 * response types. GraphQL-over-HTTP GETs ask for application/graphql-response+json or
 * application/json and keep reaching Apollo Server. No URL test: the hook below is added to
 * the GraphQL route's own context, so the route has already been matched.
 */
function wantsPlayground(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !/application\/(graphql-response\+)?json/.test(accept);
}

/**
 * An onRequest hook for the GraphQL route that answers a browser's GET with GraphiQL before
 * the API key check and Apollo Server run: the page holds no data, and the queries it sends
 * carry the key.
 */
export function playgroundPage(options: PlaygroundOptions): onRequestAsyncHookHandler {
  const html = page(options);
  return async (request, reply) => {
    if (!wantsPlayground(request)) return;
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PLAYGROUND_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(html); // cache-control: no-store, like every answer (create-server.ts)
  };
}

/** The page's own files under /graphql/assets/: static, no data, so outside the API key's context. */
export function registerPlaygroundAssets(app: FastifyInstance): void {
  const assets = loadAssets();
  app.get<{ Params: { file: string } }>(`${PLAYGROUND_ASSETS_PREFIX}:file`, async (request, reply) => {
    const asset = assets.get(request.params.file);
    if (!asset) return reply.code(404).send({ error: 'no such playground asset' });
    return reply
      .header('content-type', asset.type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=3600')
      .send(asset.body);
  });
}
