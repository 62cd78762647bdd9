/**
 * The benchmark's stand-in meeting page: the same strict CSP (nonce scripts, frame-src 'self',
 * Trusted Types) and key logger as tests/e2e/fixtures.ts (both from ../stand-in-page.mjs).
 */
import { randomBytes } from 'node:crypto';
import { KEY_LOGGER, strictCsp as csp } from '../stand-in-page.mjs';

/** The extension's Meet content script runs here. */
export const MEET_ORIGIN = 'https://meet.google.com';
/** The same page on a host no content script matches: the baseline without the extension. */
export const BASELINE_ORIGIN = 'https://baseline.meet.invalid';

// A meeting page's own script: in-app navigation and a key logger, as in the e2e fixture.
const PAGE_SCRIPT = `${KEY_LOGGER}
  window.fixture = { navigate(path) { history.pushState({}, '', path); } };
`;

function meetPage(title, nonce) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style nonce="${nonce}">
  body { margin: 0; background: #202124; color: #e8eaed; font: 15px sans-serif; min-height: 100vh; }
  #call-controls { position: fixed; left:0;right:0;bottom:0;height:80px; background: #3c4043; }
</style></head>
<body><h1>${title}</h1><div id="call-controls" role="toolbar" aria-label="Call controls"></div>
<script nonce="${nonce}">${PAGE_SCRIPT}</script></body></html>`;
}

/** Serves the stand-in on Meet and on the baseline host, and refuses every other address. */
export async function routeFixtures(context) {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const hosts = [MEET_ORIGIN, BASELINE_ORIGIN].map((origin) => origin.replace(/\./g, '\\.')).join('|');
  await context.route(new RegExp(`^(${hosts})/`), (route) => {
    const nonce = randomBytes(12).toString('base64');
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': csp(nonce) },
      body: meetPage(`meet ${new URL(route.request().url()).pathname}`, nonce),
    });
  });
}

/** A fresh Meet code each call, so every measurement starts a session of its own. */
export function newMeetingPath() {
  const letters = (n) => Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `/${letters(3)}-${letters(4)}-${letters(3)}`;
}
