/**
 * From the page's DOM parsed to the dock on screen and to the panel being interactive.
 *
 * Definitions (all in milliseconds):
 * - Start: the meeting page's `domContentLoadedEventStart`, its DOM parsed. The content scripts
 *   are injected at document_start and build the dock in their DOMContentLoaded listener, the
 *   first one the event reaches, so everything the dock does counts against us. Only loading the
 *   script (about 5 KB) and setting up its context come earlier, while the page still parses.
 *   (Injected at document_end, as they were until this round, they started in a task of their own
 *   after the event, often after the page's first frame, and the start was
 *   `domContentLoadedEventEnd`: the injection counted against us, the page's first frame too.)
 * - Dock on screen: the first animation frame after the dock's host element is attached to the
 *   page (a main-world MutationObserver notes the attach; the dock is painted in that frame).
 * - Panel interactive: `Start conversation` exists and is enabled in the panel frame, timed on the
 *   frame's own clock as timeOrigin + now and put on the page's clock through the page's
 *   timeOrigin. Both are the same wall clock read in two processes, so they agree to about a
 *   millisecond; the panel frame's navigation start is reported too, as a check that it is never
 *   before the start.
 */
import { startupProbe } from './probes.mjs';
import { MEET_ORIGIN, newMeetingPath } from './fixture.mjs';
import { panelFrameOf } from './browser.mjs';
import { round, summary } from './stats.mjs';

const WAIT = { timeout: 15_000, polling: 20 };

async function oneLoad(context) {
  const page = await context.newPage();
  try {
    await page.addInitScript(startupProbe);
    await page.goto(MEET_ORIGIN + newMeetingPath());
    await page.waitForFunction(() => window.__benchStartup?.dockFrame !== undefined, null, WAIT);
    let frame;
    while (!(frame = panelFrameOf(page))) await page.waitForTimeout(10); // the frame is listed a moment after it attaches
    await frame.waitForFunction(() => window.__benchStartup?.interactiveFrameEpoch !== undefined, null, WAIT);
    const onPage = await page.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      start: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
      ...window.__benchStartup,
    }));
    const inPanel = await frame.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      resources: performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname.slice(1)),
      ...window.__benchStartup,
    }));
    const pageClock = (epoch) => epoch - onPage.timeOrigin - onPage.start;
    return {
      dockAttached: onPage.dockAttached - onPage.start,
      dockOnScreen: onPage.dockFrame - onPage.start,
      panelNavigationStart: pageClock(inPanel.timeOrigin),
      panelInteractive: pageClock(inPanel.interactiveEpoch),
      panelInteractivePainted: pageClock(inPanel.interactiveFrameEpoch),
      panelResources: inPanel.resources,
    };
  } finally {
    await page.close();
  }
}

/**
 * `loads` page loads, each in a new tab on a new meeting, closed before the next. With
 * `killWorker`, the service worker is stopped before each load: a coach joining a meeting
 * usually finds it asleep, since Chrome stops it after 30 s idle.
 */
export async function measureStartup(context, { loads, killWorker }) {
  const runs = [];
  for (let i = 0; i < loads; i++) {
    if (killWorker) await killWorker();
    runs.push(await oneLoad(context));
  }
  const pick = (key) => summary(runs.map((r) => r[key]));
  return {
    dockAttached: pick('dockAttached'),
    dockOnScreen: pick('dockOnScreen'),
    panelNavigationStart: pick('panelNavigationStart'),
    panelInteractive: pick('panelInteractive'),
    panelInteractivePainted: pick('panelInteractivePainted'),
    panelResources: [...new Set(runs.flatMap((r) => r.panelResources))].sort(),
    earliestPanelNavigationStart: round(Math.min(...runs.map((r) => r.panelNavigationStart))),
  };
}
