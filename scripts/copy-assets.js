// Part of `npm run build`: tsc compiles only TypeScript, so the playground's browser files
// (src/server/playground/playground-assets) are copied to the same place in dist.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
cpSync(join(root, 'src', 'server', 'playground', 'playground-assets'), join(root, 'dist', 'server', 'playground', 'playground-assets'), {
  recursive: true,
});
