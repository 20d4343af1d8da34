// Part of `npm run build`: tsc compiles only TypeScript, so the playground's browser files
// (src/server/playground-assets) are copied to the same place in dist.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
cpSync(join(root, 'src', 'server', 'playground-assets'), join(root, 'dist', 'server', 'playground-assets'), { recursive: true });
