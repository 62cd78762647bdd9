import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dockIntoOpenMeetings } from './reinject';
import { SessionDb } from './session-db';
import { createSessionHub } from './session-hub';
import { createSessionStore } from './session-store';

export default defineBackground({
  main() {
    const hub = createSessionHub({
      store: createSessionStore(new SessionDb()),
      extensionId: browser.runtime.id,
      panelUrl: browser.runtime.getURL('/panel.html'),
    });
    // Registered synchronously so a port that wakes the worker is never missed.
    browser.runtime.onConnect.addListener((port) => hub.connect(port));
    dockIntoOpenMeetings();
  },
});
