import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, button, killServiceWorker, launch, meetingKeyOf, newMeetUrl, openMeeting, panelFrame, start, stepTitle } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

async function worker() {
  return ext.context.serviceWorkers()[0] ?? ext.context.waitForEvent('serviceworker');
}

/** Makes every IndexedDB write in the background fail as a full disk does, until healed. */
async function breakWrites() {
  await (await worker()).evaluate(() => {
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
    proto.__realPut = proto.put;
    proto.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

async function healWrites() {
  await (await worker()).evaluate(() => {
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
    if (proto.__realPut) proto.put = proto.__realPut;
  });
}

describe('when the browser’s storage refuses to write', () => {
  it('says so plainly, lets the coach work on from the last good state, and stores it all once it can', async () => {
    const url = newMeetUrl();
    const { page, panel } = await openMeeting(ext, url);
    await start(panel);
    await breakWrites();
    await button(panel, 'Next step').click();
    // The coach keeps working: the step moves at once, and the panel says what is going on.
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    await panel.getByRole('status').filter({ hasText: 'out of storage space' }).waitFor();
    expect(await panel.getByRole('status').first().textContent()).toMatch(/kept here and saved again/);
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Why the manager backed coaching');

    // A second tab reads what is stored: the last good state.
    const other = await openMeeting(ext, url);
    await expect.poll(() => stepTitle(other.panel)).toBe('Welcome and introductions');

    await healWrites();
    // The retries land, once each, and every panel shows the result.
    await expect.poll(() => stepTitle(other.panel), { timeout: 15_000 }).toBe('Why the manager backed coaching');
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'storage' }).count()).toBe(0);
    await killServiceWorker(page);
    await other.page.reload();
    const reloaded = await panelFrame(other.page);
    await expect.poll(() => stepTitle(reloaded)).toBe('Why the manager backed coaching');
    expect(await reloaded.locator('[aria-current="step"]').textContent()).toContain('Why the manager');
    await page.close();
    await other.page.close();
  });
});

describe('a damaged stored session', () => {
  it('is reported for its meeting only, and the coach can start again there', async () => {
    const damaged = newMeetUrl();
    const healthy = newMeetUrl();
    const a = await openMeeting(ext, healthy);
    await start(a.panel);
    await button(a.panel, 'Next step').click();
    await expect.poll(() => stepTitle(a.panel)).toBe('Set the context');
    const key = meetingKeyOf(damaged);
    await (await worker()).evaluate(
      (k) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('alignment-companion');
          open.onsuccess = () => {
            const tx = open.result.transaction('sessions', 'readwrite');
            tx.objectStore('sessions').put({ key: k, agenda: 'garbage', current: -3 });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      key,
    );
    const b = await openMeeting(ext, damaged);
    await b.panel.getByRole('status').filter({ hasText: 'could not be read' }).waitFor();
    await button(b.panel, 'Start conversation').click();
    await b.panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
    await button(a.panel, 'Next step').click();
    await expect.poll(() => stepTitle(a.panel)).toBe('Why the manager backed coaching');
    await a.page.close();
    await b.page.close();
  });
});
