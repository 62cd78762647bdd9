/**
 * Transfer size of what the browser loads, gzip level 9 per file as a server would send it:
 * each content script in the manifest, and everything panel.html pulls in (scripts, preloads,
 * stylesheets, and the modules those import, followed transitively).
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

export function contentScriptSizes(extensionDir) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []))];
  return files.map((file) => ({ file, rawBytes: readFileSync(join(extensionDir, file)).length, gzipBytes: gzipBytes(join(extensionDir, file)) }));
}

/** Every file an extension page (panel.html by default) loads, by extension-root path, with its gzip size. */
export function panelSizes(extensionDir, page = 'panel.html') {
  const html = readFileSync(join(extensionDir, page), 'utf8');
  const seen = new Set([`/${page}`]);
  const queue = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => resolvePath(`/${page}`, m[1]));
  while (queue.length) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    if (path.endsWith('.js')) {
      const code = readFileSync(join(extensionDir, path), 'utf8');
      // Static and dynamic imports in Vite's output: from"./x.js", import"./x.js", import("./x.js").
      for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*["']([./][^"']*\.js)["']/g)) queue.push(resolvePath(path, m[1]));
    }
  }
  return [...seen].map((path) => {
    const file = join(extensionDir, path);
    return { file: path.slice(1), kind: kindOf(path), rawBytes: readFileSync(file).length, gzipBytes: gzipBytes(file) };
  });
}

function resolvePath(from, ref) {
  return ref.startsWith('/') ? posix.normalize(ref) : posix.join(posix.dirname(from), ref);
}

function kindOf(path) {
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.html')) return 'html';
  return 'other';
}
