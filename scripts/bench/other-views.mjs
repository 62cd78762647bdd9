/**
 * The views beside the docked panel: the browser side panel page and the call page's pop-out.
 * - side panel interactive: its navigation start → the meeting's current step shown in it
 *   (it asks the active tab which meeting, gets a ticket, opens the session);
 * - side panel Next step: a click in the side panel → the side panel and the dock both show it;
 * - pop-out shown: the click on `Pop out` (its own event time) → the step title painted in the
 *   small window, on the shared wall clock;
 * - pop-out Next step: a click in the pop-out → the pop-out and the call page both show it.
 * The side panel page is opened as an extension opens a window (windows.create): the real side
 * panel cannot be driven; it is the same page.
 */
import { MEET_ORIGIN, newMeetingPath } from './fixture.mjs';
import { button, startConversation, waitForPanel } from './browser.mjs';
import { press, rewindIfLast } from './latency.mjs';
import { watchSteps } from './probes.mjs';
import { summary } from './stats.mjs';

const WAIT = { timeout: 15_000, polling: 'raf' };

/** In the side panel page only: when the session's step title is first in the DOM. */
function sidePanelProbe() {
  if (location.pathname !== '/sidepanel.html') return;
  const probe = (window.__benchView = {});
  const observer = new MutationObserver(() => {
    if (!document.getElementById('step-title')) return;
    observer.disconnect();
    requestAnimationFrame(() => (probe.shown = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

export async function measureSidePanel(context, extensionId, { loads = 20, clicks = 20 } = {}) {
  await context.addInitScript(sidePanelProbe);
  const opener = await context.newPage();
  await opener.goto(`chrome-extension://${extensionId}/practice.html?rehearsal=bench-opener`);
  const meeting = await context.newPage();
  await meeting.goto(MEET_ORIGIN + newMeetingPath());
  const dock = await waitForPanel(meeting);
  await startConversation(dock);
  const open = async () => {
    await meeting.bringToFront();
    const [page] = await Promise.all([
      context.waitForEvent('page'),
      opener.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 380, height: 700 }), `chrome-extension://${extensionId}/sidepanel.html`),
    ]);
    await page.waitForFunction(() => window.__benchView?.shown !== undefined, null, WAIT);
    return page;
  };
  try {
    const interactive = [];
    for (let i = 0; i < loads; i++) {
      const page = await open();
      interactive.push(await page.evaluate(() => window.__benchView.shown));
      await page.close();
    }
    const side = await open();
    const panels = [side.mainFrame(), dock];
    for (const panel of panels) await panel.evaluate(watchSteps);
    const latencies = [];
    for (let i = 0; i < clicks; i++) {
      await rewindIfLast(panels);
      latencies.push((await press(panels, panels[0], 'Next step')).latency);
    }
    await side.close();
    return { interactive: summary(interactive), nextStep: summary(latencies) };
  } finally {
    await meeting.close();
    await opener.close();
  }
}

/** In the call page: the `Pop out` click's time, and when the pop-out first shows the step. */
function watchPopOut() {
  const probe = (window.__benchPopOut = { opens: [] });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      if (target?.textContent.trim() !== 'Pop out') return;
      const entry = { clickAt: performance.timeOrigin + event.timeStamp };
      probe.opens.push(entry);
      const look = () => {
        const pip = window.documentPictureInPicture?.window;
        if (pip?.document.getElementById('step-title')) entry.shownAt = performance.timeOrigin + performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
    true,
  );
}

export async function measurePopOut(context, extensionId, { opens = 20, clicks = 20 } = {}) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/call.html`);
    await startConversation(page.mainFrame());
    await page.evaluate(watchPopOut);
    const shown = [];
    let pip;
    for (let i = 0; i < opens; i++) {
      if (pip) {
        await page.evaluate(() => window.documentPictureInPicture.window?.close());
        await pip.waitForEvent('close');
      }
      [pip] = await Promise.all([context.waitForEvent('page'), button(page.mainFrame(), 'Pop out').click()]);
      await page.waitForFunction((n) => window.__benchPopOut.opens[n]?.shownAt !== undefined, i, WAIT);
      const { clickAt, shownAt } = await page.evaluate((n) => window.__benchPopOut.opens[n], i);
      shown.push(shownAt - clickAt);
    }
    const panels = [pip.mainFrame(), page.mainFrame()];
    for (const panel of panels) await panel.evaluate(watchSteps);
    const latencies = [];
    for (let i = 0; i < clicks; i++) {
      await rewindIfLast(panels);
      latencies.push((await press(panels, panels[0], 'Next step')).latency);
    }
    return { shown: summary(shown), nextStep: summary(latencies) };
  } finally {
    await page.close();
  }
}
