/**
 * Launches Debian's Chromium with the built extension, answers the meeting hosts with the
 * fixture pages, refuses every other address, and records every request the browser makes.
 */
import { expect } from 'vitest';
import type { BrowserContext, CDPSession, Frame, Page, Request } from 'playwright-core';
// @ts-expect-error: a plain ES module shared with npm start and the benchmark.
import { extensionId, launchWithExtension } from '../../scripts/chromium.mjs';
import type { Session } from '../../utils/session/session';
import { FIXTURE_HOST, clockShown, fixtureResponse, meetingKeyOf, newMeetUrl, seconds } from './fixtures';

export { meetingKeyOf, newMeetUrl, seconds };

// Service-worker requests only reach Playwright with this on; without it a fetch from the
// background would go unseen by the no-network test.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export interface Extension {
  context: BrowserContext;
  id: string;
  userDataDir: string;
  /** Every request seen, in order. */
  requests: Request[];
  close(): Promise<void>;
}

export async function launch(options: { userDataDir?: string; extensionDir?: string } = {}): Promise<Extension> {
  const { context, userDataDir } = (await launchWithExtension(options)) as { context: BrowserContext; userDataDir: string };
  const requests: Request[] = [];
  context.on('request', (request) => requests.push(request));
  // Anything not a fixture host is refused: the extension must work with no network at all.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  await context.route(FIXTURE_HOST, (route) => route.fulfill(fixtureResponse(route.request().url())!));
  const id = (await extensionId(context)) as string;
  return { context, id, userDataDir, requests, close: () => context.close() };
}

/**
 * The docked panel's frame on a page, once it has docked and rendered. A frame the page just
 * tore out can still be listed for a moment; then the next one is waited for.
 */
export async function panelFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = new Error('The panel did not dock.');
  while (Date.now() < deadline) {
    const frame = panelFrames(page)[0];
    if (frame) {
      try {
        await frame.getByRole('main', { name: 'Alignment Companion' }).waitFor({ timeout: Math.max(1, deadline - Date.now()) });
        return frame;
      } catch (error) {
        lastError = error;
        if (!frame.isDetached() && !String(error).includes('detached')) throw error;
      }
    } else {
      await page.waitForTimeout(25); // polling for the condition, not waiting for luck
    }
  }
  throw lastError;
}

export function panelFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().includes('/panel.html') && !f.isDetached());
}

/** Opens a meeting URL in a new tab and returns the tab and its docked panel. */
export async function openMeeting(ext: Extension, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return { page, panel: await panelFrame(page) };
}

export type ClockName = 'Time left in step' | 'Time left in meeting';

/** What a clock shows, `m:ss` or `-m:ss`, read off its reels as a coach sees it. */
export function shownClock(panel: Frame | Page, name: ClockName): Promise<string> {
  return panel.getByRole('timer', { name }).evaluate(clockShown);
}

export async function clock(panel: Frame | Page, name: ClockName): Promise<number> {
  return seconds(await shownClock(panel, name));
}

export function button(panel: Frame, name: string) {
  return panel.getByRole('button', { name, exact: true });
}

export async function stepTitle(panel: Frame): Promise<string | null> {
  return panel.locator('#step-title').textContent();
}

/** Clicks a step in the agenda, as the coach does, and waits until it is current. */
export async function jumpTo(panel: Frame, title: RegExp) {
  await panel.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: title }).click();
  await expect.poll(() => stepTitle(panel)).toMatch(title);
}

export async function start(panel: Frame, minutes: 30 | 45 | 60 = 30) {
  await panel.getByLabel('Meeting length').selectOption(String(minutes));
  await button(panel, 'Start conversation').click();
  await panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
}

export async function startAs(panel: Frame, conversation: 'Kickoff' | 'Closing', minutes = '30') {
  await panel.getByLabel('Conversation', { exact: true }).selectOption({ label: conversation });
  await panel.getByLabel('Meeting length', { exact: true }).selectOption(minutes);
  await button(panel, 'Start conversation').click();
  await panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
}

/** Types into a synced box and leaves it, which sends it to be stored at once. */
export async function typeAndLeave(panel: Frame, name: string, text: string) {
  const box = panel.getByRole('textbox', { name, exact: true });
  await box.fill(text);
  await box.blur();
}

/** Stops the extension's service worker the way Chrome does after 30 s idle. */
export async function killServiceWorker(page: Page): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * For tests that speak the panel protocol themselves from an extension page: the dock ticket for
 * this tab, asked for by our practice page as its own dock does, after which the tab goes to `url`.
 * Tickets are bound to the tab, so it stays valid across the page's reloads.
 */
export async function dockTicketForTab(ext: Extension, page: Page, key: string, url: string): Promise<string> {
  await page.goto(`chrome-extension://${ext.id}/practice.html`);
  const ticket = await page.evaluate(
    (meetingKey) => (globalThis as any).chrome.runtime.sendMessage({ kind: 'dock-ticket', key: meetingKey }).then((a: { ticket: string }) => a.ticket),
    key,
  );
  await page.goto(url);
  return ticket;
}

/**
 * Waits until the extension has made its database. A test page that opened it first would make an
 * empty one at version 1 and hold it, and the background's own open would then wait on it for
 * good: every reader and writer below calls this first. Polled from here: waitForFunction takes
 * a promise for a truthy answer, which an async check always is.
 */
export async function databaseReady(page: Page, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'alignment-companion')))) {
    if (Date.now() > deadline) throw new Error('The extension did not make its database.');
    await page.waitForTimeout(25); // polling for the condition, not waiting for luck
  }
}

/** The stored record, read from IndexedDB by an extension page, as the background left it. */
export async function storedSession(reader: Page, key: string): Promise<Session | null> {
  await databaseReady(reader);
  return reader.evaluate(
    (meetingKey) =>
      new Promise<Session | null>((resolve, reject) => {
        const open = indexedDB.open('alignment-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('sessions').objectStore('sessions').get(meetingKey);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as Session | undefined) ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** The Conversations page, as a coach opens it (the browser's Extension options, or the address). */
export async function openConversationsPage(ext: Extension, page?: Page): Promise<Page> {
  const tab = page ?? (await ext.context.newPage());
  await tab.goto(`chrome-extension://${ext.id}/options.html`);
  // Attached, not visible: an empty list has no height.
  await tab.getByRole('list', { name: 'Conversations' }).and(tab.locator('[aria-busy="false"]')).waitFor({ state: 'attached' });
  return tab;
}

/** Every record the database holds, read by an extension page with IndexedDB itself. */
export interface StoredRecords {
  sessions: Session[];
  archive: Session[];
  preparations: unknown[];
  settings: unknown[];
}

export async function storedRecords(reader: Page): Promise<StoredRecords> {
  await databaseReady(reader);
  return reader.evaluate(
    () =>
      new Promise<StoredRecords>((resolve, reject) => {
        const open = indexedDB.open('alignment-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['sessions', 'archive', 'preparations', 'settings'] as const;
          const tx = db.transaction([...names]);
          const found: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (found[name] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(found as unknown as StoredRecords);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Test set-up only: puts records in the database from an extension page, bypassing the
 * background (say, a conversation from two years ago). The background stays the product's only writer.
 */
export async function putRecords(reader: Page, records: Partial<StoredRecords & { templates: unknown[] }>): Promise<void> {
  await databaseReady(reader);
  return reader.evaluate(
    (given) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('alignment-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Object.keys(given) as (keyof typeof given)[];
          const tx = db.transaction(names, 'readwrite');
          for (const name of names) for (const record of given[name] ?? []) tx.objectStore(name).put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}
