// Finds Firefox and launches it with the built extension installed, driven over WebDriver BiDi by
// puppeteer-core: the stock browser, no download and no patched build. The Firefox counterpart of
// chromium.mjs, for the end-to-end tests.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { assertBuilt, findBrowser } from './chromium.mjs';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'firefox-mv3');

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export const FIREFOX_INSTALL_HINT =
  'No Firefox found. Install it (Debian/Ubuntu: `sudo apt-get install firefox-esr`), or point FIREFOX_PATH at it.';

export function findFirefox() {
  return findBrowser('FIREFOX_PATH', CANDIDATES, FIREFOX_INSTALL_HINT);
}

/**
 * Firefox with the unpacked build installed as a temporary add-on (as about:debugging does).
 *
 * - Its moz-extension:// host is fixed by a pref, so a caller knows the extension's own origin;
 *   Firefox otherwise picks a random one per profile, and the driver reads framed extension
 *   pages' URLs as about:blank.
 * - Every uncaught error in an extension page reaches `output` (devtools.console.stdout.content),
 *   so a test can fail on it: `extensionErrors()`.
 * - The DevTools server listens on a socket in a folder of our own, for what only it can do:
 *   `stopBackground()`.
 */
export async function launchFirefoxWithExtension({ headless = true, extensionDir = FIREFOX_EXTENSION_DIR, prefs = {}, viewport } = {}) {
  assertBuilt(extensionDir, 'npm run build:firefox');
  const geckoId = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const dir = mkdtempSync(join(tmpdir(), 'alignment-companion-firefox-'));
  const devtoolsSocket = join(dir, 'devtools.sock');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless,
    defaultViewport: viewport,
    args: ['--start-debugger-server', devtoolsSocket],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'devtools.console.stdout.content': true,
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      ...prefs,
    },
  });
  const output = [];
  let partial = '';
  const collect = (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    output.push(...lines);
  };
  browser.process().stdout.on('data', collect);
  browser.process().stderr.on('data', collect);
  await browser.installExtension(extensionDir);
  const extensionOrigin = `moz-extension://${uuid}`;
  let devtools;

  return {
    browser,
    geckoId,
    extensionOrigin,
    dir,
    output,
    /**
     * Uncaught errors (and unhandled rejections) in the extension's pages, as Firefox printed them.
     * Not NS_ERROR_NOT_INITIALIZED: Firefox throws that from a timer of a window it is tearing
     * down (a closed tab's panel), where no coach is looking any more.
     */
    extensionErrors: () =>
      output.filter((line) => line.includes(`JavaScript error: ${extensionOrigin}/`) && !line.includes('NS_ERROR_NOT_INITIALIZED')),
    /**
     * Stops the background event page as about:debugging's "Terminate Background Script" does
     * (DevTools' terminateBackgroundScript), and resolves once Firefox reports it stopped, through
     * the status that page shows (the extensions-backgroundscript-status resource). An open port
     * does not keep it alive; the next event (a panel reconnecting) starts it again.
     */
    async stopBackground() {
      if (!devtools) {
        devtools = await connectDevTools(devtoolsSocket);
        await devtools.request('root', 'watchResources', { resourceTypes: ['extensions-backgroundscript-status'] });
      }
      const { addons } = await devtools.request('root', 'listAddons');
      const addon = addons.find((candidate) => candidate.id === geckoId);
      if (addon?.backgroundScriptStatus !== 'RUNNING') {
        throw new Error(`The background is not running (${addon?.backgroundScriptStatus}): nothing to stop.`);
      }
      const stopped = devtools.nextResource(
        'extensions-backgroundscript-status',
        ({ payload }) => payload.addonId === geckoId && payload.isRunning === false,
      );
      await devtools.request(addon.actor, 'terminateBackgroundScript');
      await stopped;
    },
    async close() {
      devtools?.close();
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A minimal client of Firefox's DevTools remote protocol: packets are `length:json`, each actor
 * answers its requests in order, and packets with a `type` are events.
 */
async function connectDevTools(path) {
  const socket = connect(path);
  const waiting = new Map();
  const watchers = new Set();
  let buffer = Buffer.alloc(0);
  const greeted = new Promise((resolveGreeting, rejectGreeting) => {
    waiting.set('root', [{ resolve: resolveGreeting, reject: rejectGreeting }]);
    socket.once('error', rejectGreeting);
  });
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString());
      buffer = buffer.subarray(colon + 1 + length);
      if (packet.type) {
        for (const watcher of watchers) watcher(packet);
        continue;
      }
      const reply = waiting.get(packet.from)?.shift();
      if (packet.error) reply?.reject(new Error(`DevTools ${packet.from}: ${packet.error} ${packet.message ?? ''}`));
      else reply?.resolve(packet);
    }
  });
  await greeted;
  return {
    request(to, type, fields = {}) {
      return new Promise((resolveReply, rejectReply) => {
        if (!waiting.has(to)) waiting.set(to, []);
        waiting.get(to).push({ resolve: resolveReply, reject: rejectReply });
        const body = Buffer.from(JSON.stringify({ to, type, ...fields }));
        socket.write(`${body.length}:`);
        socket.write(body);
      });
    },
    /** The next resource of that type that passes the test, from watchResources. */
    nextResource(resourceType, test) {
      return new Promise((resolveResource) => {
        const watcher = (packet) => {
          if (packet.type !== 'resources-available-array') return;
          for (const [type, resources] of packet.array) {
            if (type === resourceType && resources.some(test)) {
              watchers.delete(watcher);
              resolveResource();
            }
          }
        };
        watchers.add(watcher);
      });
    },
    close: () => socket.destroy(),
  };
}
