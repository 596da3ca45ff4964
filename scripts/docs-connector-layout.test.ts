import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every connector page has the same sections in the same order, so a reader who knows one page
// knows where to look on the next, and a new connector's page cannot skip "Confirmed vs assumed".

const dir = resolve(import.meta.dirname, '..', 'docs', 'connectors');
const LAYOUT = ['Config', 'Auth', 'Limits', 'Quirks', 'Confirmed vs assumed', 'Sandbox', 'Example'];

/** The level-2 headings of a markdown text, outside fenced code. */
export function sectionHeadings(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return [...prose.matchAll(/^## (.+)$/gm)].map((m) => (m[1] ?? '').trim());
}

describe('connector pages', () => {
  const pages = readdirSync(dir).filter((f) => f.endsWith('.md'));

  it('exist for every connector', () => {
    expect(pages).toEqual(expect.arrayContaining(['hdfc.md', 'icici.md', 'razorpay.md', 'sbi.md', 'sftp.md']));
  });

  it.each(pages)('%s has the shared layout', (page) => {
    expect(sectionHeadings(readFileSync(join(dir, page), 'utf8'))).toEqual(LAYOUT);
  });

  it.each(pages)('%s has a confirmed-vs-assumed table with fact, status and source', (page) => {
    const text = readFileSync(join(dir, page), 'utf8');
    const section = text.split(/^## /m).find((s) => s.startsWith('Confirmed vs assumed')) ?? '';
    expect(section).toMatch(/^\| fact \| status \| source \|$/m);
  });

  it('the heading reader ignores headings inside code', () => {
    expect(sectionHeadings('## A\n```md\n## not a section\n```\n## B\n')).toEqual(['A', 'B']);
  });
});
