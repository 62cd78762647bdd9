import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DOCK_PLACEMENT, type DockedPlatform } from '../utils/meeting/dock-placement';
import { identifyMeeting } from '../utils/meeting/meeting-identity';
import { parseDockSettings, parseDockedKey, type DockRequest } from '../utils/session/protocol';
import { requestTicket } from './request-ticket';
import { teamsCall } from './teams-call';
import { answerTab, type TabActions } from './answer-tab';
import { DOCK_TAG, createDock } from './dock';
import { whenParsed } from './when-parsed';

export function panelUrl(sessionKey: string): string {
  return `${browser.runtime.getURL('/panel.html')}?key=${encodeURIComponent(sessionKey)}`;
}


/**
 * Which copy of the content script owns the page's dock. It lives on the isolated world's global
 * object, which the page cannot see or write; a copy injected after an extension update runs in
 * the same world and takes over from the orphaned one.
 */
const OWNER = Symbol.for('alignment-companion/dock-owner');
type WorldGlobal = typeof globalThis & { [OWNER]?: object };

/**
 * Docks the panel while the page is a meeting on this platform, from the moment its DOM is
 * parsed (the scripts are injected at document_start: see whenParsed), and follows the
 * platform's in-app navigation: lobby to call keeps the dock, leaving the call removes it.
 */
export function runMeetingDock(ctx: ContentScriptContext, platform: DockedPlatform) {
  // Zoom renders the call in a same-origin iframe; the dock belongs to the top page only.
  if (window.top !== window) return;
  whenParsed(() => {
    // The extension was reloaded or removed while the page was still being parsed.
    if (browser.runtime?.id !== undefined) dockWhileMeeting(ctx, platform);
  });
}

function dockWhileMeeting(ctx: ContentScriptContext, platform: DockedPlatform) {
  const world = globalThis as WorldGlobal;
  const token = {};
  world[OWNER] = token;
  // Stale only when the extension itself is gone (reloaded, updated, removed) or a newer copy of
  // this script took over. Never because of a DOM event: those the meeting page can forge.
  const current = () => world[OWNER] === token && browser.runtime?.id !== undefined;

  const dock = createDock(DOCK_PLACEMENT[platform], panelUrl, requestTicket, { current });
  // A dock left by a copy of this script that can no longer remove it (Firefox drops an unloaded
  // script without a word), or a decoy with our name: only one dock on the page, ours.
  for (const element of [...document.documentElement.children]) {
    if (element.localName.startsWith(DOCK_TAG) && !dock.owns(element)) element.remove();
  }

  let seen = '';
  /** The meeting in the address. */
  let meetingKey: string | null = null;
  /** The session the coach docked this address with (`Dock the panel here`), when the address has no meeting. */
  let hereKey: string | null = null;
  /** The coach chose the browser's side panel: the dock stays away, one panel per meeting. */
  let inSidePanel = false;
  const teams = platform === 'teams' ? teamsCall(safeSessionStorage(), () => crypto.randomUUID()) : null;
  /** A Teams call shown at an address without its meeting. */
  let callKey: string | null = null;
  const shownKey = () => meetingKey ?? callKey ?? hereKey;
  let rendered: string | null | undefined;
  const render = () => {
    const key = inSidePanel ? null : shownKey();
    rendered = key;
    if (key) dock.show(key);
    else dock.remove();
  };
  /** Teams' call controls come and go without an address change: look at each check. */
  const followCall = () => {
    if (!teams || meetingKey) return;
    callKey = teams.keyWithoutMeeting();
    if ((inSidePanel ? null : shownKey()) !== rendered) render();
  };
  const sync = () => {
    const href = location.href;
    if (href === seen) return;
    seen = href;
    const meeting = identifyMeeting(href);
    meetingKey = meeting?.platform === platform ? meeting.key : null;
    if (meetingKey) {
      teams?.onMeeting(meetingKey);
      callKey = null;
      return render();
    }
    if (teams) callKey = teams.keyWithoutMeeting();
    render();
    // Only an address without a meeting asks whether the coach docked it by hand.
    void ask({ kind: 'docked-here' }).then((answer) => {
      if (href !== location.href) return;
      hereKey = parseDockedKey(answer);
      render();
    });
  };
  const actions: TabActions = {
    status: () => ({ key: shownKey(), dockedHere: meetingKey === null && hereKey !== null }),
    toggle: () => dock.toggle(),
    expand: () => dock.expand(),
    async dockHere() {
      if (meetingKey) return;
      hereKey = parseDockedKey(await ask({ kind: 'dock-here' }));
      render();
    },
    async undockHere() {
      await ask({ kind: 'undock-here' });
      hereKey = null;
      render();
    },
    applySettings({ position, compact }) {
      inSidePanel = position === 'side-panel';
      if (position !== 'side-panel') dock.setSide(position);
      dock.setCompact(compact);
      render();
    },
  };
  // The toolbar view, the side panel and keyboard shortcuts reach us through the background or
  // our own pages, the only senders a content script listens to. sendResponse rather than a
  // returned promise: content scripts go without the promise polyfill.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const answer = answerTab(message, actions);
    if (!answer) return false;
    void answer.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  // Our own listeners and timers, not the WXT context's: the page can forge the event that
  // invalidates that context, which would take them all away.
  const listening = new AbortController();
  const retire = () => {
    listening.abort();
    clearInterval(timer);
    dock.remove();
    browser.runtime.onMessage.removeListener(onMessage);
  };
  sync();
  void ask({ kind: 'dock-settings' }).then((answer) => {
    const settings = parseDockSettings(answer);
    if (settings) actions.applySettings(settings);
  });
  // The event's payload is not read: the page can dispatch an event of the same name.
  ctx.addEventListener(window, 'wxt:locationchange', sync);
  // Chromium does not tell an isolated world about the page's own history.pushState, which is
  // how Meet and Teams move between lobby, call and home. Those moves follow a click or a key
  // almost always: check then, and again once the app has routed. A slow interval catches the
  // rest (a call the host ends), notices an extension reloaded under us, and puts the dock back
  // if anything slipped past its keeper; a fast one would wake the meeting page's main thread for
  // nothing (see the benchmark).
  const afterInput = () => {
    sync();
    followCall();
    setTimeout(() => {
      if (!current()) return;
      sync();
      followCall();
    }, 400);
  };
  for (const type of ['click', 'keyup', 'popstate'] as const) {
    window.addEventListener(type, afterInput, { capture: true, passive: true, signal: listening.signal });
  }
  // The keeper answers the page's changes as they happen; the dock's own look-over is the last net,
  // every 10 s, since even a cheap one every tick shows in the meeting page's main-thread time.
  let ticks = 0;
  const timer = setInterval(() => {
    if (!current()) return retire();
    sync();
    followCall();
    const key = shownKey();
    if (key && !inSidePanel && ++ticks % 5 === 0) dock.show(key);
  }, 2_000);
  // WXT invalidates the context when a newer copy of the script starts or the extension goes away.
  ctx.onInvalidated(() => {
    if (!current()) retire();
  });
}

/** Asks the background; a background that cannot answer is a plain no. */
function ask(request: DockRequest): Promise<unknown> {
  return browser.runtime.sendMessage(request).catch(() => null);
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
