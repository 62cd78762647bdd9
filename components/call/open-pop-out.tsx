/**
 * The pop-out: a Document Picture-in-Picture window, which Chrome and Edge (116+) keep above every
 * other window, the Zoom or Teams app included. Its document is ours to fill, and it runs in this
 * page's realm: the view is rendered from here with the page's own session client, so a click in
 * either shows in both at once, and closing it drops nothing but the view.
 */
import { render } from 'preact';
import type { SessionClient } from '../../entrypoints/panel/session-client';
import { PopOutView } from './PopOutView';

/** Not in TypeScript's DOM types yet. */
interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
}

export const POP_OUT_SIZE = { width: 300, height: 240 };

export function canPopOut(win: Window = window): boolean {
  return 'documentPictureInPicture' in win;
}

/** Must run inside the coach's click: the browser opens the window only on a user gesture. */
export async function openPopOut(client: SessionClient): Promise<Window> {
  const api = (window as unknown as { documentPictureInPicture: DocumentPictureInPicture }).documentPictureInPicture;
  const popOut = await api.requestWindow(POP_OUT_SIZE);
  const doc = popOut.document;
  doc.documentElement.lang = document.documentElement.lang || 'en';
  doc.title = 'Alignment Companion';
  copyStyles(document, doc);
  doc.body.classList.add('pop-out-body');
  render(<PopOutView client={client} timers={popOut} />, doc.body);
  // Signals subscribed by the view would otherwise keep the closed window's nodes alive.
  popOut.addEventListener('pagehide', () => render(null, doc.body), { once: true });
  return popOut;
}

/** The page's sheets, light and dark alike, so the pop-out looks and contrasts as the page does. */
function copyStyles(from: Document, to: Document) {
  const scheme = from.querySelector('meta[name="color-scheme"]');
  if (scheme) to.head.append(to.importNode(scheme, true));
  for (const sheet of Array.from(from.styleSheets)) {
    try {
      const style = to.createElement('style');
      style.textContent = Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
      to.head.append(style);
    } catch {
      // Rules of a sheet from another origin cannot be read; the browser can still load it.
      if (!sheet.href) continue;
      const link = to.createElement('link');
      link.rel = 'stylesheet';
      link.href = sheet.href;
      to.head.append(link);
    }
  }
}
