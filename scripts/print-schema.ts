import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema, printAppSchema } from '../src/graphql/build-schema';

/**
 * `npm run schema:print` writes schema/schema.graphql from the code;
 * `npm run schema:check` fails when the committed file and the code differ.
 */
async function main(): Promise<void> {
  const file = join(__dirname, '..', 'schema', 'schema.graphql');
  const sdl = printAppSchema(await buildAppSchema());
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== sdl) {
      console.error('schema/schema.graphql is out of date: run npm run schema:print and commit it.');
      process.exit(1);
    }
    console.log('schema/schema.graphql matches the code.');
    return;
  }
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
