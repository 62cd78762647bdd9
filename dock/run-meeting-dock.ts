import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DOCK_PLACEMENT } from '../utils/dock-placement';
import { identifyMeeting, type Platform } from '../utils/meeting-identity';
import { createDock } from './dock';
import { answerShortcut } from './answer-shortcut';

export function panelUrl(sessionKey: string): string {
  return `${browser.runtime.getURL('/panel.html')}?key=${encodeURIComponent(sessionKey)}`;
}

/**
 * Docks the panel while the page is a meeting on this platform, and follows the platform's
 * in-app navigation: lobby to call keeps the dock, leaving the call removes it.
 */
export function runMeetingDock(ctx: ContentScriptContext, platform: Platform) {
  // Zoom renders the call in a same-origin iframe; the dock belongs to the top page only.
  if (window.top !== window) return;
  const dock = createDock(DOCK_PLACEMENT[platform], panelUrl);
  let seen = '';
  let meetingKey: string | null = null;
  const sync = (href: string) => {
    if (href === seen) return;
    seen = href;
    const meeting = identifyMeeting(href);
    meetingKey = meeting?.platform === platform ? meeting.key : null;
    if (meetingKey) dock.show(meetingKey);
    else dock.remove();
  };
  sync(location.href);
  const check = () => sync(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => sync(event.newUrl.href));
  // Chromium does not tell an isolated world about the page's own history.pushState, which is
  // how Meet and Teams move between lobby, call and home. Those moves follow a click or a key
  // almost always: check then, and again once the app has routed. A slow interval catches the
  // rest (a call the host ends) and lets the context notice an extension reload; a fast one
  // would wake the meeting page's main thread for nothing (see the benchmark).
  const afterInput = () => {
    check();
    setTimeout(() => ctx.isValid && check(), 400);
  };
  for (const type of ['click', 'keyup', 'popstate'] as const) {
    ctx.addEventListener(window, type, afterInput, { capture: true, passive: true });
  }
  ctx.setInterval(check, 2_000);
  // Keyboard shortcuts reach us from the background, the only sender a content script listens to.
  const onMessage = (message: unknown) => answerShortcut(message, meetingKey, dock);
  browser.runtime.onMessage.addListener(onMessage);
  // After an extension update the old script is orphaned: take its dock away so the new one docks alone.
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    dock.remove();
  });
}
