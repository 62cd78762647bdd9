/** Small Playwright helpers the benchmark's measurements share. */

export function panelFrameOf(page) {
  return page.frames().find((f) => f.url().includes('/panel.html') && !f.isDetached());
}

/** The docked panel once it has rendered its main landmark. */
export async function waitForPanel(page, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = panelFrameOf(page);
    if (frame) {
      await frame.getByRole('main', { name: 'Alignment Companion' }).waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      return frame;
    }
    await page.waitForTimeout(20); // polling for the frame to be listed
  }
  throw new Error(`The panel did not dock on ${page.url()}.`);
}

export function button(frame, name) {
  return frame.getByRole('button', { name, exact: true });
}

export async function isDisabled(frame, name) {
  return (await button(frame, name).getAttribute('aria-disabled')) === 'true' || (await button(frame, name).isDisabled());
}

/** Starts the conversation at the default length and waits for the step clock. */
export async function startConversation(frame) {
  await button(frame, 'Start conversation').click();
  await frame.getByRole('timer', { name: 'Time left in step' }).waitFor();
}

/**
 * One CDP session on a tab, kept for the whole run, that stops the extension's service worker
 * the way Chrome does after 30 s idle (as killServiceWorker in tests/e2e/harness.ts), and
 * follows the worker's running status so a run can tell when it really was stopped and restarted.
 */
export async function workerControl(context, page) {
  const cdp = await context.newCDPSession(page);
  const history = []; // { at: epoch ms, status }
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith('chrome-extension://') && history.at(-1)?.status !== version.runningStatus) {
        history.push({ at: Date.now(), status: version.runningStatus });
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    kill: () => cdp.send('ServiceWorker.stopAllWorkers'),
    /** How many times the worker has come back to running after being stopped. */
    restarts: () => history.filter((h, i) => h.status === 'running' && history.slice(0, i).some((e) => e.status === 'stopped')).length,
    /** The worker's status at an epoch time, as last reported before it. */
    statusAt: (at) => history.filter((h) => h.at <= at).at(-1)?.status ?? 'unknown',
  };
}
