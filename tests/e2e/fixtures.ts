/**
 * Stand-ins for the meeting platforms' pages. They are served under the real hosts with a
 * strict CSP (nonce scripts, frame-src 'self', Trusted Types) as the platforms do, and carry
 * small page scripts that behave like a meeting page, or like a hostile one.
 */
import { randomBytes } from 'node:crypto';
import { identifyMeeting } from '../../utils/meeting/meeting-identity';
// @ts-expect-error: a plain ES module shared with the benchmark.
import { KEY_LOGGER, strictCsp } from '../../scripts/stand-in-page.mjs';

export type FixturePlatform = 'meet' | 'zoom' | 'teams' | 'plain';

/** Where each platform keeps its call controls; the dock must never cover them. */
const CONTROLS_CSS: Record<FixturePlatform, string> = {
  meet: 'left:0;right:0;bottom:0;height:80px',
  zoom: 'left:0;right:0;bottom:0;height:56px',
  teams: 'left:0;right:0;top:0;height:56px',
  plain: 'display:none',
};

/** The platforms' kind of strict CSP. */
export const csp: (nonce: string, options?: { framesExtensions?: boolean }) => string = strictCsp;

/** The page script: a platform's in-app navigation and re-rendering, plus a key logger. */
const PAGE_SCRIPT = `${KEY_LOGGER}
  window.fixture = {
    navigate(path) { history.pushState({}, '', path); },
    /** Teams moving a call to an address without the meeting, and showing its hang-up control. */
    joinCallAt(path) {
      history.pushState({}, '', path);
      const leave = document.createElement('button');
      leave.id = 'hangup-button';
      leave.textContent = 'Leave';
      document.body.append(leave);
    },
    leaveCall() { document.getElementById('hangup-button')?.remove(); },
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

  // What a hostile page can do to the dock with nothing but the DOM and CSS.
  const dockElements = () => [...document.documentElement.children].filter((el) => el.localName.startsWith('alignment-companion-dock'));
  const freshBody = (text) => {
    const body = document.createElement('body');
    const h = document.createElement('h1');
    h.textContent = text;
    body.append(h);
    return body;
  };
  window.hostile = {
    dockElements,
    addStyle(css) {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    },
    /** A fixed full-screen element at the highest z-index, after ours in the document. */
    cover() {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#b00020';
      document.documentElement.append(cover);
    },
    tamper() {
      for (const el of dockElements()) {
        if (el.matches(':popover-open')) el.hidePopover();
        el.removeAttribute('popover');
        for (const name of ['hidden', 'inert', 'aria-hidden']) el.setAttribute(name, name === 'aria-hidden' ? 'true' : '');
        el.style.cssText = 'display:none';
      }
    },
    remove() {
      for (const el of dockElements()) el.remove();
    },
    moveIntoHiddenBox() {
      const box = document.createElement('div');
      box.style.display = 'none';
      document.body.append(box);
      box.append(...dockElements());
    },
    replaceDocumentChildren() {
      document.documentElement.replaceChildren(document.createElement('head'), freshBody('re-rendered'));
    },
    replaceRoot() {
      const html = document.createElement('html');
      html.append(document.createElement('head'), freshBody('new root'));
      document.replaceChild(html, document.documentElement);
    },
    /** Frames our panel page itself, as a clickjacking page would, over its own content. */
    framePanel(src) {
      document.getElementById('page-framed')?.remove();
      const frame = document.createElement('iframe');
      frame.id = 'page-framed';
      frame.src = src;
      frame.style.cssText = 'position:fixed;left:8px;top:8px;width:340px;height:600px;border:0;z-index:10';
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener('load', () => resolve(true), { once: true }));
    },
    /** Posts a ticket-shaped message into the page's own panel frame. */
    forgeTicket(kind, key, ticket) {
      document.getElementById('page-framed').contentWindow.postMessage({ kind, key, ticket }, '*');
    },
    rewriteDocument() {
      const policy = trustedTypes.createPolicy('fixture', { createHTML: (html) => html });
      document.open();
      document.write(policy.createHTML('<!doctype html><title>rewritten</title><h1>rewritten</h1>'));
      document.close();
    },
    /**
     * Everything the page could post or dispatch that looks like WXT's own messages (script
     * started, location changed) or like our panel protocol, to every window and frame it can reach.
     */
    forgeMessages(extensionId, platform, key, otherMeetingUrl) {
      const started = extensionId + ':' + platform + ':wxt:content-script-started';
      const moved = extensionId + ':' + platform + ':wxt:locationchange';
      const detail = { contentScriptName: platform, messageId: 'forged' };
      const command = { kind: 'command', id: 'forged-command-0001', key, command: { type: 'next' } };
      const messages = [
        { type: started, ...detail },
        { type: 'wxt:content-script-started', ...detail },
        { kind: 'open', key },
        command,
        { kind: 'snapshot', key, session: null },
      ];
      const targets = [window];
      for (let i = 0; i < window.frames.length; i++) targets.push(window.frames[i]);
      for (const target of targets) for (const message of messages) target.postMessage(message, '*');
      document.dispatchEvent(new CustomEvent(started, { detail }));
      window.dispatchEvent(new CustomEvent(started, { detail }));
      const locationEvent = new Event(moved);
      locationEvent.newUrl = new URL(otherMeetingUrl);
      window.dispatchEvent(locationEvent);
      return messages.length * targets.length + 3;
    },
  };
`;

/**
 * Runs before the dock is made (the page is still parsing): the page claims our tag as its own
 * custom element, to be handed the dock's closed shadow root through ElementInternals.
 */
export const CLAIM_DOCK_TAG_SCRIPT = `
  window.claimed = [];
  customElements.define('alignment-companion-dock', class extends HTMLElement {
    constructor() {
      super();
      window.claimed.push({ element: this, internals: this.attachInternals() });
    }
  });
`;

/**
 * The page stops DOMContentLoaded and readystatechange at the window, in the capture phase, before
 * any listener of its own sees them, and notes how many docks there were as it stopped
 * DOMContentLoaded.
 */
export const STOP_DOM_READY_SCRIPT = `
  window.stoppedDomReady = 0;
  for (const target of [window, document]) {
    for (const type of ['DOMContentLoaded', 'readystatechange']) {
      target.addEventListener(type, (event) => {
        window.stoppedDomReady++;
        if (event.type === 'DOMContentLoaded' && target === window) window.docksAtDomReady = window.hostile.dockElements().length;
        event.stopImmediatePropagation();
      }, true);
    }
  }
`;

export function fixturePage(platform: FixturePlatform, title: string, nonce: string, extraBody = '', prelude = ''): string {
  // The icon is inline so that no browser fetches /favicon.ico for the tab: requests are ours to explain.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
<style nonce="${nonce}">
  body { margin: 0; background: #202124; color: #e8eaed; font: 15px sans-serif; min-height: 100vh; }
  #call-controls { position: fixed; ${CONTROLS_CSS[platform]}; background: #3c4043; }
  #webclient { width: 100%; height: 70vh; border: 0; }
</style></head>
<body><h1>${title}</h1>${extraBody}<div id="call-controls" role="toolbar" aria-label="Call controls"></div>
<script nonce="${nonce}">${prelude}${PAGE_SCRIPT}</script></body></html>`;
}

export function newNonce(): string {
  return randomBytes(12).toString('base64');
}

/** The hosts the stand-in pages are served under; every other address is refused. */
export const FIXTURE_HOST = /^https:\/\/(meet\.google\.com|([\w-]+\.)?zoom\.us|teams\.(microsoft\.com|live\.com|cloud\.microsoft))\//;

function platformOf(url: URL): FixturePlatform {
  if (url.hostname === 'meet.google.com') return 'meet';
  if (url.hostname.endsWith('zoom.us')) return 'zoom';
  if (url.hostname.startsWith('teams.')) return 'teams';
  return 'plain';
}

/** What a driver answers a request with: Playwright's `fulfill` and Puppeteer's `respond` both take it. */
export interface FixtureResponse {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The one decision every driver makes for a request: the stand-in page for a meeting host, or
 * null, which the driver refuses (the extension must work with no network at all). Flags in the
 * query: `claim-dock-tag` (the page claims our element's tag first), `stop-dom-ready` (it stops the
 * events that say its DOM is parsed), `reopen-while-parsing` (it calls document.open() before its
 * DOM is parsed), `frames-extensions` (its CSP lets it frame extension pages itself), `in-call`
 * (a Teams call's hang-up control is shown).
 */
export function fixtureResponse(address: string): FixtureResponse | null {
  if (!FIXTURE_HOST.test(address)) return null;
  const url = new URL(address);
  const nonce = newNonce();
  const platform = platformOf(url);
  // Zoom draws the call in a same-origin iframe#webclient; the dock must stay out of it.
  const isZoomCall = platform === 'zoom' && /^\/wc\/\d+\//.test(url.pathname) && !url.searchParams.has('frame');
  // The page reopens its document while its parser waits on a slow script (the test answers
  // /slow-parse.js late): document.open() erases every listener on the window, ours included.
  const reopen = url.searchParams.has('reopen-while-parsing')
    ? `<script nonce="${nonce}">setTimeout(() => {
        const policy = trustedTypes.createPolicy('fixture', { createHTML: (html) => html });
        document.open();
        document.write(policy.createHTML('<!doctype html><title>reopened</title><h1>reopened</h1>'));
        document.close();
      }, 50);</script><script nonce="${nonce}" src="/slow-parse.js"></script>`
    : '';
  const extra = reopen + (isZoomCall
    ? `<iframe id="webclient" title="Zoom call" src="${url.pathname}?frame=webclient"></iframe>`
    : // A Teams call shown at an address without the meeting, from the start.
      url.searchParams.has('in-call')
      ? '<button id="hangup-button">Leave</button>'
      : '');
  const prelude = [
    url.searchParams.has('claim-dock-tag') ? CLAIM_DOCK_TAG_SCRIPT : '',
    url.searchParams.has('stop-dom-ready') ? STOP_DOM_READY_SCRIPT : '',
  ].join('');
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': csp(nonce, { framesExtensions: url.searchParams.has('frames-extensions') }) },
    body: fixturePage(platform, `${platform} ${url.pathname}`, nonce, extra, prelude),
  };
}

/** A fresh Meet code per test, so tests sharing a browser never share a session. */
let meetCount = 0;
/** The session key of a stand-in meeting's address, as the content script reads it. */
export function meetingKeyOf(url: string): string {
  const meeting = identifyMeeting(url);
  if (!meeting) throw new Error(`Not a meeting address: ${url}`);
  return meeting.key;
}

export function newMeetUrl(): string {
  const n = (meetCount++ + Date.now()) % 26 ** 3;
  const letters = [Math.floor(n / 676), Math.floor(n / 26) % 26, n % 26].map((i) => String.fromCharCode(97 + i)).join('');
  return `https://meet.google.com/${letters}-test-${'abc'}`;
}

/**
 * What a clock (its role="timer" element) shows a coach at this moment, from what is drawn: its
 * fixed parts, and each reel at the cell its window is on, where its animation has moved it (the
 * computed style, which the compositor's frames follow). Runs in the page: self-contained.
 */
export function clockShown(timer: Element): string {
  return [...timer.querySelectorAll<HTMLElement>('.reel, .reel__fixed')]
    .map((part) => {
      const cells = part.querySelector<HTMLElement>('.reel__cells');
      if (!cells) return part.dataset.text ?? '';
      const offset = new DOMMatrixReadOnly(getComputedStyle(cells).transform).m42;
      return (cells.dataset.cells ?? '').split('\n')[Math.round(-offset / part.getBoundingClientRect().height)] ?? '?';
    })
    .join('');
}

/** Reads the panel's clocks, `m:ss` or `-m:ss`, as seconds. */
export function seconds(text: string | null): number {
  const match = /^(-?)(\d+):(\d\d)$/.exec(text ?? '');
  if (!match) throw new Error(`Not a clock: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
