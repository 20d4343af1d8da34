import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const OPERATIONS = join(ROOT, 'src', 'clients', 'operations');

describe('the README', () => {
  it('shows every example operation that the typed clients are generated from, verbatim', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1].trim());
    const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      // The file's leading comment says where it comes from; the operation itself must match.
      const operation = readFileSync(join(OPERATIONS, file), 'utf8').replace(/^#.*\n/gm, '').trim();
      if (!blocks.includes(operation)) throw new Error(`README.md has no graphql block equal to src/clients/operations/${file}: keep the "Examples" and the file in step`);
    }
  });
});
