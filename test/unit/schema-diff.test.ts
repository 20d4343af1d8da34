import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSchemas, formatSchemaChanges } from '../../scripts/schema-diff';

/** The committed contract, edited below the way a pull request would edit it. */
const CURRENT = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');

function edit(sdl: string, from: string, to: string): string {
  if (!sdl.includes(from)) throw new Error(`the schema no longer contains ${JSON.stringify(from)}: update this test`);
  return sdl.replace(from, to);
}

const paths = (changes: Array<{ path?: string }>) => changes.map((c) => c.path);

describe('npm run schema:diff (scripts/schema-diff.ts)', () => {
  it('finds nothing between a schema and itself', async () => {
    const changes = await diffSchemas(CURRENT, CURRENT);
    expect(changes).toEqual({ breaking: [], dangerous: [], safe: [] });
    expect(formatSchemaChanges(changes, 'HEAD')).toBe('No schema changes against HEAD:schema/schema.graphql.');
  });

  it('flags a removed field as breaking, and says to deprecate first', async () => {
    const changes = await diffSchemas(
      CURRENT,
      edit(
        CURRENT,
        '  nativeId: ID!\n  provider: Provider!\n\n  """The vendor\'s raw status value."""',
        '  provider: Provider!\n\n  """The vendor\'s raw status value."""',
      ),
    );
    expect(paths(changes.breaking)).toEqual(['Recording.nativeId']);
    const report = formatSchemaChanges(changes, 'HEAD');
    expect(report).toMatch(/^BREAKING \(1\):\n {2}- Field 'nativeId' was removed from object type 'Recording'/m);
    expect(report).toContain('@deprecated(reason:');
  });

  it("flags a field's changed type as breaking", async () => {
    const changes = await diffSchemas(CURRENT, edit(CURRENT, '  durationSecs: Int\n  endedAt', '  durationSecs: String\n  endedAt'));
    expect(paths(changes.breaking)).toEqual(['Recording.durationSecs']);
  });

  it('flags a list that may now be null as breaking', async () => {
    const changes = await diffSchemas(CURRENT, edit(CURRENT, 'recordings: [Recording!]!', 'recordings: [Recording!]'));
    expect(paths(changes.breaking)).toEqual(['Session.recordings']);
  });

  it('flags a removed enum value as breaking', async () => {
    const changes = await diffSchemas(CURRENT, edit(CURRENT, '  INLINE\n', ''));
    expect(paths(changes.breaking)).toEqual(['LinkDisposition.INLINE']);
  });

  it('passes an added optional field as safe', async () => {
    const changes = await diffSchemas(
      CURRENT,
      edit(
        CURRENT,
        '  startedAt: DateTimeISO\n  status: RecordingStatus!',
        '  startedAt: DateTimeISO\n  status: RecordingStatus!\n  title: String',
      ),
    );
    expect(changes.breaking).toEqual([]);
    expect(changes.dangerous).toEqual([]);
    expect(paths(changes.safe)).toEqual(['Recording.title']);
    expect(formatSchemaChanges(changes, 'HEAD')).toMatch(/^SAFE \(1\):\n {2}- Field 'title' was added to object type 'Recording'$/m);
  });

  it('passes an added optional argument (dangerous, not breaking) and flags an added required one', async () => {
    const optional = await diffSchemas(
      CURRENT,
      edit(CURRENT, 'validForSecs: Int = 3600\n', 'validForSecs: Int = 3600\n    inline: Boolean\n'),
    );
    expect(optional.breaking).toEqual([]);
    expect(paths(optional.dangerous)).toEqual(['Recording.accessLink.inline']);
    const required = await diffSchemas(
      CURRENT,
      edit(CURRENT, 'validForSecs: Int = 3600\n', 'validForSecs: Int = 3600\n    inline: Boolean!\n'),
    );
    expect(paths(required.breaking)).toEqual(['Recording.accessLink.inline']);
  });

  it('flags a removed type as breaking, even one a client reaches only through an interface', async () => {
    const before =
      'type Query { node(id: ID!): Node }\ninterface Node { id: ID! }\ntype A implements Node { id: ID! }\ntype B implements Node { id: ID! }\n';
    const changes = await diffSchemas(before, before.replace('type B implements Node { id: ID! }\n', ''));
    expect(paths(changes.breaking)).toEqual(['B']);
  });

  it('lets a field go once the base schema has deprecated it (deprecate, release, then remove)', async () => {
    const deprecated = edit(
      CURRENT,
      '  nativeId: ID!\n  provider: Provider!',
      '  nativeId: ID! @deprecated(reason: "Use id.")\n  provider: Provider!',
    );
    const deprecating = await diffSchemas(CURRENT, deprecated);
    expect(deprecating.breaking).toEqual([]);
    const removing = await diffSchemas(deprecated, edit(deprecated, '  nativeId: ID! @deprecated(reason: "Use id.")\n', ''));
    expect(removing.breaking).toEqual([]);
    expect(paths(removing.dangerous)).toEqual(['Recording.nativeId']);
  });
});
