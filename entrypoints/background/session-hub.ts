/**
 * The background's command handling: panels connect on a port, open a meeting's session, send
 * commands; every panel on that meeting gets the new snapshot once it is stored. Preparations
 * and preferences belong to the coach, not to a meeting: every open panel gets those.
 */
import { PANEL_PORT, parsePanelMessage, type BackgroundMessage, type LibraryCommand } from '../../utils/protocol';
import { APPLIED_MEMORY, type Command } from '../../utils/session';
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
  const panels = new Set<HubPort>();
  /**
   * Refusals change nothing, so they are not stored; but a panel that has heard "refused" must
   * not see a retried copy of the same command applied later (say, after a storage timeout). The
   * latest refusals are remembered while this worker lives and a copy gets the same answer.
   */
  const refused = new Map<string, string>();

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

  /**
   * Applies a session command from any source (a panel, a keyboard shortcut) and tells every
   * panel. The new state goes out before the ack, so a panel never drops its shown change
   * before the stored one has arrived.
   */
  async function applySession(key: string, id: string, command: Command, reply?: HubPort) {
    const earlier = refused.get(id);
    const result = earlier !== undefined ? { ok: false as const, reason: earlier } : await withTimeout(store.apply(key, id, command, now()));
    if (!result.ok) {
      refused.set(id, result.reason);
      if (refused.size > APPLIED_MEMORY) refused.delete(refused.keys().next().value!);
      if (reply) safePost(reply, { kind: 'rejected', id, reason: result.reason });
      return result;
    }
    const snapshot: BackgroundMessage = { kind: 'snapshot', key, session: result.session };
    if (!result.duplicate) broadcast(key, snapshot);
    else if (reply) safePost(reply, snapshot);
    if (reply) safePost(reply, { kind: 'ack', id });
    return result;
  }

  async function applyLibrary(id: string, command: LibraryCommand, reply?: HubPort) {
    const result = await withTimeout(store.applyLibrary(command, now()));
    if (!result.ok) {
      if (reply) safePost(reply, { kind: 'rejected', id, reason: result.reason });
      return result;
    }
    for (const port of panels) safePost(port, { kind: 'library', ...result.library });
    if (reply) safePost(reply, { kind: 'ack', id });
    return result;
  }

  async function onMessage(port: HubPort, raw: unknown) {
    const message = parsePanelMessage(raw);
    if (!message) return; // Malformed or unknown: no answer, no change.
    try {
      switch (message.kind) {
        case 'open': {
          subscribe(port, message.key);
          const [read, library] = await withTimeout(Promise.all([store.get(message.key), store.library()]));
          safePost(port, { kind: 'library', ...library });
          safePost(port, { kind: 'snapshot', key: message.key, session: read.session });
          if (read.damaged) safePost(port, { kind: 'notice', message: DAMAGED_TEXT });
          return;
        }
        case 'command':
          subscribe(port, message.key);
          await applySession(message.key, message.id, message.command, port);
          return;
        case 'library':
          await applyLibrary(message.id, message.command, port);
          return;
      }
    } catch (error) {
      safePost(port, { kind: 'storage-error', message: storageErrorText(error) });
    }
  }

  function broadcastError(error: unknown) {
    for (const port of panels) safePost(port, { kind: 'storage-error', message: storageErrorText(error) });
  }

  return {
    connect(port: HubPort) {
      if (!isOurPanel(port)) {
        port.disconnect();
        return;
      }
      panels.add(port);
      port.onMessage.addListener((raw) => void onMessage(port, raw));
      port.onDisconnect.addListener(() => {
        panels.delete(port);
        for (const ports of subscribers.values()) ports.delete(port);
      });
    },
    /** A keyboard shortcut's commands: no port to answer, the panels learn of it from what it changes. */
    runSessionCommand(key: string, id: string, command: Command) {
      return applySession(key, id, command).catch(broadcastError);
    },
    runLibraryCommand(id: string, command: LibraryCommand) {
      return applyLibrary(id, command).catch(broadcastError);
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

/**
 * IndexedDB can hang rather than fail (an upgrade blocked by another window, a busy disk): a
 * panel must hear something, so an operation that takes this long is reported as failed. If it
 * completes later, the panel's retry under the same id is recognised and not applied twice.
 */
export const STORAGE_TIMEOUT_MS = 4_000;

const DAMAGED_TEXT = 'The saved session for this meeting could not be read. Start again to continue; the damaged copy is kept aside.';

function withTimeout<T>(operation: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('storage timeout'), { name: 'TimeoutError' })), STORAGE_TIMEOUT_MS);
  });
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
}

function storageErrorText(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Error && 'inner' in error && error.inner instanceof Error ? error.inner.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'The browser is out of storage space for this extension.';
  if (['OpenFailedError', 'VersionError', 'DatabaseClosedError', 'InvalidStateError', 'NotFoundError'].includes(name)) {
    return 'The browser’s storage for this extension could not be opened.';
  }
  if (name === 'TimeoutError') return 'The browser’s storage is not answering (another window may be updating it).';
  return 'The browser could not save the session.';
}
