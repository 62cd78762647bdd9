/**
 * The views beside the docked panel, each with the docked panel's rows: interactive with the
 * worker running and asleep, `Next step` shown in both views, and `Next step` after a worker stop.
 * - side panel interactive: its navigation start → the meeting's current step shown in it
 *   (it asks the active tab which meeting, gets a ticket, opens the session);
 * - side panel Next step: a click in the side panel or the dock (alternating) → both show it;
 * - call page interactive: a second tab opened on a call under way (as a reload mid-call): its
 *   navigation start → the step shown;
 * - pop-out shown: the click on `Pop out` (its own event time) → the step title painted in the
 *   small window, on the shared wall clock;
 * - pop-out Next step: a click in the pop-out or the call page (alternating) → both show it.
 * The side panel page is opened as an extension opens a window (windows.create): the real side
 * panel cannot be driven; it is the same page.
 */
import { MEET_ORIGIN, newMeetingPath } from './fixture.mjs';
import { button, startConversation, waitForPanel } from './browser.mjs';
import { measureAfterWorkerKill, measureNextStep } from './latency.mjs';
import { watchSteps } from './probes.mjs';
import { summary } from './stats.mjs';

const WAIT = { timeout: 15_000, polling: 'raf' };

/** In the side panel and call pages only: when the session's step title is first in the DOM. */
function viewProbe() {
  if (window.__benchView || (location.pathname !== '/sidepanel.html' && location.pathname !== '/call.html')) return;
  const probe = (window.__benchView = {});
  const observer = new MutationObserver(() => {
    if (!document.getElementById('step-title')) return;
    observer.disconnect();
    requestAnimationFrame(() => (probe.shown = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * `loads` openings with the worker running, then `loads` with it stopped just before; `open`
 * returns the page, whose probe has noted when the step was shown; each is closed after.
 */
async function interactive(open, { loads, worker }) {
  const times = async (killFirst) => {
    const samples = [];
    for (let i = 0; i < loads; i++) {
      if (killFirst) await worker.kill();
      const page = await open();
      await page.waitForFunction(() => window.__benchView?.shown !== undefined, null, WAIT).catch(async (error) => {
        const shows = await page.evaluate(() => `${document.visibilityState}, ${document.hasFocus()}: ${document.body.innerText.slice(0, 40)}`).catch(() => '(nothing)');
        throw new Error(`${page.url()} did not show the step${killFirst ? ' (worker stopped first)' : ''}; it shows: ${shows}`, { cause: error });
      });
      samples.push(await page.evaluate(() => window.__benchView.shown));
      await page.close();
    }
    return summary(samples);
  };
  return { interactive: await times(false), interactiveWorkerAsleep: await times(true) };
}

/** Next step in two views of one session, then the same after worker stops. */
async function stepRows(panels, { clicks, worker }) {
  for (const panel of panels) await panel.evaluate(watchSteps);
  const { latency, following } = await measureNextStep({ panels }, { clicks });
  const afterWorkerKill = await measureAfterWorkerKill({ panels }, { kills: clicks, worker, following });
  return { nextStep: latency, afterWorkerKill };
}

export async function measureSidePanel(context, extensionId, { worker, loads = 20, clicks = 20 }) {
  await context.addInitScript(viewProbe);
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
    return page;
  };
  try {
    const opened = await interactive(open, { loads, worker });
    const side = await open();
    await side.waitForFunction(() => window.__benchView?.shown !== undefined, null, WAIT);
    const steps = await stepRows([side.mainFrame(), dock], { clicks, worker });
    await side.close();
    return { ...opened, ...steps };
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

export async function measureCallPage(context, extensionId, { worker, loads = 20, opens = 20, clicks = 20 }) {
  await context.addInitScript(viewProbe);
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/call.html`);
    await startConversation(page.mainFrame());
    const callUrl = page.url(); // the call's id is in its address once the page has loaded
    const opened = await interactive(async () => {
      const tab = await context.newPage();
      await tab.goto(callUrl);
      return tab;
    }, { loads, worker });
    await page.bringToFront();
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
    const steps = await stepRows([pip.mainFrame(), page.mainFrame()], { clicks, worker });
    return { ...opened, popOutShown: summary(shown), ...steps };
  } finally {
    await page.close();
  }
}
