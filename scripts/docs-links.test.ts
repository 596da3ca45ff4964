import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Docs rot when code moves: every relative link in README.md and docs/ must name a file or folder
// that exists, so a renamed test or source file breaks this test instead of a reader's click.

const root = resolve(import.meta.dirname, '..');

/** Markdown files to check: README.md and docs/**, without the generated API reference. */
function markdownFiles(): string[] {
  const files = [join(root, 'README.md')];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && path !== join(root, 'docs', 'api')) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk(join(root, 'docs'));
  return files;
}

/** Relative link targets of inline links `[text](target)`, outside fenced code and inline code. */
export function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const targets: string[] = [];
  for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1] ?? '';
    // External links and in-page anchors are not files in this repository.
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    targets.push(target);
  }
  return targets;
}

/** Links in `file` whose target does not exist, as `target` strings. */
export function brokenLinks(file: string): string[] {
  return relativeLinks(readFileSync(file, 'utf8')).filter((target) => {
    const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
    return !existsSync(resolve(dirname(file), path));
  });
}

describe('links in README.md and docs/', () => {
  const files = markdownFiles();

  it('finds the docs', () => {
    expect(files.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/connectors/razorpay.md']));
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s: every relative link resolves to a file', (_name, file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});

describe('the link checker itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recon-docs-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing target and accepts an existing one, with anchors and titles', () => {
    writeFileSync(join(dir, 'there.md'), '# there\n');
    const page = join(dir, 'page.md');
    writeFileSync(
      page,
      [
        '[ok](there.md) [ok with anchor](there.md#there "title") [gone](missing.md)',
        '[web](https://example.com/x.md) [anchor](#top) `[code](not-checked.md)`',
        '```md',
        '[fenced](also-not-checked.md)',
        '```',
        '[gone too](./sub/missing.ts#L3)',
      ].join('\n'),
    );
    expect(brokenLinks(page)).toEqual(['missing.md', './sub/missing.ts#L3']);
  });
});
