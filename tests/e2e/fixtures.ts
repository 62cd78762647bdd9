/**
 * Stand-ins for the meeting platforms' pages. They are served under the real hosts with a
 * strict CSP (nonce scripts, frame-src 'self', Trusted Types) as the platforms do, and carry
 * small page scripts that behave like a meeting page, or like a hostile one.
 */
import { randomBytes } from 'node:crypto';

export type FixturePlatform = 'meet' | 'zoom' | 'teams' | 'plain';

/** Where each platform keeps its call controls; the dock must never cover them. */
const CONTROLS_CSS: Record<FixturePlatform, string> = {
  meet: 'left:0;right:0;bottom:0;height:80px',
  zoom: 'left:0;right:0;bottom:0;height:56px',
  teams: 'left:0;right:0;top:0;height:56px',
  plain: 'display:none',
};

export function csp(nonce: string): string {
  return [
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types fixture',
  ].join('; ');
}

/** The page script: a platform's in-app navigation and re-rendering, plus a key logger. */
const PAGE_SCRIPT = `
  window.__pageSawKeys = [];
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keyup', 'keypress']) {
      target.addEventListener(type, (event) => window.__pageSawKeys.push(type + ':' + event.key), true);
    }
  }
  window.fixture = {
    navigate(path) { history.pushState({}, '', path); },
    removeForeignElements() {
      for (const el of [...document.documentElement.children]) {
        if (el !== document.head && el !== document.body) el.remove();
      }
    },
    replaceBody() {
      const body = document.createElement('body');
      const h = document.createElement('h1');
      h.textContent = 're-rendered';
      body.append(h, document.getElementById('call-controls'));
      document.body.replaceWith(body);
    },
  };
`;

export function fixturePage(platform: FixturePlatform, title: string, nonce: string, extraBody = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style nonce="${nonce}">
  body { margin: 0; background: #202124; color: #e8eaed; font: 15px sans-serif; min-height: 100vh; }
  #call-controls { position: fixed; ${CONTROLS_CSS[platform]}; background: #3c4043; }
  #webclient { width: 100%; height: 70vh; border: 0; }
</style></head>
<body><h1>${title}</h1>${extraBody}<div id="call-controls" role="toolbar" aria-label="Call controls"></div>
<script nonce="${nonce}">${PAGE_SCRIPT}</script></body></html>`;
}

export function newNonce(): string {
  return randomBytes(12).toString('base64');
}
