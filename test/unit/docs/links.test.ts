import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { anchorsOf, docFiles, exists, readDoc, ROOT } from '../../support/docs';

/** Relative markdown links `[text](target)`, outside code blocks and inline code. */
function linksOf(path: string): string[] {
  const text = readDoc(path)
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t));
}

/** Every file under these folders (no node_modules, no generated code). */
function sourceFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|js|mjs|graphql|md)$/.test(f) && !f.includes('generated'))
      .map((f) => join(folder, f)),
  );
}

function checkTarget(target: string, from: string): string | null {
  const [file, anchor] = target.split('#');
  const path = file === '' ? from : normalize(join(dirname(from), file));
  if (!exists(path)) return `${from}: ${target} (no file ${path})`;
  if (anchor && path.endsWith('.md') && !anchorsOf(path).has(anchor)) return `${from}: ${target} (no heading #${anchor} in ${path})`;
  return null;
}

describe('the docs', () => {
  it('link only to files and headings that exist', () => {
    const broken = docFiles()
      .flatMap((from) => linksOf(from).map((t) => checkTarget(t, from)))
      .filter(Boolean);
    expect(broken).toEqual([]);
  });

  it('are all linked from the README', () => {
    const linked = new Set(linksOf('README.md').map((t) => normalize(t.split('#')[0])));
    const unlinked = docFiles().filter((f) => f !== 'README.md' && !linked.has(f) && !linked.has(relative('.', f)));
    expect(unlinked).toEqual([]);
  });

  it('hold every section a code comment cites, and no comment cites notes outside the repository', () => {
    const problems: string[] = [];
    for (const file of sourceFiles('src', 'test', 'bench', 'scripts')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      // Spelt in pieces so this very file does not match.
      if (new RegExp(['design', 'providers'].map((n) => `\\b${n}\\.md`).join('|')).test(text))
        problems.push(`${file}: cites a note outside the repository`);
      for (const m of text.matchAll(/\bdocs\/[\w/-]+\.md(?:#[\w-]+)?/g)) {
        const broken = checkTarget(m[0], 'README.md');
        if (broken) problems.push(`${file}: ${broken}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
