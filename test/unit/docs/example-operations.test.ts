import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allDocs, readDoc, ROOT } from '../../support/docs';

const OPERATIONS = join(ROOT, 'src', 'clients', 'operations');

describe('the docs', () => {
  it('show every example operation that the typed clients are generated from, verbatim', () => {
    const blocks = [...allDocs().matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1].trim());
    const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      // The file's leading comment says where it comes from; the operation itself must match.
      const operation = readFileSync(join(OPERATIONS, file), 'utf8')
        .replace(/^#.*\n/gm, '')
        .trim();
      if (!blocks.includes(operation))
        throw new Error(
          `No graphql block in README.md or docs/ equals src/clients/operations/${file}: keep the page its comment names and the file in step`,
        );
    }
  });

  it('show the typed-client example as it is in examples/', () => {
    const example = readFileSync(join(ROOT, 'examples', 'typed-client.ts'), 'utf8');
    const blocks = [...readDoc('docs/typed-clients.md').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toContain(example);
  });
});
