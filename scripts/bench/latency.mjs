/**
 * Click on `Next step` → every open panel shows the new step, with two tabs on one meeting.
 *
 * Timed inside the browser on the shared wall clock (timeOrigin + now in each panel frame): from
 * the click event's own timestamp in the panel clicked to the later of the two panels' step-title
 * changes (MutationObserver). Playwright only presses the button and collects the notes afterwards;
 * no round trip to node is inside a measured interval.
 */
import { MEET_ORIGIN, newMeetingPath } from './fixture.mjs';
import { button, isDisabled, startConversation, waitForPanel } from './browser.mjs';
import { stepCounts, watchSteps } from './probes.mjs';
import { summary } from './stats.mjs';

const WAIT = { timeout: 15_000, polling: 'raf' };

/** Two tabs on one new meeting, the conversation started, a step watcher in each panel. */
export async function openTwoTabs(context) {
  const url = MEET_ORIGIN + newMeetingPath();
  const pages = [];
  const panels = [];
  for (let i = 0; i < 2; i++) {
    const page = await context.newPage();
    await page.goto(url);
    pages.push(page);
    panels.push(await waitForPanel(page));
  }
  await startConversation(panels[0]);
  await panels[1].getByRole('timer', { name: 'Time left in step' }).waitFor();
  for (const panel of panels) await panel.evaluate(watchSteps);
  return { pages, panels, close: () => Promise.all(pages.map((p) => p.close())) };
}

/**
 * Presses a step button in one panel and waits until every panel has noted a step change.
 * Returns the latency and the title each panel now shows.
 */
export async function press(panels, clicker, name, { first } = {}) {
  const before = await Promise.all(panels.map((p) => p.evaluate(stepCounts)));
  if (first) {
    await first();
    // A click event dispatched on the button itself, one evaluate away: it lands within a few
    // milliseconds and on the button, even while the panel's layout shifts under a pointer.
    await button(clicker, name).dispatchEvent('click');
  } else {
    await button(clicker, name).click();
  }
  await Promise.all(panels.map((p, i) => p.waitForFunction((n) => window.__benchSteps.changes.length > n, before[i].changes, WAIT)));
  const notes = await Promise.all(
    panels.map((p, i) => p.evaluate(([n, c]) => ({ change: window.__benchSteps.changes[n], click: window.__benchSteps.clicks[c] }), [before[i].changes, before[i].clicks])),
  );
  const click = notes[panels.indexOf(clicker)].click;
  if (click?.name !== name) throw new Error(`Expected a click on ${name}, the panel noted ${JSON.stringify(click)}.`);
  const shown = Math.max(...notes.map((n) => n.change.at));
  return { latency: shown - click.at, clickAt: click.at, titles: notes.map((n) => n.change.title) };
}

/** Back to the first step when Next is no longer possible; not timed. */
export async function rewindIfLast(panels) {
  if (!(await isDisabled(panels[0], 'Next step'))) return;
  while (!(await isDisabled(panels[0], 'Previous step'))) await press(panels, panels[0], 'Previous step');
}

/**
 * `clicks` presses of Next step, alternating between the two tabs. Also learns which step
 * follows which, so the kill runs can tell a lost step.
 */
export async function measureNextStep(tabs, { clicks }) {
  const latencies = [];
  const following = new Map();
  for (let i = 0; i < clicks; i++) {
    await rewindIfLast(tabs.panels);
    const { title: from } = await tabs.panels[0].evaluate(stepCounts);
    const { latency, titles } = await press(tabs.panels, tabs.panels[i % 2], 'Next step');
    if (titles[0] !== titles[1]) throw new Error(`The two tabs disagree after a click: ${titles.join(' / ')}`);
    following.set(from, titles[0]);
    latencies.push(latency);
  }
  return { latency: summary(latencies), following };
}

/**
 * `kills` times: stop the service worker, then press Next step at once, so the command meets a
 * worker that is stopped or starting again. (The panel reconnects, and so wakes the worker,
 * within milliseconds of losing its port; a click even a few tens of milliseconds later finds it
 * running and times nothing new.) Each answer must show the step after the one before the kill,
 * in both tabs, or state was lost.
 */
export async function measureAfterWorkerKill(tabs, { kills, worker, following }) {
  const latencies = [];
  const lost = [];
  const statusAtClick = {};
  const restartsBefore = worker.restarts();
  for (let i = 0; i < kills; i++) {
    await rewindIfLast(tabs.panels);
    const { title: from } = await tabs.panels[0].evaluate(stepCounts);
    const { latency, clickAt, titles } = await press(tabs.panels, tabs.panels[i % 2], 'Next step', { first: worker.kill });
    const expected = following.get(from);
    if (titles.some((t) => t !== expected)) lost.push({ kill: i + 1, before: from, expected, shown: titles });
    const status = worker.statusAt(clickAt);
    statusAtClick[status] = (statusAtClick[status] ?? 0) + 1;
    latencies.push(latency);
  }
  return { ...summary(latencies), workerRestarts: worker.restarts() - restartsBefore, statusAtClick, stateLost: lost };
}
