/**
 * Keeps the dock's host mounted, shown and on top, whatever the meeting page does: the platforms
 * re-render their DOM freely, and a hostile page may remove, restyle or cover the dock.
 *
 * The host lives in the top layer (a manual popover), which paints above every z-index the page
 * can set and outside the root element's opacity, filter or transform. Its inline `!important`
 * style outranks every page stylesheet rule, layered or not.
 */

/** The only attributes the host carries; anything the page adds (hidden, inert, aria-hidden…) goes. */
const OWN_ATTRIBUTES = ['style', 'popover'];

export interface Keeper {
  /** Puts the host in place now and keeps it there; safe to call again (a periodic check does). */
  start(): void;
  stop(): void;
}

/**
 * `current` turns false when the script that made the host is stale; the host then leaves for good.
 * `onReattach` runs whenever the host was put back into the document: its frame reloaded, and
 * document.open() may have erased every listener on it.
 */
export function keepInPlace(host: HTMLElement, expectedStyle: () => string, current: () => boolean, onReattach: () => void = () => {}): Keeper {
  let active = false;
  const observer = new MutationObserver(restore);

  function restore() {
    if (!active) return;
    if (!current()) {
      stop();
      host.remove();
      return;
    }
    const root = document.documentElement;
    // Between document.open() and the new document's parsing there is no root; the periodic check retries.
    if (!root) return;
    if (host.parentNode !== root) {
      root.append(host);
      onReattach();
    }
    if (host.style.cssText !== expectedStyle()) host.style.cssText = expectedStyle();
    for (const name of host.getAttributeNames()) if (!OWN_ATTRIBUTES.includes(name)) host.removeAttribute(name);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    showInTopLayer();
    // The root may have been replaced: watch whichever is current.
    observer.observe(document, { childList: true });
    observer.observe(root, { childList: true });
    observer.observe(host, { attributes: true });
  }

  function showInTopLayer() {
    // Without popover support the fixed position and maximal z-index still hold.
    if (typeof host.showPopover !== 'function' || host.matches(':popover-open')) return;
    try {
      host.showPopover();
    } catch {
      // Not connected yet or mid-removal; the observer or the periodic check comes back.
    }
  }

  /** Moves the host to the top of the top layer, above whatever entered it since. */
  function raise() {
    if (!active || typeof host.hidePopover !== 'function' || !host.matches(':popover-open')) return;
    host.hidePopover();
    showInTopLayer();
  }

  // hidePopover(), togglePopover() or removing the attribute: show it again.
  const onToggle = (event: Event) => {
    if ((event as ToggleEvent).newState === 'closed') queueMicrotask(restore);
  };
  // A full-screen root enters the top layer above us; the dock is part of that page and stays visible.
  const onFullscreen = () => {
    if (document.fullscreenElement?.contains(host)) raise();
  };

  function stop() {
    active = false;
    observer.disconnect();
    host.removeEventListener('toggle', onToggle);
    document.removeEventListener('fullscreenchange', onFullscreen);
  }

  /** The cheap look the periodic check takes; the full restore (re-observing included) only when needed. */
  function inPlace(): boolean {
    return (
      current() &&
      host.parentNode === document.documentElement &&
      host.attributes.length === OWN_ATTRIBUTES.length &&
      host.style.cssText === expectedStyle() &&
      host.getAttribute('popover') === 'manual' &&
      (typeof host.showPopover !== 'function' || host.matches(':popover-open'))
    );
  }

  return {
    start() {
      if (!active) {
        active = true;
        host.addEventListener('toggle', onToggle);
        document.addEventListener('fullscreenchange', onFullscreen);
      } else if (inPlace()) {
        return;
      }
      restore();
    },
    stop,
  };
}
