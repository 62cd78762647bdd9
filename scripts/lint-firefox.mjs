// Mozilla's addons-linter on the Firefox build, as addons.mozilla.org runs it on upload: no error,
// and no warning beyond the one explained in SECURITY.md. A new warning fails until it is fixed or
// explained there and listed below.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, '.output', 'firefox-mv3');

/** Warnings that are understood: where they come from, and why they are safe. */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Whichever chunk Rollup puts Preact in: the panel's own, or one the pages rendering the App share.
    file: /^chunks\/[\w-]+\.js$/,
    // Preact's renderer assigns `dangerouslySetInnerHTML.__html` to innerHTML; no component of ours passes that prop.
    source: /\.innerHTML\s*=\s*\w+\.__html/,
  },
];

if (!existsSync(join(BUILD, 'manifest.json'))) {
  console.error(`No Firefox build at ${BUILD}. Run \`npm run build:firefox\` first.`);
  process.exit(1);
}
const bin = join(ROOT, 'node_modules', 'addons-linter', 'bin', 'addons-linter');
const run = spawnSync(process.execPath, [bin, '--output', 'json', BUILD], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`addons-linter gave no report:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

/** The code the linter points at, so an explained warning must really be the one we explained. */
function sourceAt({ file, line = 1, column = 0 }) {
  const text = readFileSync(join(BUILD, file), 'utf8').split('\n')[line - 1] ?? '';
  return text.slice(Math.max(0, column - 200), column + 200);
}

const unexplained = report.warnings.filter(
  (warning) => !EXPLAINED.some((known) => known.code === warning.code && known.file.test(warning.file ?? '') && known.source.test(sourceAt(warning))),
);
const problems = [...report.errors, ...unexplained];
console.log(
  `addons-linter on ${BUILD}: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${report.warnings.length - unexplained.length} explained in SECURITY.md), ${report.notices.length} notices`,
);
for (const problem of problems) console.error(`${problem._type} ${problem.code} ${problem.file ?? ''}: ${problem.message}`);
process.exit(problems.length === 0 ? 0 : 1);
