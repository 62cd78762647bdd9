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
  ctx.addEventListener(window, 'wxt:locationchange', (event) => sync(event.newUrl.href));
  // Chromium does not tell an isolated world about the page's own history.pushState, which is
  // how Meet and Teams move between lobby, call and home; one string comparison twice a second
  // catches it. The context's interval also notices when the extension was reloaded under us.
  ctx.setInterval(() => sync(location.href), 500);
  // Keyboard shortcuts reach us from the background, the only sender a content script listens to.
  const onMessage = (message: unknown) => answerShortcut(message, meetingKey, dock);
  browser.runtime.onMessage.addListener(onMessage);
  // After an extension update the old script is orphaned: take its dock away so the new one docks alone.
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    dock.remove();
  });
}
