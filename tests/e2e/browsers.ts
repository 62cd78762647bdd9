/**
 * The cross-browser driver: puppeteer-core speaks the DevTools protocol to Debian's Chromium and
 * WebDriver BiDi to the stock Firefox, so every scenario is written once and run in both. The
 * meeting hosts are answered from fixtures.ts, as in the Playwright suites; everything else is
 * refused and every request is recorded.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
// @ts-expect-error: plain ES modules shared with npm start.
import { EXTENSION_DIR, assertBuilt, extensionArgs, findChromium } from '../../scripts/chromium.mjs';
// @ts-expect-error: a plain ES module, the Firefox counterpart of chromium.mjs.
import { launchFirefoxWithExtension } from '../../scripts/firefox.mjs';
import { clockShown, fixtureResponse, seconds } from './fixtures';

export const BROWSERS = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

const VIEWPORT = { width: 1280, height: 800 };

export interface Driver {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  /** Every request the tabs made, in order. */
  readonly requests: { url: string; navigation: boolean }[];
  /** A new tab on `url`, answered from the fixtures. */
  openTab(url: string): Promise<Page>;
  /**
   * One of the extension's own pages in a new tab, opened from an extension frame as a link there
   * would: Firefox does not let the driver navigate to moz-extension://.
   */
  openExtensionPage(from: Frame, path: string): Promise<Page>;
  /** Resolves once the browser itself reports the extension's background stopped. */
  stopBackground(): Promise<void>;
  /** The text of a finished download, once it is complete on disk. */
  download(filename: string): Promise<string>;
  /** Uncaught errors in the extension's pages printed since the last call. */
  takeExtensionErrors(): string[];
  /** Closes every tab this driver opened (tests that fail leave none behind). */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

interface Launched {
  browser: Browser;
  extensionOrigin: string;
  extensionErrors(): string[];
  stopBackground(): Promise<void>;
  /** Anything a tab needs before it loads `url`. */
  beforeTab?(url: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchBrowser(name: BrowserName, options: { firefoxPrefs?: Record<string, unknown> } = {}): Promise<Driver> {
  const downloads = mkdtempSync(join(tmpdir(), 'alignment-companion-downloads-'));
  const launched = name === 'chromium' ? await launchChromium(downloads) : await launchFirefox(downloads, options.firefoxPrefs);
  const { browser, extensionOrigin } = launched;
  const requests: Driver['requests'] = [];
  const tabs: Page[] = [];
  let errorsSeen = 0;

  function answer(request: HTTPRequest) {
    const url = request.url();
    requests.push({ url, navigation: request.isNavigationRequest() });
    // Chromium shows the extension's own files to interception; Firefox never does.
    if (url.startsWith(`${extensionOrigin}/`)) return request.continue();
    const fixture = fixtureResponse(url);
    return fixture ? request.respond(fixture) : request.abort('internetdisconnected');
  }

  return {
    name,
    browser,
    extensionOrigin,
    requests,
    async openTab(url) {
      await launched.beforeTab?.(url);
      const page = await browser.newPage();
      tabs.push(page);
      await page.setRequestInterception(true);
      // A tab closed under a pending request rejects its answer; nothing is left to answer then.
      page.on('request', (request) => void answer(request).catch(() => {}));
      await page.goto(url);
      return page;
    },
    async openExtensionPage(from, path) {
      const url = `${extensionOrigin}${path}`;
      await from.evaluate((address) => void window.open(address), url);
      const page = await until(`${path} open in a tab`, async () => {
        for (const candidate of await browser.pages()) {
          if ((await candidate.evaluate(() => location.href).catch(() => '')).startsWith(url)) return candidate;
        }
        return null;
      });
      tabs.push(page);
      return page;
    },
    stopBackground: () => launched.stopBackground(),
    async download(filename) {
      // Both browsers write a partial file first (.part, .crdownload) and rename it when done.
      return until(`${filename} downloaded`, () => {
        const names = readdirSync(downloads);
        if (!names.includes(filename) || names.some((n) => /\.(part|crdownload)$/.test(n))) return null;
        return readFileSync(join(downloads, filename), 'utf8') || null;
      });
    },
    takeExtensionErrors() {
      const all = launched.extensionErrors();
      const fresh = all.slice(errorsSeen);
      errorsSeen = all.length;
      return fresh;
    },
    async closeTabs() {
      await Promise.all(tabs.splice(0).map((tab) => tab.close().catch(() => {})));
    },
    async close() {
      await launched.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * One browser for the tests of the enclosing describe block. After each test its tabs are closed
 * and it fails on any error in the extension, even when what the coach sees looked right
 * (Firefox printed "commands is undefined" while the panel stayed blank).
 */
export function useBrowser(name: BrowserName, options: Parameters<typeof launchBrowser>[1] = {}): () => Driver {
  let driver: Driver | undefined;
  let launchFailure: unknown;
  beforeAll(async () => {
    try {
      driver = await launchBrowser(name, options);
    } catch (error) {
      launchFailure = error;
    }
  });
  // Every test fails, and says why, when the browser is missing: vitest would report them skipped.
  beforeEach(() => {
    if (launchFailure) throw launchFailure;
  });
  afterEach(async () => {
    const errors = driver?.takeExtensionErrors() ?? [];
    await driver?.closeTabs();
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await driver?.close();
  });
  return () => driver!;
}

async function launchChromium(downloadPath: string): Promise<Launched> {
  assertBuilt(EXTENSION_DIR, 'npm run build');
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    enableExtensions: true,
    // The console of every page, extension pages included, on stderr: how errors are caught.
    args: [...extensionArgs(EXTENSION_DIR), '--enable-logging=stderr'],
    defaultViewport: VIEWPORT,
    downloadBehavior: { policy: 'allow', downloadPath },
  });
  const output = collectLines(browser);
  const isWorker = (target: { type(): string; url(): string }) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://');
  // Not URL.origin: Node reads a chrome-extension: URL as an opaque origin, "null".
  const extensionOrigin = `chrome-extension://${new URL((await browser.waitForTarget(isWorker)).url()).host}`;
  return {
    browser,
    extensionOrigin,
    extensionErrors: () => output.filter((line) => line.includes('"Uncaught') && line.includes(`source: ${extensionOrigin}/`)),
    async stopBackground() {
      const worker = browser.targets().find(isWorker);
      if (!worker) throw new Error('The service worker is not running: nothing to stop.');
      const stopped = new Promise<void>((resolve) => {
        const onGone = (target: unknown) => {
          if (target !== worker) return;
          browser.off('targetdestroyed', onGone);
          resolve();
        };
        browser.on('targetdestroyed', onGone);
      });
      // What Chrome does after 30 s idle; the worker's target goes away when it has stopped.
      const [page] = await browser.pages();
      const cdp = await page!.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await stopped;
    },
    async beforeTab(url) {
      // Firefox needs no grant to read the clipboard back (see launchFirefox); Chromium asks per origin.
      await browser.defaultBrowserContext().overridePermissions(new URL(url).origin, ['clipboard-read', 'clipboard-sanitized-write']);
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(downloadDir: string, prefs: Record<string, unknown> = {}): Promise<Launched> {
  const firefox = await launchFirefoxWithExtension({
    viewport: VIEWPORT,
    prefs: {
      // Downloads go straight to our folder, as a coach's Firefox saves them to Downloads.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // Lets the test read the clipboard back without Firefox's "Paste" pop-up; writing it
      // (the panel's Copy) keeps Firefox's ordinary rule: a real click.
      'dom.events.testing.asyncClipboard': true,
      ...prefs,
    },
  });
  return firefox as Launched;
}

function collectLines(browser: Browser): string[] {
  const lines: string[] = [];
  let partial = '';
  browser.process()?.stderr?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  return lines;
}

/** Polls `probe` until it gives a value, for what has no event to wait on. */
export async function until<T>(what: string, probe: () => Promise<T | null> | T | null, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25)); // the polling interval, not a wait for luck
  }
}

/** Puppeteer's accessibility query, so tests find controls by role and name as a screen reader does. */
export function byRole(role: string, name: string): string {
  return `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;
}

/**
 * The docked panels on a page. Firefox reads a framed extension page's url() as about:blank
 * (the frame is in a closed shadow root), so each frame is asked where it is.
 */
export async function panelFrames(page: Page): Promise<Frame[]> {
  const found: Frame[] = [];
  for (const frame of page.frames()) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.includes('/panel.html')) found.push(frame);
  }
  return found;
}

/** The docked panel on a page, once it has rendered. A frame torn out meanwhile is passed over. */
export async function panelFrame(page: Page, timeout = 10_000): Promise<Frame> {
  return until(
    'the docked panel to render',
    async () => {
      for (const frame of await panelFrames(page)) {
        // Its aria-label is its accessible name: the DOM finds it in a background tab too. Busy
        // while it waits for the dock's ticket.
        if (await frame.$('main[aria-label="Alignment Companion"]:not([aria-busy="true"])').catch(() => null)) return frame;
      }
      return null;
    },
    timeout,
  );
}

export async function openMeeting(driver: Driver, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await driver.openTab(url);
  return { page, panel: await panelFrame(page) };
}

/** Reloads the tab and returns its panel once it has docked again. */
export async function reload(page: Page): Promise<Frame> {
  await page.reload();
  return panelFrame(page);
}

/** Whether the page holds our dock, looked at once its scripts and the content script have run. */
export async function hasDock(page: Page): Promise<boolean> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const element = await page.evaluate(() => [...document.documentElement.children].some((el) => el.localName.startsWith('alignment-companion-dock')));
  return element || (await panelFrames(page)).length > 0;
}

/**
 * Brings the tab to the front, as the coach does to look at it or click in it: Chromium neither
 * draws a background tab (a click waits for a frame) nor answers accessibility queries in it.
 * Plain DOM reads need no such thing, so a background tab can be watched as it is.
 */
async function look(frame: Frame, selector: string): Promise<void> {
  if (selector.startsWith('::-p-aria')) await frame.page().bringToFront();
}

/** A real pointer click on the button with that accessible name. */
export async function click(frame: Frame, name: string): Promise<void> {
  const selector = byRole('button', name);
  await look(frame, selector);
  await frame.locator(selector).setTimeout(10_000).click();
}

export async function exists(frame: Frame, selector: string): Promise<boolean> {
  await look(frame, selector);
  return (await frame.$(selector)) !== null;
}

export async function text(frame: Frame, selector: string): Promise<string | null> {
  await look(frame, selector);
  return frame.$eval(selector, (el) => el.textContent).catch(() => null);
}

export async function attribute(frame: Frame, selector: string, name: string): Promise<string | null> {
  await look(frame, selector);
  return frame.$eval(selector, (el, attr) => el.getAttribute(attr), name).catch(() => null);
}

export async function value(frame: Frame, selector: string): Promise<string | null> {
  await look(frame, selector);
  return frame.$eval(selector, (el) => (el as HTMLInputElement).value).catch(() => null);
}

export function stepTitle(frame: Frame): Promise<string | null> {
  return text(frame, '#step-title');
}

/** The timers' accessible names are their aria-label, so the DOM finds them in a background tab too. */
export async function clock(frame: Frame, name: 'Time left in step' | 'Time left in meeting'): Promise<number> {
  const selector = `[role="timer"][aria-label="${name}"]`;
  await look(frame, selector);
  return seconds(await frame.$eval(selector, clockShown).catch(() => null));
}

/** Every live status line in the panel, for polling until one says what is expected. */
export function statuses(frame: Frame): Promise<string[]> {
  return frame.$$eval('[role="status"]', (els) => els.map((el) => el.textContent ?? ''));
}

/** Picks an option of the select with that accessible name. */
export async function choose(frame: Frame, name: string, option: string): Promise<void> {
  const selector = byRole('combobox', name);
  await look(frame, selector);
  // The panel may still be loading its session: wait for the select as a click's locator does.
  await frame.waitForSelector(selector, { timeout: 10_000 });
  await frame.select(selector, option);
}

export async function start(frame: Frame, minutes: 30 | 45 | 60 = 30): Promise<void> {
  await choose(frame, 'Meeting length', String(minutes));
  await click(frame, 'Start conversation');
  await frame.waitForSelector(byRole('timer', 'Time left in step'));
}

/** Types into a synced box and leaves it, which sends it to be stored at once. */
export async function typeAndLeave(frame: Frame, name: string, typed: string): Promise<void> {
  const box = byRole('textbox', name);
  await look(frame, box);
  await frame.locator(box).fill(typed);
  await frame.$eval(box, (el) => (el as HTMLElement).blur());
}

/** Clicks a step in the agenda, as the coach does, and waits until it is current. */
export async function jumpTo(frame: Frame, title: string): Promise<void> {
  const step = await frame.waitForFunction(
    (wanted) => [...document.querySelectorAll('nav button')].find((button) => button.textContent?.includes(wanted)),
    {},
    title,
  );
  await frame.page().bringToFront();
  await (step as ElementHandle<Element>).click();
  await expect.poll(() => stepTitle(frame)).toBe(title);
}

/** What the meeting page reads from the system clipboard. */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
