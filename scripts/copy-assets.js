// Part of `npm run build`: tsc compiles only TypeScript, so the files the server reads from
// beside its code are copied to the same place in dist: the playground's browser files
// (src/server/playground/playground-assets) and the sandbox's demo media
// (src/sandbox/media/recording.*, served at the sandbox's access links).
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
cpSync(join(root, 'src', 'server', 'playground', 'playground-assets'), join(root, 'dist', 'server', 'playground', 'playground-assets'), {
  recursive: true,
});
cpSync(join(root, 'src', 'sandbox', 'media'), join(root, 'dist', 'sandbox', 'media'), { recursive: true });
