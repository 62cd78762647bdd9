/**
 * The panel's side of the port. The background may be stopped at any moment (Chrome does so
 * after ~30 s idle, and an open port does not prevent it), so the client reconnects whenever the
 * port drops and resends every command not yet acknowledged, under its original id. When the
 * browser's storage fails, the commands stay pending and are sent again until they are stored;
 * meanwhile the panel shows them applied on the last good state (see utils/session/optimistic.ts).
 * Every connection opens with the dock ticket; a panel the background refuses goes quiet for good.
 */
import { computed, signal } from '@preact/signals';
// The plain `browser` (Firefox's own, Chrome's chrome), not WXT's promise polyfill: the client
// calls only runtime.connect and runtime.getURL, synchronous and alike in every browser, and the
// polyfill was a tenth of the panel's 30 KB (the content scripts leave it out for the same reason).
import { browser } from '@wxt-dev/browser';
import { libraryWithPending, sessionWithPending, type LibraryView, type Pending } from '../../utils/session/optimistic';
import { DEFAULT_PREFERENCES } from '../../utils/session/preferences';
import { PANEL_PORT, type BackgroundMessage, type LibraryCommand, type PanelMessage, type ShortcutKey } from '../../utils/session/protocol';
import type { TemplateChoice } from '../../utils/templates/choice';
import type { KickoffRecap } from '../../utils/records/at-kickoff';
import type { Command, Session } from '../../utils/session/session';

export type Connection = 'connecting' | 'connected' | 'reconnecting';

const RECONNECT_MS = [0, 100, 250, 500, 1000, 2000];
const STORAGE_RETRY_MS = [1000, 2000, 5000, 10_000];

export function createSessionClient(key: string, ticket: string) {
  const stored = signal<Session | null>(null);
  const storedLibrary = signal<LibraryView>({ preparations: [], preferences: DEFAULT_PREFERENCES });
  /** The coach's own templates for the Conversation choice; the built-ins are in the panel itself. */
  const templates = signal<TemplateChoice[]>([]);
  const pending = signal<Pending[]>([]);
  const loaded = signal(false);
  const connection = signal<Connection>('connecting');
  const problem = signal<string | null>(null);
  /** The background did not accept this panel's ticket: it is not one our dock opened. */
  const refused = signal(false);
  const shortcuts = signal<ShortcutKey[]>([]);
  /** For a Closing: what its engagement's Kickoff agreed. */
  const atKickoff = signal<KickoffRecap | null>(null);
  /** Whether this connection's `open` was answered; until then a storage retry opens again. */
  let opened = false;
  /** A view that follows another meeting (the side panel) closes the client it no longer needs. */
  let closed = false;
  const settlers = new Map<string, (error: string | null) => void>();
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let reconnects = 0;
  let storageRetries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const session = computed(() => sessionWithPending(stored.value, key, pending.value));
  const library = computed(() => libraryWithPending(storedLibrary.value, pending.value));

  function connect() {
    try {
      port = browser.runtime.connect({ name: PANEL_PORT });
    } catch {
      // The extension was reloaded or removed under us; this page is an orphan now.
      problem.value = 'Alignment Companion was updated. Reload this page to continue.';
      return;
    }
    opened = false;
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      port = null;
      if (refused.value || closed) return;
      connection.value = 'reconnecting';
      setTimeout(connect, RECONNECT_MS[Math.min(reconnects++, RECONNECT_MS.length - 1)]);
    });
    open();
  }

  function open() {
    post({ kind: 'open', key, ticket });
    resendPending();
  }

  function post(message: PanelMessage) {
    try {
      port?.postMessage(message);
    } catch {
      // The port died mid-send; onDisconnect reconnects and resends.
    }
  }

  function resendPending() {
    for (const entry of pending.value) post(toMessage(entry));
  }

  function settle(id: string, error: string | null) {
    pending.value = pending.value.filter((entry) => entry.id !== id);
    settlers.get(id)?.(error);
    settlers.delete(id);
  }

  function onMessage(raw: unknown) {
    const message = raw as BackgroundMessage;
    switch (message.kind) {
      case 'snapshot':
        if (message.key !== key) return;
        reconnects = 0;
        opened = true;
        connection.value = 'connected';
        loaded.value = true;
        // Snapshots can cross on the wire; never step back to an older one.
        if (!message.session || !stored.value || message.session.revision >= stored.value.revision) {
          // Another conversation on this link: what a Closing before it recalled is not its own.
          // (For a new Closing, its own recap follows this snapshot.)
          if (message.session?.startedAt !== stored.value?.startedAt) atKickoff.value = null;
          stored.value = message.session;
        }
        return;
      case 'library':
        storedLibrary.value = { preparations: message.preparations, preferences: message.preferences };
        templates.value = message.templates;
        return;
      case 'ack':
        storageRetries = 0;
        problem.value = null;
        settle(message.id, null);
        return;
      case 'rejected':
        // A refusal is said where the coach looks; the next stored command clears it.
        problem.value = message.reason;
        settle(message.id, message.reason);
        return;
      case 'notice':
        problem.value = message.message;
        return;
      case 'shortcuts':
        shortcuts.value = message.keys;
        return;
      case 'at-kickoff':
        if (message.key === key) atKickoff.value = message.recap;
        return;
      case 'not-ours':
        refused.value = true;
        pending.value = [];
        return;
      case 'storage-error':
        problem.value = `${message.message} Your changes are kept here and saved again shortly.`;
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => (opened ? resendPending() : open()), STORAGE_RETRY_MS[Math.min(storageRetries++, STORAGE_RETRY_MS.length - 1)]);
        return;
    }
  }

  function dispatch(entry: Pending): Promise<string | null> {
    if (refused.value) return Promise.resolve(NOT_OURS);
    pending.value = [...pending.value, entry];
    return new Promise((resolve) => {
      settlers.set(entry.id, resolve);
      post(toMessage(entry));
    });
  }

  /** Resolves with null once the command is stored, or with the reason it was not applied. */
  function send(command: Command): Promise<string | null> {
    return dispatch({ id: crypto.randomUUID(), at: Date.now(), kind: 'command', key, command });
  }

  /** For preparations and preferences, which belong to the coach rather than to this meeting. */
  function sendLibrary(command: LibraryCommand): Promise<string | null> {
    return dispatch({ id: crypto.randomUUID(), at: Date.now(), kind: 'library', command });
  }

  connect();
  return {
    session,
    loaded,
    connection,
    problem,
    refused,
    shortcuts,
    atKickoff,
    /** Opens the Conversations page; the background does it, as a framed panel cannot everywhere. */
    openConversations: () => post({ kind: 'open-conversations' }),
    conversationsUrl: browser.runtime.getURL('/options.html'),
    close() {
      closed = true;
      clearTimeout(retryTimer);
      port?.disconnect();
      port = null;
    },
    preparations: computed(() => library.value.preparations),
    preferences: computed(() => library.value.preferences),
    templates,
    send,
    sendLibrary,
  };
}

export type SessionClient = ReturnType<typeof createSessionClient>;

export const NOT_OURS = 'This panel was not opened by Alignment Companion.';

function toMessage(entry: Pending): PanelMessage {
  return entry.kind === 'command'
    ? { kind: 'command', id: entry.id, key: entry.key, command: entry.command }
    : { kind: 'library', id: entry.id, command: entry.command };
}
