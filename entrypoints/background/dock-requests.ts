/**
 * What the dock's content script asks the background: the coach's panel position, and the
 * addresses docked by hand with `Dock the panel here` (kept in IndexedDB, so a reload or a browser
 * restart docks again; the page's own storage is the page's to change).
 */
import { dockedHereAddress, platformOfAddress } from '../../utils/meeting/meeting-identity';
import type { PanelPosition } from '../../utils/session/preferences';
import type { DockRequest } from '../../utils/session/protocol';
import type { TicketSender } from './dock-tickets';
import type { SessionDb } from './session-db';

export interface DockRequestOptions {
  db: SessionDb;
  extensionId: string;
  settings: () => Promise<{ position: PanelPosition; compact: boolean }>;
  newId: () => string;
  now?: () => number;
}

export function createDockRequests({ db, extensionId, settings, newId, now = Date.now }: DockRequestOptions) {
  return async function answer(request: DockRequest, sender: TicketSender): Promise<unknown> {
    // Only our content scripts, on a meeting site's top frame.
    if (sender.id !== extensionId || sender.frameId !== 0 || sender.tab?.id === undefined || !sender.url) return null;
    const address = dockedHereAddress(sender.url);
    const platform = platformOfAddress(sender.url);
    if (!address || !platform) return null;
    switch (request.kind) {
      case 'dock-settings':
        return settings();
      case 'docked-here':
        return { key: (await db.dockedHere.get(address))?.key ?? null };
      case 'dock-here':
        return db.transaction('rw', db.dockedHere, async () => {
          const existing = await db.dockedHere.get(address);
          if (existing) return { key: existing.key };
          const key = `${platform}:here-${newId()}`;
          await db.dockedHere.put({ address, key, at: now() });
          return { key };
        });
      case 'undock-here':
        await db.dockedHere.delete(address);
        return { key: null };
    }
  };
}
