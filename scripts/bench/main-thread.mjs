/**
 * What the extension costs the meeting page while a conversation runs: main-thread time and JS
 * heap, against the same stand-in page on a host no content script matches, open side by side
 * in the same browser over the same seconds.
 *
 * CDP Performance.getMetrics on each page target, with the thread-CPU time domain (threadTicks)
 * so time the thread spends descheduled by other work on the machine does not count:
 * - TaskDuration: every task on the page renderer's main thread (the content script runs there,
 *   in its isolated world); ScriptDuration: the part of it running JavaScript.
 * - JSHeapUsedSize after a forced garbage collection: the page's V8 isolate, which holds the
 *   content script's isolated world too.
 * The panel is an extension-origin iframe. Chromium puts it in the extension's own renderer
 * process (out of process), so its rendering is not on the page's main thread; it is measured
 * on its own CDP session and reported beside the page, not added to it. If the frame ever ends
 * up in the page's process, Playwright cannot open a session for it and the run says so.
 * The panel's own figure is held against the floor (./floor.mjs) over the same windows, quiet and
 * under the bench's own CPU load (./cpu-load.mjs) in turn, `windows` of each, pooled. The windows
 * open once the panel has been open START_UP_MS; the stretch before is reported on its own. Thread
 * time counts the extension process's whole main thread, so the run wants a browser where the
 * panel is the only extension page open. Beside it, the whole extension process of each (every
 * thread, ./process-cpu.mjs): the clocks turn on the compositor thread, and that is counted there.
 */
import { BASELINE_ORIGIN, MEET_ORIGIN, newMeetingPath } from './fixture.mjs';
import { button, waitForPanel } from './browser.mjs';
import { round } from './stats.mjs';
import { underCpuLoad } from './cpu-load.mjs';
import { openFloor } from './floor.mjs';
import { extensionProcessCpuMs } from './process-cpu.mjs';

const KEYS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'JSHeapUsedSize', 'Nodes', 'Documents', 'Frames'];

async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.filter((m) => KEYS.includes(m.name)).map((m) => [m.name, m.value]));
}

async function open(context, target) {
  const cdp = await context.newCDPSession(target);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/**
 * How long the panel has been open before the windows open. V8's memory reducer runs one or two
 * full collections of a page's heap some 8 to 30 s after it loads (about 28 ms of the panel's main
 * thread, once): a start-up cost, reported as the first stretch on its own, not spread over a
 * minute of the clock running.
 */
const START_UP_MS = 45_000;

export async function measureMainThread(context, { seconds, windows: asked = 3, userDataDir }) {
  const windows = Math.max(1, Math.floor(asked) || 1);
  const path = newMeetingPath();
  const withExtension = await context.newPage();
  await withExtension.goto(MEET_ORIGIN + path);
  const panel = await waitForPanel(withExtension);
  const opened = Date.now();
  // Not a Playwright click: that checks the hit target from the top page by injecting Playwright's
  // own script into it, which alone adds over a megabyte to the heap measured here.
  await button(panel, 'Start conversation').dispatchEvent('click');
  await panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
  const baseline = await context.newPage();
  await baseline.goto(BASELINE_ORIGIN + path);
  // The frame's size read inside it: frameElement() would inject Playwright's script into the
  // meeting page, and into the heap measured there.
  const size = await panel.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const floor = await openFloor(size);
  try {
    const sessions = { withExtension: await open(context, withExtension), baseline: await open(context, baseline), floor: floor.cdp };
    const processes = { panel: userDataDir, floor: floor.userDataDir };
    let panelOutOfProcess = true;
    try {
      sessions.panel = await open(context, panel);
    } catch {
      panelOutOfProcess = false;
    }
    const startUpFrom = (Date.now() - opened) / 1000;
    const startUp = await measureWindow(sessions, Math.max(1, START_UP_MS / 1000 - startUpFrom), { collect: false, processes });
    // Quiet and loaded windows taken in turn, so both see the conversation at the same stages
    // (within its first step, then over it), and pooled: one window's ratio moves by a tenth or
    // more from the next on this machine, with the same work in both pages.
    const quietWindows = [];
    const loadedWindows = [];
    let heap = null;
    let loadThreads = 0;
    for (let i = 0; i < windows; i++) {
      quietWindows.push(await measureWindow(sessions, seconds, { processes }));
      if (!heap) {
        for (const cdp of [sessions.withExtension, sessions.baseline]) await cdp.send('HeapProfiler.collectGarbage');
        heap = await collect(sessions);
      }
      loadedWindows.push(
        await underCpuLoad(async (load) => {
          loadThreads = load.threads;
          await withExtension.waitForTimeout(1_000); // the load's threads up to speed
          return measureWindow(sessions, seconds, { processes });
        }),
      );
    }
    const quiet = pool(quietWindows);
    const loaded = pool(loadedWindows);

    const withHeap = (side, name) => ({ ...side, jsHeapUsedBytes: heap[name].JSHeapUsedSize, nodes: heap[name].Nodes, documents: heap[name].Documents });
    const result = {
      seconds: quiet.seconds,
      withExtension: withHeap(quiet.withExtension, 'withExtension'),
      baseline: withHeap(quiet.baseline, 'baseline'),
      panelOutOfProcess,
      panelFrame: quiet.panel ? { ...quiet.panel, note: 'own renderer process, not on the meeting page main thread' } : null,
      panelAgainstFloor: { quiet: againstFloor(quiet, quietWindows), loaded: { ...againstFloor(loaded, loadedWindows), loadThreads } },
      processAgainstFloor: { quiet: processRatio(quiet), loaded: processRatio(loaded) },
      // From a few seconds after the panel opened (the time the other pages took to open) to START_UP_MS.
      panelStartUp: startUp.panel ? { ...startUp.panel, fromSecond: round(startUpFrom), toSecond: round(startUpFrom + startUp.seconds) } : null,
      underLoad: { withExtension: loaded.withExtension, baseline: loaded.baseline },
    };
    result.extraTaskMsPerMinute = round(result.withExtension.taskMsPerMinute - result.baseline.taskMsPerMinute);
    result.extraScriptMsPerMinute = round(result.withExtension.scriptMsPerMinute - result.baseline.scriptMsPerMinute);
    result.extraHeapBytes = result.withExtension.jsHeapUsedBytes - result.baseline.jsHeapUsedBytes;
    return result;
  } finally {
    await floor.close();
    await withExtension.close();
    await baseline.close();
  }
}

/**
 * Every session's main-thread figures over one window of `seconds`, per minute. The window opens
 * just after a garbage collection in the panel and the floor alike: the garbage their start-up
 * left is the start-up's cost, and a major collection of it landing inside one window or the
 * next moved the panel's figure by a quarter.
 */
async function measureWindow(sessions, seconds, { collect: collectFirst = true, processes = {} } = {}) {
  if (collectFirst) for (const name of ['panel', 'floor']) await sessions[name]?.send('HeapProfiler.collectGarbage');
  const before = await collect(sessions);
  const cpuBefore = processCpu(processes);
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000)); // the measurement window itself
  const after = await collect(sessions);
  const cpuAfter = processCpu(processes);
  const minutes = (Date.now() - started) / 60_000;
  const perMinute = (name, key) => round(((after[name][key] - before[name][key]) * 1000) / minutes);
  const side = (name) => ({
    taskMsPerMinute: perMinute(name, 'TaskDuration'),
    scriptMsPerMinute: perMinute(name, 'ScriptDuration'),
    layoutAndStyleMsPerMinute: round(perMinute(name, 'LayoutDuration') + perMinute(name, 'RecalcStyleDuration')),
    ...(cpuBefore[name] != null && cpuAfter[name] != null ? { processCpuMsPerMinute: round((cpuAfter[name] - cpuBefore[name]) / minutes) } : {}),
  });
  return { seconds: round(minutes * 60), ...Object.fromEntries(Object.keys(sessions).map((name) => [name, side(name)])) };
}

/** The panel frame's main thread against the floor's, over the same (pooled) window, and each window's ratio. */
function againstFloor(window, windows = []) {
  if (!window.panel) return null;
  const ratio = (w) => round(w.panel.taskMsPerMinute / w.floor.taskMsPerMinute, 2);
  return { seconds: window.seconds, panel: window.panel, floor: window.floor, ratio: ratio(window), windowRatios: windows.map(ratio) };
}

/** The panel's whole extension process against the floor's, every thread, over the same (pooled) window. */
function processRatio(window) {
  const panel = window.panel?.processCpuMsPerMinute;
  const floor = window.floor?.processCpuMsPerMinute;
  if (!Number.isFinite(panel) || !Number.isFinite(floor) || !floor) return null;
  return { panel, floor, ratio: round(panel / floor, 2) };
}

/** Each named browser's extension processes' CPU time so far (ms), or nothing where it cannot be read. */
function processCpu(processes) {
  return Object.fromEntries(Object.entries(processes).map(([name, dir]) => [name, dir ? extensionProcessCpuMs(dir) : null]));
}

/** Windows of the same sessions as one: each figure per minute over all their seconds. */
function pool(windows) {
  const seconds = windows.reduce((sum, w) => sum + w.seconds, 0);
  const names = Object.keys(windows[0]).filter((key) => key !== 'seconds');
  const side = (name) => {
    const keys = Object.keys(windows[0][name]);
    return Object.fromEntries(keys.map((key) => [key, round(windows.reduce((sum, w) => sum + w[name][key] * w.seconds, 0) / seconds)]));
  };
  return { seconds: round(seconds), ...Object.fromEntries(names.map((name) => [name, side(name)])) };
}

async function collect(sessions) {
  const entries = await Promise.all(Object.entries(sessions).map(async ([name, cdp]) => [name, await metrics(cdp)]));
  return Object.fromEntries(entries);
}
