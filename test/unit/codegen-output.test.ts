import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI_DIR = join(ROOT, 'node_modules', '@graphql-codegen', 'cli');
const BIN = join(
  CLI_DIR,
  (JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['graphql-codegen'],
);

/**
 * Runs GraphQL Code Generator's own check mode in `cwd`: it generates in memory from
 * codegen.yml and compares with the files on disk, writing nothing. (Its programmatic
 * API cannot be loaded inside jest: the CLI pulls in an ES-module-only dependency.)
 */
function codegenCheck(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [BIN, '--config', 'codegen.yml', '--check'], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * The committed typed clients are exactly what `codegen.yml` makes from
 * schema/schema.graphql and src/clients/operations now, so the typed-client test never checks
 * types against an old schema.
 */
describe('src/clients/generated (GraphQL Code Generator output)', () => {
  it('is up to date with codegen.yml, the schema and the operations', () => {
    const { status, output } = codegenCheck(ROOT);
    if (status !== 0) throw new Error(`src/clients/generated is stale: run npm run codegen and commit it.\n${output}`);
  });

  it('is found stale once the schema changes and codegen has not been run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-check-'));
    try {
      for (const path of ['codegen.yml', 'schema', 'src/clients/operations', 'src/clients/generated'])
        cpSync(join(ROOT, path), join(dir, path), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      expect(codegenCheck(dir).status).toBe(0);
      // A new enum value the Recording operation's result type must now admit.
      const schemaFile = join(dir, 'schema', 'schema.graphql');
      writeFileSync(schemaFile, readFileSync(schemaFile, 'utf8').replace('enum LinkDisposition {\n', 'enum LinkDisposition {\n  STREAM\n'));
      const stale = codegenCheck(dir);
      expect(stale.status).toBe(1);
      expect(stale.output).toContain('src/clients/generated/graphql.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
