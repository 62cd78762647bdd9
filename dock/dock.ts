/**
 * The dock: the panel's iframe in a closed shadow root at the page's right edge. The meeting
 * page can neither reach into it nor style it, and whatever the page does to its DOM, the dock
 * puts itself back.
 */
import type { DockPlacement } from '../utils/dock-placement';
import { SHADOW_CSS, hostStyle } from './dock-styles';

export const DOCK_TITLE = 'Alignment Companion';

export interface Dock {
  /** Shows the panel for a meeting; switching meetings reloads the panel on the new session. */
  show(sessionKey: string): void;
  /** Folds the panel to its tab, or unfolds it. */
  toggle(): void;
  remove(): void;
}

export function createDock(placement: DockPlacement, panelUrl: (sessionKey: string) => string): Dock {
  const host = document.createElement('alignment-companion-dock');
  host.style.cssText = hostStyle(placement);
  // Compare against the browser's own serialisation, or restoring the style would loop forever.
  const expectedStyle = host.style.cssText;
  const shadow = host.attachShadow({ mode: 'closed' });

  const style = document.createElement('style');
  style.textContent = SHADOW_CSS;
  const dock = document.createElement('div');
  dock.className = 'dock';
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  const frame = document.createElement('iframe');
  frame.className = 'frame';
  frame.title = DOCK_TITLE;
  frame.allow = 'clipboard-write';
  dock.append(tab, frame);
  shadow.append(style, dock);

  function setCollapsed(collapsed: boolean) {
    dock.dataset.collapsed = String(collapsed);
    tab.textContent = collapsed ? 'Show panel' : 'Hide panel';
    tab.setAttribute('aria-label', collapsed ? `Show ${DOCK_TITLE}` : `Hide ${DOCK_TITLE}`);
    tab.setAttribute('aria-expanded', String(!collapsed));
  }
  setCollapsed(false);
  const toggle = () => setCollapsed(dock.dataset.collapsed !== 'true');
  tab.addEventListener('click', toggle);

  let sessionKey: string | null = null;
  // The platforms re-render their DOM freely; when ours is taken out, put it back.
  const keeper = new MutationObserver(() => {
    if (sessionKey && !host.isConnected) attach();
    if (host.style.cssText !== expectedStyle) host.style.cssText = expectedStyle;
    if (host.hasAttribute('hidden')) host.removeAttribute('hidden');
  });

  function attach() {
    document.documentElement.append(host);
  }

  return {
    show(key) {
      if (key !== sessionKey) frame.src = panelUrl(key);
      sessionKey = key;
      if (!host.isConnected) attach();
      keeper.observe(document.documentElement, { childList: true });
      keeper.observe(host, { attributes: true, attributeFilter: ['style', 'hidden', 'class'] });
    },
    toggle,
    remove() {
      sessionKey = null;
      keeper.disconnect();
      host.remove();
    },
  };
}
