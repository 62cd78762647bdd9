/**
 * User text is always text: no source file of the extension hands a string to an HTML or code
 * sink. (Preact's renderer has an innerHTML branch for dangerouslySetInnerHTML; this is what
 * keeps it unused, see SECURITY.md.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SHIPPED = ['components', 'dock', 'entrypoints', 'utils'];

const SINKS: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['eval', /(^|[^\w.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['createContextualFragment', /createContextualFragment/],
  ['srcdoc', /\bsrcdoc\b/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('the extension’s sources', () => {
  const files = SHIPPED.flatMap((dir) => sourceFiles(join(ROOT, dir)));

  it('are all read', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(SINKS)('never use %s', (_, pattern) => {
    const hits = files.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(hits).toEqual([]);
  });
});
