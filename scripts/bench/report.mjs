/**
 * The budgets of DESIGN.md ("Budgets"), checked against the figures, and the table printed.
 * 1 KB = 1024 bytes; 1 MB = 1024 KB.
 */
const KB = 1024;

/** One row per budget: what it is, the figure that is held to it, and the limit. */
export function checkBudgets(results) {
  const rows = [];
  const row = (what, value, limit, unit, note = '') => rows.push({ what, value, limit, unit, note, pass: value <= limit });

  for (const script of results.sizes.contentScripts) {
    row(`content script ${script.file.replace('content-scripts/', '')}, gzip`, script.gzipBytes / KB, 6, 'KB');
  }
  row('panel page JS, gzip', results.sizes.panel.jsGzipBytes / KB, 30, 'KB', `${results.sizes.panel.files.filter((f) => f.kind === 'js').length} files`);
  row('dock on screen after content script start, p50', results.startup.warm.dockOnScreen.p50, 50, 'ms', `p95 ${results.startup.warm.dockOnScreen.p95}`);
  row('panel interactive, worker running, p50', results.startup.warm.panelInteractive.p50, 300, 'ms', `p95 ${results.startup.warm.panelInteractive.p95}`);
  row('panel interactive, worker asleep, p50', results.startup.coldWorker.panelInteractive.p50, 300, 'ms', `p95 ${results.startup.coldWorker.panelInteractive.p95}`);
  row('Next step → both tabs show it, p95', results.nextStep.p95, 50, 'ms', `p50 ${results.nextStep.p50}, n ${results.nextStep.n}`);
  const kill = results.afterWorkerKill;
  const seen = Object.entries(kill.statusAtClick).map(([status, n]) => `${status} ${n}`).join(', ');
  row('worker killed → Next step shown, p95', kill.p95, 300, 'ms', `p50 ${kill.p50}, n ${kill.n}; worker at click: ${seen}`);
  row('state lost after a worker kill', kill.stateLost.length, 0, 'kills', `${kill.workerRestarts} worker restarts seen`);
  const side = results.sidePanel;
  row('side panel interactive (its start → step shown), p95', side.interactive.p95, 300, 'ms', `p50 ${side.interactive.p50}, n ${side.interactive.n}`);
  row('side panel Next step → side panel and dock show it, p95', side.nextStep.p95, 50, 'ms', `p50 ${side.nextStep.p50}, n ${side.nextStep.n}`);
  const pop = results.popOut;
  row('Pop out click → step shown in the pop-out, p95', pop.shown.p95, 300, 'ms', `p50 ${pop.shown.p50}, n ${pop.shown.n}`);
  row('pop-out Next step → pop-out and call page show it, p95', pop.nextStep.p95, 50, 'ms', `p50 ${pop.nextStep.p50}, n ${pop.nextStep.n}`);
  const page = results.conversationsPage;
  row('Conversations page, 1,000 conversations: list shown, p95', page.listShown.p95, 300, 'ms', `p50 ${page.listShown.p50}, n ${page.listShown.n}`);
  row('Conversations page: search, p95', page.search.p95, 50, 'ms', `p50 ${page.search.p50}, n ${page.search.n}`);
  row('Conversations page: Export all, p95', page.exportAll.p95, 1000, 'ms', `p50 ${page.exportAll.p50}, n ${page.exportAll.n}`);
  row('extra main-thread time on the meeting page', results.mainThread.extraTaskMsPerMinute, 30, 'ms/min', `script ${results.mainThread.extraScriptMsPerMinute} ms/min`);
  row('JS heap added to the meeting page', results.mainThread.extraHeapBytes / KB / KB, 1, 'MB');
  return rows;
}

const format = (value, unit) => `${unit === 'kills' ? value : value.toFixed(unit === 'MB' ? 3 : unit === 'KB' ? 2 : 1)} ${unit}`;

export function printTable(rows, results) {
  const lines = rows.map((r) => [r.pass ? 'ok  ' : 'MISS', r.what, format(r.value, r.unit), `≤ ${r.limit} ${r.unit}`, r.note]);
  const mt = results.mainThread;
  const info = [
    ['', 'Conversations page JS, gzip', format(results.sizes.options.jsGzipBytes / KB, 'KB'), '', 'its own entry point'],
    ['', 'side panel page JS, gzip', format(results.sizes.sidePanel.jsGzipBytes / KB, 'KB'), '', ''],
    ['', 'call page JS (pop-out included), gzip', format(results.sizes.callPage.jsGzipBytes / KB, 'KB'), '', ''],
    ['', 'panel page CSS + HTML, gzip', format((results.sizes.panel.cssGzipBytes + results.sizes.panel.htmlGzipBytes) / KB, 'KB'), '', ''],
    ['', 'dock attached (before its first frame), p50', format(results.startup.warm.dockAttached.p50, 'ms'), '', ''],
    ['', 'meeting page main thread, with / without', `${mt.withExtension.taskMsPerMinute} / ${mt.baseline.taskMsPerMinute}`, 'ms/min', `over ${mt.seconds} s`],
    ['', 'meeting page JS heap, with / without', `${kb(mt.withExtension.jsHeapUsedBytes)} / ${kb(mt.baseline.jsHeapUsedBytes)}`, 'KB', ''],
    ['', 'panel frame (own process) main thread', mt.panelFrame ? `${mt.panelFrame.taskMsPerMinute}` : 'in page process', 'ms/min', ''],
    ['', 'IndexedDB, one full session (record as JSON)', format(results.storage.recordJsonBytes / KB, 'KB'), '', `estimate() +${kb(results.storage.estimateUsageDeltaBytes)} KB`],
  ];
  const all = [['', 'what', 'measured', 'budget', 'note'], ...lines, ...info];
  const widths = all[0].map((_, i) => Math.max(...all.map((l) => String(l[i]).length)));
  for (const line of all) console.log(line.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd());
}

const kb = (bytes) => (bytes / KB).toFixed(1);
