import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { RECORDS_PORT, parseDockRequest, parseTicketRequest, type TabMessage, type TicketAnswer } from '../../utils/session/protocol';
import { createDockRequests } from './dock-requests';
import { SESSION_PAGES, createDockTickets, storedTicketKey } from './dock-tickets';
import { createRecordsHub } from './records-hub';
import { createRecordsStore } from './records-store';
import { dockIntoOpenMeetings } from './reinject';
import { SessionDb } from './session-db';
import { createSessionHub } from './session-hub';
import { createSessionStore } from './session-store';
import { createShortcutHandler } from './shortcuts';
import { retentionPassDue } from '../../utils/records/retention';

export default defineBackground({
  main() {
    const db = new SessionDb();
    const tickets = createDockTickets({
      extensionId: browser.runtime.id,
      extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
      keyBytes: storedTicketKey(db),
    });
    const store = createSessionStore(db);
    const records = createRecordsStore(db);
    // Old records expire when the background starts and when a panel opens (at most every quarter
    // of an hour); no alarm permission needed. The Conversations page applies its own at once.
    let lastPassAt: number | null = null;
    const expire = () => {
      const now = Date.now();
      if (!retentionPassDue(lastPassAt, now)) return;
      lastPassAt = now;
      void records.applyRetention(now).catch(() => undefined);
    };
    const hub = createSessionHub({
      store,
      // Every meeting tab learns the new panel position at once; tabs without our script say nothing.
      onPreferences: (preferences) =>
        void browser.tabs.query({}).then((tabs) => {
          const message: TabMessage = { kind: 'dock-settings', position: preferences.panelPosition, compact: preferences.compactDock };
          for (const { id } of tabs) if (id !== undefined) browser.tabs.sendMessage(id, message, { frameId: 0 }).catch(() => undefined);
        }),
      extensionId: browser.runtime.id,
      panelUrls: SESSION_PAGES.map((page) => browser.runtime.getURL(page as '/panel.html')),
      tickets,
      // The browser's own `_execute_action` (open the toolbar view) is listed too, without a description.
      shortcutKeys: async () =>
        (await browser.commands.getAll())
          .filter((c) => c.description && !c.name?.startsWith('_execute'))
          .map((c) => ({ description: c.description ?? '', keys: c.shortcut ?? '' })),
      kickoffFor: (closing) => records.kickoffFor(closing),
      onPanelOpen: expire,
      openConversations: () =>
        void browser.runtime.openOptionsPage().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/options.html') })),
    });
    const onShortcut = createShortcutHandler({
      // A tab without our content script (not a meeting) has nobody to answer: that is a plain no.
      askTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null),
      runSessionCommand: hub.runSessionCommand,
      runLibraryCommand: hub.runLibraryCommand,
      newId: () => crypto.randomUUID(),
    });
    const recordsHub = createRecordsHub({
      store: records,
      extensionId: browser.runtime.id,
      optionsUrl: browser.runtime.getURL('/options.html'),
      runLibraryCommand: hub.runLibraryCommand,
      onRecordsChanged: (what) => void hub.refresh(what),
    });
    // Registered synchronously so an event that wakes the worker is never missed.
    browser.runtime.onConnect.addListener((port) => (port.name === RECORDS_PORT ? recordsHub.connect(port) : hub.connect(port)));
    const answerDock = createDockRequests({
      db,
      extensionId: browser.runtime.id,
      settings: async () => {
        const { panelPosition, compactDock } = (await store.library()).preferences;
        return { position: panelPosition, compact: compactDock };
      },
      newId: () => crypto.randomUUID(),
    });
    browser.runtime.onMessage.addListener((raw, sender) => {
      const request = parseTicketRequest(raw);
      if (request) return tickets.issue(sender, request.key).then((ticket): TicketAnswer => ({ ticket }));
      const dock = parseDockRequest(raw);
      return dock ? answerDock(dock, sender) : undefined;
    });
    browser.commands.onCommand.addListener((name, tab) => void onShortcut(name, tab));
    dockIntoOpenMeetings();
    expire();
  },
});
