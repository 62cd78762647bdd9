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
 */
import { BASELINE_ORIGIN, MEET_ORIGIN, newMeetingPath } from './fixture.mjs';
import { button, waitForPanel } from './browser.mjs';
import { round } from './stats.mjs';

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

export async function measureMainThread(context, { seconds, settleMs = 2_000 }) {
  const path = newMeetingPath();
  const withExtension = await context.newPage();
  await withExtension.goto(MEET_ORIGIN + path);
  const panel = await waitForPanel(withExtension);
  // Not a Playwright click: that checks the hit target from the top page by injecting Playwright's
  // own script into it, which alone adds over a megabyte to the heap measured here.
  await button(panel, 'Start conversation').dispatchEvent('click');
  await panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
  const baseline = await context.newPage();
  await baseline.goto(BASELINE_ORIGIN + path);
  try {
    const sessions = { withExtension: await open(context, withExtension), baseline: await open(context, baseline) };
    let panelOutOfProcess = true;
    try {
      sessions.panel = await open(context, panel);
    } catch {
      panelOutOfProcess = false;
    }
    await withExtension.waitForTimeout(settleMs); // let both pages finish loading before the window opens
    const before = await collect(sessions);
    const started = Date.now();
    await withExtension.waitForTimeout(seconds * 1000); // the measurement window itself
    const after = await collect(sessions);
    const minutes = (Date.now() - started) / 60_000;
    for (const cdp of [sessions.withExtension, sessions.baseline]) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await collect(sessions);

    const perMinute = (name, key) => round(((after[name][key] - before[name][key]) * 1000) / minutes);
    const side = (name) => ({
      taskMsPerMinute: perMinute(name, 'TaskDuration'),
      scriptMsPerMinute: perMinute(name, 'ScriptDuration'),
      layoutAndStyleMsPerMinute: round(perMinute(name, 'LayoutDuration') + perMinute(name, 'RecalcStyleDuration')),
      jsHeapUsedBytes: heap[name].JSHeapUsedSize,
      nodes: heap[name].Nodes,
      documents: heap[name].Documents,
    });
    const result = {
      seconds: round(minutes * 60),
      withExtension: side('withExtension'),
      baseline: side('baseline'),
      panelOutOfProcess,
      panelFrame: sessions.panel ? { ...side('panel'), note: 'own renderer process, not on the meeting page main thread' } : null,
    };
    result.extraTaskMsPerMinute = round(result.withExtension.taskMsPerMinute - result.baseline.taskMsPerMinute);
    result.extraScriptMsPerMinute = round(result.withExtension.scriptMsPerMinute - result.baseline.scriptMsPerMinute);
    result.extraHeapBytes = result.withExtension.jsHeapUsedBytes - result.baseline.jsHeapUsedBytes;
    return result;
  } finally {
    await withExtension.close();
    await baseline.close();
  }
}

async function collect(sessions) {
  const entries = await Promise.all(Object.entries(sessions).map(async ([name, cdp]) => [name, await metrics(cdp)]));
  return Object.fromEntries(entries);
}
