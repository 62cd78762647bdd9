/**
 * The panel waits for its dock to hand it a ticket (see entrypoints/background/dock-tickets.ts).
 * The dock posts it from the parent window, aimed at our origin, every time this frame loads.
 * A panel framed by anyone else never gets one, and says how to open the real one.
 */
import { signal } from '@preact/signals';
import { parseTicketPost } from '../../utils/session/protocol';

/** How long a panel waits before saying it was not opened by the dock; a late ticket still counts. */
export const TICKET_WAIT_MS = 1_500;

export function awaitDockTicket(key: string) {
  const ticket = signal<string | null>(null);
  const waitedOut = signal(false);
  const onMessage = (event: MessageEvent) => {
    // Only the window that framed us; a top-level panel has no dock at all.
    if (window.parent === window || event.source !== window.parent) return;
    const post = parseTicketPost(event.data);
    if (!post || post.key !== key) return;
    ticket.value = post.ticket;
    window.removeEventListener('message', onMessage);
  };
  window.addEventListener('message', onMessage);
  setTimeout(() => (waitedOut.value = true), TICKET_WAIT_MS);
  return { ticket, waitedOut };
}
