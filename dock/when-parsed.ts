/**
 * Runs `start` as soon as the page's DOM is parsed. The content scripts are injected at
 * document_start only to be there first: Chromium injects document_end scripts in a task of their
 * own after DOMContentLoaded, often after the page's first frame, so the dock waited a frame it
 * need not have. Our listener, added before any of the page's scripts run, is the first in the
 * capture phase at the window, so no page listener can stop it.
 */
export function whenParsed(start: () => void): void {
  if (document.readyState !== 'loading') return start();
  window.addEventListener('DOMContentLoaded', () => start(), { capture: true, once: true });
}
