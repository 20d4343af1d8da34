import { ChangeType, CriticalityLevel, diff, DiffRule, type Change, type Rule } from '@graphql-inspector/core';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'graphql';
import { buildAppSchema, printAppSchema } from '../src/graphql/build-schema';

const SCHEMA_PATH = 'schema/schema.graphql';

export interface SchemaChanges {
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
}

/**
 * Inspector's rule for deprecated removals, minus one thing: it also downgrades every
 * removed *type* (its check looks the type up in the new schema, where a removed type never
 * is). A removed type stays breaking here; a removed field, enum value or input field that
 * the old schema had deprecated becomes dangerous.
 */
const deprecatedRemovalIsDangerous: Rule = async (input) => {
  const suppressed = await DiffRule.suppressRemovalOfDeprecatedField(input);
  return suppressed.map((change, i) => (change.type === ChangeType.TypeRemoved ? input.changes[i] : change));
};

/**
 * Classifies every change between two versions of the published SDL with
 * `@graphql-inspector/core`. Both sides are built as federation subgraphs, so `@link` and
 * `@key` are understood rather than rejected. Removing a field that the old schema had
 * already marked `@deprecated` counts as dangerous, not breaking: that is the project's
 * rule (deprecate for one release, then remove; docs/api.md, "Schema changes").
 */
export async function diffSchemas(oldSdl: string, newSdl: string): Promise<SchemaChanges> {
  const build = (sdl: string) => buildSubgraphSchema(parse(sdl));
  const changes = await diff(build(oldSdl), build(newSdl), [deprecatedRemovalIsDangerous]);
  const of = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);
  return { breaking: of(CriticalityLevel.Breaking), dangerous: of(CriticalityLevel.Dangerous), safe: of(CriticalityLevel.NonBreaking) };
}

/** The report `npm run schema:diff` prints, one change a line, grouped by criticality. */
export function formatSchemaChanges(changes: SchemaChanges, base: string): string {
  const total = changes.breaking.length + changes.dangerous.length + changes.safe.length;
  if (total === 0) return `No schema changes against ${base}:${SCHEMA_PATH}.`;
  const group = (title: string, list: Change[]) =>
    list.length === 0
      ? []
      : [`${title} (${list.length}):`, ...list.map((c) => `  - ${c.message}${c.criticality.reason ? ` (${c.criticality.reason})` : ''}`)];
  const lines = [
    `Schema changes against ${base}:${SCHEMA_PATH}:`,
    ...group('BREAKING', changes.breaking),
    ...group('DANGEROUS', changes.dangerous),
    ...group('SAFE', changes.safe),
  ];
  if (changes.breaking.length > 0) {
    lines.push(
      '',
      'Breaking changes break existing clients. Deprecate first: keep the field or value, mark it',
      '@deprecated(reason: "...") and release; remove it in a later release (docs/api.md, "Schema changes").',
    );
  }
  return lines.join('\n');
}

/** `--base <rev>` (default HEAD): the git revision whose committed schema is the baseline. */
function baseRevision(argv: string[]): string {
  const i = argv.indexOf('--base');
  if (i === -1) return 'HEAD';
  const rev = argv[i + 1];
  if (!rev || rev.startsWith('-')) throw new Error('--base needs a git revision, e.g. --base origin/main');
  return rev;
}

/**
 * `npm run schema:diff [-- --base <rev>]`: the schema the code builds now against
 * schema/schema.graphql as committed at <rev>. Exits 1 when a change is breaking.
 */
async function main(): Promise<void> {
  const base = baseRevision(process.argv.slice(2));
  const root = join(__dirname, '..');
  let oldSdl: string;
  try {
    oldSdl = execFileSync('git', ['show', `${base}:${SCHEMA_PATH}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error(`cannot read ${SCHEMA_PATH} at git revision "${base}"`);
  }
  const changes = await diffSchemas(oldSdl, printAppSchema(await buildAppSchema()));
  console.log(formatSchemaChanges(changes, base));
  if (changes.breaking.length > 0) process.exit(1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
