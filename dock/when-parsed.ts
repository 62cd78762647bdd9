/** What whenParsed needs of the page; the content script's own window and document. */
export interface ParseWatch {
  document: Pick<Document, 'readyState'>;
  window: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'>;
}

/** How often the backstop looks whether the page is parsed, should the event never reach us. */
export const PARSED_CHECK_MS = 250;

/**
 * Runs `start` once, as soon as the page's DOM is parsed. The content scripts are injected at
 * document_start only to be there first: Chromium runs document_end scripts in a task of their own
 * after DOMContentLoaded, often after the page's first frame, so the dock came a frame late.
 *
 * Our listener, added before any of the page's scripts run, is the first in the capture phase at
 * the window, so no page listener can stop the event before it. An event the page dispatched
 * itself is not trusted and not taken. A document.open() while the page loads erases every
 * listener, ours included: a slow check of readyState backs the listener up until it starts.
 */
export function whenParsed(start: () => void, page: ParseWatch = { document, window }): void {
  if (page.document.readyState !== 'loading') return start();
  let check: ReturnType<Window['setTimeout']>;
  const begin = () => {
    page.window.removeEventListener('DOMContentLoaded', onParsed, true);
    page.window.clearTimeout(check);
    start();
  };
  const onParsed = (event: Event) => {
    if (event.isTrusted) begin();
  };
  const look = () => {
    if (page.document.readyState !== 'loading') begin();
    else check = page.window.setTimeout(look, PARSED_CHECK_MS);
  };
  page.window.addEventListener('DOMContentLoaded', onParsed, true);
  check = page.window.setTimeout(look, PARSED_CHECK_MS);
}
