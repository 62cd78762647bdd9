/**
 * The docked panel is an extension page framed in a web page, and Firefox gives such a frame only
 * the content-script APIs: runtime, i18n, extension. Any other namespace is undefined there, and
 * touching one (commands.getAll() did) stops the panel from rendering at all, in Firefox only.
 * Everything else comes from the background over the port. This walks every file the panel
 * imports and fails on any other `browser.<ns>` or `chrome.<ns>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'entrypoints', 'panel', 'main.tsx');
const FRAMED_PAGE_APIS = new Set(['runtime', 'i18n', 'extension']);
const EXTENSION_GLOBALS = new Set(['browser', 'chrome']);

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => /\.tsx?$/.test(path) && existsSync(path)) ?? null;
}

interface Use {
  file: string;
  line: number;
  code: string;
}

/** The relative imports of one source file, and each use of an extension namespace a framed page lacks. */
function scan(file: string, text: string): { imports: string[]; uses: Use[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: string[] = [];
  const uses: Use[] = [];
  const flag = (node: ts.Node) =>
    uses.push({ file: relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, code: node.getText() });
  const isExtensionGlobal = (node: ts.Node | undefined) => !!node && ts.isIdentifier(node) && EXTENSION_GLOBALS.has(node.text);
  const visit = (node: ts.Node) => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])
          ? node.arguments[0].text
          : null;
    if (specifier?.startsWith('.')) imports.push(specifier);
    // browser.commands, chrome['commands'], and `const { commands } = browser` alike.
    if (ts.isPropertyAccessExpression(node) && isExtensionGlobal(node.expression)) {
      if (!FRAMED_PAGE_APIS.has(node.name.text)) flag(node);
    } else if (ts.isElementAccessExpression(node) && isExtensionGlobal(node.expression)) {
      const name = ts.isStringLiteral(node.argumentExpression) ? node.argumentExpression.text : null;
      if (!name || !FRAMED_PAGE_APIS.has(name)) flag(node);
    } else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && isExtensionGlobal(node.initializer)) {
      const names = node.name.elements.map((element) => element.propertyName ?? element.name);
      if (names.some((name) => !ts.isIdentifier(name) || !FRAMED_PAGE_APIS.has(name.text))) flag(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, uses };
}

/** Every source file the panel imports (relative imports from its entry), with what each uses. */
function walk(entry: string): { files: string[]; uses: Use[] } {
  const files: string[] = [];
  const uses: Use[] = [];
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (files.includes(file)) continue;
    files.push(file);
    const found = scan(file, readFileSync(file, 'utf8'));
    uses.push(...found.uses);
    for (const specifier of found.imports) {
      const target = resolveImport(file, specifier);
      if (target) queue.push(target);
    }
  }
  return { files, uses };
}

describe('the panel in a framed extension page', () => {
  it('touches no extension API but runtime, i18n and extension, in any file it imports', () => {
    const { files, uses } = walk(ENTRY);
    // The walk reached the panel's components, so a file it missed cannot hide a use.
    expect(files.map((file) => relative(ROOT, file))).toEqual(
      expect.arrayContaining(['entrypoints/panel/session-client.ts', 'components/panel/App.tsx', 'components/panel/Settings.tsx']),
    );
    expect(uses).toEqual([]);
  });

  it('catches a use in each way it can be written, and lets the framed page’s own APIs pass', () => {
    const text = [
      'browser.runtime.connect(); chrome.i18n.getMessage("x"); browser.extension.inIncognitoContext;',
      'browser.commands.getAll();',
      "chrome['tabs'].query({});",
      'const { storage } = browser;',
      'const { runtime } = chrome;',
    ].join('\n');
    expect(scan(join(ROOT, 'example.ts'), text).uses.map((found) => [found.line, found.code])).toEqual([
      [2, 'browser.commands'],
      [3, "chrome['tabs']"],
      [4, '{ storage } = browser'],
    ]);
  });
});
