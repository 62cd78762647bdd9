import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DOCK_PLACEMENT } from '../utils/dock-placement';
import { identifyMeeting, type Platform } from '../utils/meeting-identity';
import { createDock } from './dock';

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
  const sync = () => {
    const meeting = identifyMeeting(location.href);
    if (meeting?.platform === platform) dock.show(meeting.key);
    else dock.remove();
  };
  sync();
  ctx.addEventListener(window, 'wxt:locationchange', sync);
  // After an extension update the old script is orphaned: take its dock away so the new one docks alone.
  ctx.onInvalidated(() => dock.remove());
}
