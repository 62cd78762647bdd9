/**
 * Dock tickets: only a panel that our own dock (or one of our extension pages) opened may see or
 * drive a session. `panel.html` has to be web-accessible to the meeting sites for the dock to
 * frame it, so a meeting page can frame it too; without a ticket such a panel stays inert.
 *
 * A ticket is an HMAC of the tab and the meeting key under a random key kept in IndexedDB. The
 * dock asks for it over runtime messaging, which no web page can send on (the manifest has no
 * `externally_connectable`), and posts it into its own frame, which lives in a closed shadow
 * root the page cannot reach. The panel presents it on every (re)connection; the background checks
 * it against the tab the port really comes from, so a ticket is worthless in any other tab, and
 * stays valid across worker stops and page reloads, but not across a browser restart (new tab
 * ids), when the dock simply asks again.
 */
import type { SessionDb } from './session-db';

/** What the browser tells the background about a message's or port's sender. */
export interface TicketSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Our pages that show a session and talk to the background for it; each needs a ticket. */
export const SESSION_PAGES = ['/panel.html', '/call.html', '/sidepanel.html'];

/**
 * Our pages that may be given a ticket: the practice page for the panel it docks, and the pages
 * that show a session themselves. panel.html never is: it is the page a meeting page can frame.
 */
export const TICKET_PAGES = ['/practice.html', '/call.html', '/sidepanel.html'];

export interface DockTicketOptions {
  extensionId: string;
  /** The extension's origin, `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Resolves to the signing key's bytes, made once and kept. */
  keyBytes: () => Promise<Uint8Array>;
}

export function createDockTickets({ extensionId, extensionOrigin, keyBytes }: DockTicketOptions) {
  let signingKey: Promise<CryptoKey> | null = null;

  function key(): Promise<CryptoKey> {
    signingKey ??= keyBytes().then((bytes) =>
      crypto.subtle.importKey('raw', bytes as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    );
    // A storage failure must not stick for the worker's lifetime: the next call tries again.
    signingKey.catch(() => (signingKey = null));
    return signingKey;
  }

  async function sign(scope: string, meetingKey: string): Promise<string> {
    const mac = await crypto.subtle.sign('HMAC', await key(), new TextEncoder().encode(`${scope}\n${meetingKey}`));
    return toBase64Url(new Uint8Array(mac));
  }

  /** Who may be given a ticket: our content scripts in a tab's top frame, and our docking pages. */
  function mayIssue(sender: TicketSender): boolean {
    if (sender.id !== extensionId || !sender.url) return false;
    let url: URL;
    try {
      url = new URL(sender.url);
    } catch {
      return false;
    }
    if (url.origin === extensionOrigin) return TICKET_PAGES.includes(url.pathname);
    // Not our origin, yet the sender is ours: a content script (web pages cannot message us).
    return url.protocol === 'https:' && sender.frameId === 0 && sender.tab?.id !== undefined;
  }

  return {
    /** A ticket for the sender's tab and the meeting, or null when the sender may not dock. */
    async issue(sender: TicketSender, meetingKey: string): Promise<string | null> {
      return mayIssue(sender) ? sign(scopeOf(sender), meetingKey) : null;
    },
    /** True when the ticket was issued for the tab this port comes from, and this meeting. */
    async verify(sender: TicketSender, meetingKey: string, ticket: string): Promise<boolean> {
      if (sender.id !== extensionId) return false;
      // Equal length and constant time come from comparing the MACs themselves.
      const expected = await sign(scopeOf(sender), meetingKey);
      return timingSafeEqual(expected, ticket);
    },
  };
}

export type DockTickets = ReturnType<typeof createDockTickets>;

/** The signing key: read from the database, or made and stored on first use. */
export function storedTicketKey(db: SessionDb): () => Promise<Uint8Array> {
  return () =>
    db.transaction('rw', db.secrets, async () => {
      const stored = await db.secrets.get('dock-ticket-key');
      if (stored?.bytes instanceof Uint8Array && stored.bytes.length === 32) return stored.bytes;
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      await db.secrets.put({ name: 'dock-ticket-key', bytes });
      return bytes;
    });
}

/** Extension pages outside a tab (a side panel) share one scope; web pages always have a tab. */
function scopeOf(sender: TicketSender): string {
  return sender.tab?.id !== undefined ? `tab:${sender.tab.id}` : 'no-tab';
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
