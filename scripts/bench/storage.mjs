/**
 * What one full conversation leaves in IndexedDB: start it, walk every step, pause and resume,
 * then read the stored `sessions` record back from an extension page (the extension's own
 * origin, where the database lives). The figure is the record serialised as UTF-8 JSON; the
 * browser's own encoding on disk is of the same order. navigator.storage.estimate() before and
 * after is reported beside it, but it counts database files and logs in coarse steps.
 */
import { MEET_ORIGIN, newMeetingPath } from './fixture.mjs';
import { button, isDisabled, startConversation, waitForPanel } from './browser.mjs';

const DB_NAME = 'alignment-companion';

export async function measureStorage(context, extensionId) {
  const extensionPage = await context.newPage();
  const meeting = await context.newPage();
  try {
    // panel.html without a meeting key only shows a notice: it opens no session.
    await extensionPage.goto(`chrome-extension://${extensionId}/panel.html`);
    const usage = () => extensionPage.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const usageBefore = await usage();

    const path = newMeetingPath();
    await meeting.goto(MEET_ORIGIN + path);
    const panel = await waitForPanel(meeting);
    await startConversation(panel);
    let steps = 1;
    while (!(await isDisabled(panel, 'Next step'))) {
      const title = await panel.locator('#step-title').textContent();
      await button(panel, 'Next step').click();
      await panel.locator('#step-title').filter({ hasNotText: title ?? '' }).waitFor();
      steps++;
    }
    await button(panel, 'Pause timer').click();
    await button(panel, 'Resume timer').click();
    await button(panel, 'Pause timer').waitFor();
    await meeting.close();

    const key = `meet:${path.slice(1)}`;
    const record = await extensionPage.evaluate(
      ([name, key]) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const get = request.result.transaction('sessions').objectStore('sessions').get(key);
            get.onsuccess = () => {
              request.result.close();
              resolve(get.result ? new TextEncoder().encode(JSON.stringify(get.result)).length : null);
            };
            get.onerror = () => reject(get.error);
          };
        }),
      [DB_NAME, key],
    );
    if (record === null) throw new Error(`No stored session for ${key}.`);
    return { steps, recordJsonBytes: record, estimateUsageDeltaBytes: (await usage()) - usageBefore };
  } finally {
    if (!meeting.isClosed()) await meeting.close();
    await extensionPage.close();
  }
}
