/**
 * The dock: the panel's iframe in a closed shadow root at the page's right edge. The meeting
 * page can neither reach into it nor style it, and whatever the page does to its DOM, the dock
 * puts itself back.
 */
import type { DockPlacement } from '../utils/dock-placement';
import { SHADOW_CSS, hostStyle } from './dock-styles';
import { keepInPlace } from './keeper';

export const DOCK_TITLE = 'Alignment Companion';
export const DOCK_TAG = 'alignment-companion-dock';

export interface Dock {
  /** Shows the panel for a meeting; switching meetings reloads the panel on the new session. */
  show(sessionKey: string): void;
  /** Folds the panel to its tab, or unfolds it. */
  toggle(): void;
  remove(): void;
  /** True for the element this dock owns; other elements of our tag are the page's or a stale script's. */
  owns(element: Element): boolean;
}

export interface DockOptions {
  /**
   * False once this dock's script is stale (the extension was reloaded, or a newer copy of the
   * script took over): the dock then stops defending its place and leaves.
   */
  current?: () => boolean;
}

export function createDock(
  placement: DockPlacement,
  panelUrl: (sessionKey: string) => string,
  { current = () => true }: DockOptions = {},
): Dock {
  const host = createHost();
  const shadow = host.attachShadow({ mode: 'closed' });
  host.style.cssText = hostStyle(placement);
  // Compare against the browser's own serialisation, or restoring the style would loop forever.
  const expectedStyle = host.style.cssText;

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
  const keeper = keepInPlace(host, expectedStyle, () => {
    if (current()) return true;
    sessionKey = null;
    return false;
  });

  return {
    show(key) {
      if (key !== sessionKey) frame.src = panelUrl(key);
      sessionKey = key;
      keeper.start();
    },
    toggle,
    remove() {
      sessionKey = null;
      keeper.stop();
      host.remove();
    },
    owns(element) {
      return element === host;
    },
  };
}

/**
 * A page that defined our tag as its own custom element before we ran would be handed even a
 * closed shadow root through ElementInternals.shadowRoot. Then the dock takes a name the page
 * cannot have guessed; a name defined only later never exposes the root.
 */
function createHost(): HTMLElement {
  try {
    const host = document.createElement(DOCK_TAG);
    if (!host.matches(':defined')) return host;
  } catch {
    // The page's constructor for our tag threw.
  }
  return document.createElement(`${DOCK_TAG}-${crypto.randomUUID()}`);
}
