import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dockIntoOpenMeetings } from './reinject';
import { SessionDb } from './session-db';
import { createSessionHub } from './session-hub';
import { createSessionStore } from './session-store';
import { createShortcutHandler } from './shortcuts';

export default defineBackground({
  main() {
    const hub = createSessionHub({
      store: createSessionStore(new SessionDb()),
      extensionId: browser.runtime.id,
      panelUrl: browser.runtime.getURL('/panel.html'),
    });
    const onShortcut = createShortcutHandler({
      // A tab without our content script (not a meeting) has nobody to answer: that is a plain no.
      askTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null),
      runSessionCommand: hub.runSessionCommand,
      runLibraryCommand: hub.runLibraryCommand,
      newId: () => crypto.randomUUID(),
    });
    // Registered synchronously so an event that wakes the worker is never missed.
    browser.runtime.onConnect.addListener((port) => hub.connect(port));
    browser.commands.onCommand.addListener((name, tab) => void onShortcut(name, tab));
    dockIntoOpenMeetings();
  },
});
