// `npm run bench`: builds for production, measures the extension in Debian's Chromium on the
// stand-in meeting pages, prints the figures against the budgets in DESIGN.md, writes them to
// bench-results.json and exits non-zero when a budget is missed. Not part of `npm test`.
//
//   npm run bench                    the full run (about ten minutes)
//   npm run bench -- --no-build      measure the build already in .output/chrome-mv3
//   BENCH_SECONDS=10 npm run bench   a shorter main-thread window, for a quick look
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { EXTENSION_DIR, extensionId, findChromium, launchWithExtension } from './chromium.mjs';
import { routeFixtures } from './bench/fixture.mjs';
import { workerControl } from './bench/browser.mjs';
import { contentScriptSizes, panelSizes } from './bench/sizes.mjs';
import { measureStartup } from './bench/startup.mjs';
import { measureAfterWorkerKill, measureNextStep, openTwoTabs } from './bench/latency.mjs';
import { measureStorage } from './bench/storage.mjs';
import { measureConversationsPage } from './bench/conversations-page.mjs';
import { measureCallPage, measureSidePanel } from './bench/other-views.mjs';
import { underCpuLoad } from './bench/cpu-load.mjs';
import { measureMainThread } from './bench/main-thread.mjs';
import { checkBudgets, printTable } from './bench/report.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = {
  startupLoads: 20,
  nextStepClicks: 40,
  workerKills: 20,
  viewSamples: 20,
  mainThreadSeconds: Number(process.env.BENCH_SECONDS ?? 60),
  /** Windows of mainThreadSeconds each, quiet and under load in turn, pooled. */
  mainThreadWindows: Number(process.env.BENCH_WINDOWS ?? 3),
};

const log = (message) => console.error(`bench: ${message}`);

if (!process.argv.includes('--no-build')) {
  log('building for production (wxt build)');
  try {
    execFileSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error('wxt build failed; nothing measured.');
  }
}

const sizes = {
  contentScripts: contentScriptSizes(EXTENSION_DIR),
  panel: summarisePanel(panelSizes(EXTENSION_DIR)),
  // Separate entry points: none of them may grow the docked panel's bundle.
  options: summarisePanel(panelSizes(EXTENSION_DIR, 'options.html')),
  sidePanel: summarisePanel(panelSizes(EXTENSION_DIR, 'sidepanel.html')),
  callPage: summarisePanel(panelSizes(EXTENSION_DIR, 'call.html')),
};

const { context } = await launchWithExtension({});
const results = {
  date: new Date().toISOString(),
  browser: execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
  machine: { cpus: cpus().length, loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100) },
  runs: RUNS,
  sizes,
};
try {
  await routeFixtures(context);
  const id = await extensionId(context);
  const control = await context.newPage(); // holds the CDP session that stops the worker
  const worker = await workerControl(context, control);

  log(`startup: ${RUNS.startupLoads} loads with the worker running, ${RUNS.startupLoads} with it stopped first; quiet, then under load`);
  const startup = async () => ({
    warm: await measureStartup(context, { loads: RUNS.startupLoads }),
    coldWorker: await measureStartup(context, { loads: RUNS.startupLoads, killWorker: worker.kill }),
  });
  results.startup = await startup();
  results.startupUnderLoad = await underCpuLoad(startup);
  const unlisted = results.startup.warm.panelResources.filter((path) => !sizes.panel.files.some((f) => f.file === path));
  if (unlisted.length) throw new Error(`The panel loaded files the size count missed: ${unlisted.join(', ')}`);
  // The panel's clock and the page's are read in two processes; a frame that seems to start
  // before the content script did means they disagree, and the interactive figures are off.
  if (Math.min(results.startup.warm.earliestPanelNavigationStart, results.startup.coldWorker.earliestPanelNavigationStart) < -2) {
    log('warning: the panel frame seems to start before the content script; cross-process clocks disagree');
  }

  log(`latency: ${RUNS.nextStepClicks} Next step clicks, then ${RUNS.workerKills} worker kills, two tabs`);
  const tabs = await openTwoTabs(context);
  const { latency, following } = await measureNextStep(tabs, { clicks: RUNS.nextStepClicks });
  results.nextStep = latency;
  results.afterWorkerKill = await measureAfterWorkerKill(tabs, {
    kills: RUNS.workerKills,
    worker,
    following,
  });
  await tabs.close();

  log('storage: one full conversation');
  results.storage = await measureStorage(context, id);

  const views = { worker, loads: RUNS.viewSamples, opens: RUNS.viewSamples, clicks: RUNS.viewSamples };
  log(`side panel: ${RUNS.viewSamples} opens with the worker running and asleep, ${RUNS.viewSamples} Next step clicks and worker stops`);
  results.sidePanel = await measureSidePanel(context, id, views);
  log(`call page and pop-out: the same, and ${RUNS.viewSamples} pop-outs`);
  results.callPage = await measureCallPage(context, id, views);

  log('Conversations page: 1,000 conversations, 20 loads, searches and exports; quiet, then under load');
  results.conversationsPage = await measureConversationsPage(context, id);
  results.conversationsPageUnderLoad = await underCpuLoad(() => measureConversationsPage(context, id));

} finally {
  await context.close();
}

// In a browser of its own, as the floor is: the panel's figure is its extension process's whole
// main thread, which the pages the runs above opened and closed must not share.
log(`main thread and heap: ${RUNS.mainThreadWindows} × ${RUNS.mainThreadSeconds} s quiet and as many under load, in turn, the panel beside the floor page`);
const fresh = await launchWithExtension({});
try {
  await routeFixtures(fresh.context);
  results.mainThread = await measureMainThread(fresh.context, { seconds: RUNS.mainThreadSeconds, windows: RUNS.mainThreadWindows, userDataDir: fresh.userDataDir });
} finally {
  await fresh.context.close();
}

results.machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
results.budgets = checkBudgets(results);
results.pass = results.budgets.every((b) => b.pass);
writeFileSync(resolve(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
printTable(results.budgets, results);
console.log(`\n${results.pass ? 'All budgets met.' : 'Budget missed.'} Figures in bench-results.json.`);
process.exitCode = results.pass ? 0 : 1;

function summarisePanel(files) {
  const sum = (kind) => files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzipBytes, 0);
  return { files, jsGzipBytes: sum('js'), cssGzipBytes: sum('css'), htmlGzipBytes: sum('html') };
}
