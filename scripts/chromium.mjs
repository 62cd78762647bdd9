// Finds a Chromium-family browser and launches it with the built extension loaded.
// Shared by `npm start`, the end-to-end tests and the benchmark, so they all run the same way.
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export const INSTALL_HINT =
  'No Chromium-family browser found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
  'or point CHROME_PATH at Chrome, Chromium or Edge.';

/** A browser to drive: the one the environment variable names first, then the usual install locations. */
export function findBrowser(envVar, candidates, hint) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${envVar} is set to ${fromEnv}, but there is no browser there. ${hint}`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(hint);
  return found;
}

export function findChromium() {
  return findBrowser('CHROME_PATH', CANDIDATES, INSTALL_HINT);
}

/** Fails plainly when the extension was not built, instead of a browser that waits for it. */
export function assertBuilt(extensionDir, buildCommand) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`${buildCommand}\` first.`);
  }
}

/**
 * Chromium's flags for every driver (Playwright here, Puppeteer in the cross-browser tests): the
 * unpacked extension loaded, and nothing calling home, so a test that watches the network sees
 * only what we cause.
 */
export function extensionArgs(extensionDir = EXTENSION_DIR) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/** A persistent context (extensions need one) with the extension loaded. */
export async function launchWithExtension({ userDataDir, headless = true, extensionDir = EXTENSION_DIR } = {}) {
  assertBuilt(extensionDir, 'npm run build');
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'alignment-companion-'));
  const args = extensionArgs(extensionDir);
  if (headless) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless,
    args,
    viewport: headless ? { width: 1280, height: 800 } : null,
  });
  return { context, userDataDir: dir };
}

/** The extension's id, read from its service worker once it has started. */
export async function extensionId(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
