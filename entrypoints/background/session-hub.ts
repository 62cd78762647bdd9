/**
 * The background's command handling: panels connect on a port, open a meeting's session, send
 * commands; every panel on that meeting gets the new snapshot once it is stored.
 */
import { PANEL_PORT, parsePanelMessage, type BackgroundMessage } from '../../utils/protocol';
import type { SessionStore } from './session-store';

/** The part of a runtime port the hub uses; real ports and test doubles both fit. */
export interface HubPort {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: BackgroundMessage): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface HubOptions {
  store: SessionStore;
  extensionId: string;
  /** The panel page's URL; only that page may drive sessions. */
  panelUrl: string;
  now?: () => number;
}

export function createSessionHub({ store, extensionId, panelUrl, now = Date.now }: HubOptions) {
  const subscribers = new Map<string, Set<HubPort>>();

  function isOurPanel(port: HubPort): boolean {
    const url = port.sender?.url ?? '';
    return port.name === PANEL_PORT && port.sender?.id === extensionId && (url === panelUrl || url.startsWith(`${panelUrl}?`) || url.startsWith(`${panelUrl}#`));
  }

  function broadcast(key: string, message: BackgroundMessage) {
    for (const port of subscribers.get(key) ?? []) safePost(port, message);
  }

  function subscribe(port: HubPort, key: string) {
    for (const [other, ports] of subscribers) if (other !== key) ports.delete(port);
    let ports = subscribers.get(key);
    if (!ports) subscribers.set(key, (ports = new Set()));
    ports.add(port);
  }

  async function onMessage(port: HubPort, raw: unknown) {
    const message = parsePanelMessage(raw);
    if (!message) return; // Malformed or unknown: no answer, no change.
    try {
      if (message.kind === 'open') {
        subscribe(port, message.key);
        safePost(port, { kind: 'snapshot', key: message.key, session: await store.get(message.key) });
        return;
      }
      subscribe(port, message.key);
      const result = await store.apply(message.key, message.id, message.command, now());
      if (!result.ok) {
        safePost(port, { kind: 'rejected', id: message.id, reason: result.reason });
        return;
      }
      safePost(port, { kind: 'ack', id: message.id });
      if (result.duplicate) safePost(port, { kind: 'snapshot', key: message.key, session: result.session });
      else broadcast(message.key, { kind: 'snapshot', key: message.key, session: result.session });
    } catch (error) {
      safePost(port, { kind: 'storage-error', message: storageErrorText(error) });
    }
  }

  return {
    connect(port: HubPort) {
      if (!isOurPanel(port)) {
        port.disconnect();
        return;
      }
      port.onMessage.addListener((raw) => void onMessage(port, raw));
      port.onDisconnect.addListener(() => {
        for (const ports of subscribers.values()) ports.delete(port);
      });
    },
    /** How many panels are open on a meeting; for tests and diagnostics. */
    subscriberCount(key: string) {
      return subscribers.get(key)?.size ?? 0;
    },
  };
}

function safePost(port: HubPort, message: BackgroundMessage) {
  try {
    port.postMessage(message);
  } catch {
    // The panel went away between the command and the answer; it resends when it reconnects.
  }
}

function storageErrorText(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'The browser is out of storage space for this extension.';
  return 'The browser could not save the session. Your last change was not stored; try again.';
}
