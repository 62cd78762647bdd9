/**
 * The panel's side of the port. The background may be stopped at any moment (Chrome does so
 * after ~30 s idle, and an open port does not prevent it), so the client reconnects whenever the
 * port drops and resends every command not yet acknowledged, under its original id.
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { DEFAULT_PREFERENCES, type Preferences } from '../../utils/preferences';
import type { Preparation } from '../../utils/preparation';
import { PANEL_PORT, type BackgroundMessage, type LibraryCommand, type PanelMessage } from '../../utils/protocol';
import type { Command, Session } from '../../utils/session';

export type Connection = 'connecting' | 'connected' | 'reconnecting';

const RETRY_MS = [0, 100, 250, 500, 1000, 2000];

export function createSessionClient(key: string) {
  const session = signal<Session | null>(null);
  const loaded = signal(false);
  const connection = signal<Connection>('connecting');
  const problem = signal<string | null>(null);
  const preparations = signal<Preparation[]>([]);
  const preferences = signal<Preferences>(DEFAULT_PREFERENCES);
  const pending = new Map<string, { message: PanelMessage; settle: (error: string | null) => void }>();
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let attempt = 0;

  function connect() {
    try {
      port = browser.runtime.connect({ name: PANEL_PORT });
    } catch {
      // The extension was reloaded or removed under us; this page is an orphan now.
      problem.value = 'Alignment Companion was updated. Reload this page to continue.';
      return;
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      port = null;
      connection.value = 'reconnecting';
      setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    });
    post({ kind: 'open', key });
    for (const { message } of pending.values()) post(message);
  }

  function post(message: PanelMessage) {
    try {
      port?.postMessage(message);
    } catch {
      // The port died mid-send; onDisconnect reconnects and resends.
    }
  }

  function onMessage(raw: unknown) {
    const message = raw as BackgroundMessage;
    switch (message.kind) {
      case 'snapshot':
        if (message.key !== key) return;
        attempt = 0;
        connection.value = 'connected';
        loaded.value = true;
        // Snapshots can cross on the wire; never step back to an older one.
        if (!message.session || !session.value || message.session.revision >= session.value.revision) {
          session.value = message.session;
        }
        return;
      case 'library':
        preparations.value = message.preparations;
        preferences.value = message.preferences;
        return;
      case 'ack':
      case 'rejected': {
        const entry = pending.get(message.id);
        pending.delete(message.id);
        entry?.settle(message.kind === 'rejected' ? message.reason : null);
        // A refusal is said where the coach looks; the next stored command clears it.
        problem.value = message.kind === 'rejected' ? message.reason : null;
        return;
      }
      case 'storage-error':
        problem.value = message.message;
        for (const [id, entry] of pending) {
          pending.delete(id);
          entry.settle(message.message);
        }
        return;
    }
  }

  /** Resolves with null once the command is stored, or with the reason it was not applied. */
  function send(command: Command): Promise<string | null> {
    return dispatch({ kind: 'command', id: crypto.randomUUID(), key, command });
  }

  /** For preparations and preferences, which belong to the coach rather than to this meeting. */
  function sendLibrary(command: LibraryCommand): Promise<string | null> {
    return dispatch({ kind: 'library', id: crypto.randomUUID(), command });
  }

  function dispatch(message: PanelMessage & { id: string }): Promise<string | null> {
    const { id } = message;
    return new Promise((settle) => {
      pending.set(id, { message, settle });
      post(message);
    });
  }

  connect();
  return { session, loaded, connection, problem, preparations, preferences, send, sendLibrary };
}

export type SessionClient = ReturnType<typeof createSessionClient>;
