/**
 * The dock: the panel's iframe in a closed shadow root at the page's right edge. The meeting
 * page can neither reach into it nor style it, and whatever the page does to its DOM, the dock
 * puts itself back.
 */
import type { DockPlacement } from '../utils/meeting/dock-placement';
import { TICKET_POST, type TicketPost } from '../utils/session/protocol';
import { SHADOW_CSS, hostStyle } from './dock-styles';
import { keepInPlace } from './keeper';

export const DOCK_TITLE = 'Alignment Companion';
export const DOCK_TAG = 'alignment-companion-dock';

const HAND_OVER_EVERY_MS = 100;
const HAND_OVER_TRIES = 30;

export interface Dock {
  /** Shows the panel for a meeting; switching meetings reloads the panel on the new session. */
  show(sessionKey: string): void;
  /** Folds the panel to its tab, or unfolds it. */
  toggle(): void;
  /** Unfolds the panel if it is folded. */
  expand(): void;
  /** Moves the dock to the other edge, without reloading the panel. */
  setSide(side: 'left' | 'right'): void;
  /** The narrow layout (COMPACT_DOCK_WIDTH_PX), without reloading the panel. */
  setCompact(compact: boolean): void;
  remove(): void;
  /** True for the element this dock owns; other elements of our tag are the page's or a stale script's. */
  owns(element: Element): boolean;
}

/** Asks the background for the panel's dock ticket; null or a rejection when it cannot be had now. */
export type TicketSource = (sessionKey: string) => Promise<string | null>;

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
  requestTicket: TicketSource,
  { current = () => true }: DockOptions = {},
): Dock {
  const host = createHost();
  const shadow = host.attachShadow({ mode: 'closed' });
  let expectedStyle = '';
  function place(at: DockPlacement) {
    host.style.cssText = hostStyle(at);
    // Compare against the browser's own serialisation, or restoring the style would loop forever.
    expectedStyle = host.style.cssText;
  }
  place(placement);

  const style = document.createElement('style');
  style.textContent = SHADOW_CSS;
  const dock = document.createElement('div');
  dock.className = 'dock';
  dock.dataset.side = placement.side ?? 'right';
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

  let sessionKey: string | null = null;
  /** The ticket for the shown meeting, once the background gave it. */
  let ticket: string | null = null;
  /** The meeting a ticket request is out for. */
  let asking: string | null = null;

  /**
   * Hands the ticket to the panel frame, aimed at our origin: while the frame still holds its
   * blank first document, or if the page navigated it elsewhere, the browser drops the message.
   * The panel takes the first one it gets.
   */
  function handOver() {
    if (!sessionKey || !ticket) return;
    const message: TicketPost = { kind: TICKET_POST, key: sessionKey, ticket };
    frame.contentWindow?.postMessage(message, new URL(panelUrl(sessionKey)).origin);
  }

  /**
   * The frame's load event says when the panel is there to take it, but the page can erase our
   * listeners (document.open() does), so the ticket also goes again for a few seconds after the
   * frame (re)loads: cheap, and independent of any listener.
   */
  let burst: ReturnType<typeof setInterval> | undefined;
  function handOverForAWhile() {
    if (!ticket) return;
    handOver();
    clearInterval(burst);
    let left = HAND_OVER_TRIES;
    burst = setInterval(() => {
      handOver();
      if (--left <= 0) clearInterval(burst);
    }, HAND_OVER_EVERY_MS);
  }

  function listen() {
    // Adding the same listener again is a no-op, so this is safe after every reattachment.
    tab.addEventListener('click', toggle);
    frame.addEventListener('load', handOver);
  }
  listen();

  function askForTicket() {
    const key = sessionKey;
    if (!key || ticket || asking === key) return;
    asking = key;
    requestTicket(key)
      .then((given) => {
        if (key !== sessionKey) return;
        ticket = given;
        handOverForAWhile();
      })
      // The background could not answer (storage trouble, mid-update): the next show() asks again.
      .catch(() => undefined)
      .finally(() => {
        if (asking === key) asking = null;
      });
  }

  const keeper = keepInPlace(
    host,
    () => expectedStyle,
    () => {
      if (current()) return true;
      sessionKey = null;
      return false;
    },
    () => {
      listen();
      handOverForAWhile();
    },
  );

  return {
    show(key) {
      if (key !== sessionKey) {
        sessionKey = key;
        ticket = null;
        frame.src = panelUrl(key);
      }
      askForTicket();
      keeper.start();
    },
    toggle,
    expand: () => setCollapsed(false),
    setCompact(compact) {
      dock.dataset.compact = String(compact);
    },
    setSide(side) {
      dock.dataset.side = side;
      place({ ...placement, side });
    },
    remove() {
      sessionKey = null;
      clearInterval(burst);
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
