import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema, printAppSchema } from '../../src/graphql/build-schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema:print` after changing the schema)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });
});
