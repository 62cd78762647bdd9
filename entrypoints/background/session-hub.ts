/**
 * The background's command handling: panels connect on a port, open a meeting's session with the
 * dock ticket their dock gave them, send commands; every panel on that meeting gets the new
 * snapshot once it is stored. Preparations and preferences belong to the coach, not to a meeting:
 * every admitted panel gets those. A port without a valid ticket is told so and hears nothing else.
 */
import { PANEL_PORT, parsePanelMessage, type BackgroundMessage, type LibraryCommand, type ShortcutKey } from '../../utils/session/protocol';
import type { Preferences } from '../../utils/session/preferences';
import type { KickoffRecap } from '../../utils/records/at-kickoff';
import { APPLIED_MEMORY, conversationKindOf, type Command, type Session } from '../../utils/session/session';
import type { DockTickets, TicketSender } from './dock-tickets';
import type { SessionStore } from './session-store';

/** The part of a runtime port the hub uses; real ports and test doubles both fit. */
export interface HubPort {
  name: string;
  sender?: TicketSender;
  postMessage(message: BackgroundMessage): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface HubOptions {
  store: SessionStore;
  extensionId: string;
  /** Full URLs of the pages that show a session (SESSION_PAGES); only those may drive one, with a ticket. */
  panelUrls: string[];
  tickets: Pick<DockTickets, 'verify'>;
  /** The browser's shortcut keys; only the background may ask (a framed panel in Firefox cannot). */
  shortcutKeys?: () => Promise<ShortcutKey[]>;
  /** For a Closing, what its engagement's Kickoff agreed (records-store.ts). */
  kickoffFor?: (closing: Session) => Promise<KickoffRecap | null>;
  /** Something to do whenever a panel opens: old records expire then (retention). */
  onPanelOpen?: () => void;
  openConversations?: () => void;
  /** After the coach's preferences changed; the dock on every tab follows the panel position. */
  onPreferences?: (preferences: Preferences) => void;
  now?: () => number;
}

export function createSessionHub({
  store,
  extensionId,
  panelUrls,
  tickets,
  shortcutKeys,
  kickoffFor,
  onPanelOpen,
  openConversations,
  onPreferences,
  now = Date.now,
}: HubOptions) {
  const subscribers = new Map<string, Set<HubPort>>();
  /** Admitted panels: their ticket was checked. */
  const panels = new Set<HubPort>();
  /**
   * The meeting each port's ticket admits it to, or null when refused. Set as soon as `open`
   * arrives, so commands sent right behind it wait for the check instead of being dropped.
   */
  const admission = new Map<HubPort, Promise<string | null>>();
  /**
   * Refusals change nothing, so they are not stored; but a panel that has heard "refused" must
   * not see a retried copy of the same command applied later (say, after a storage timeout). The
   * latest refusals are remembered while this worker lives and a copy gets the same answer.
   */
  const refused = new Map<string, string>();

  function isOurPanel(port: HubPort): boolean {
    const url = port.sender?.url ?? '';
    const isPage = (page: string) => url === page || url.startsWith(`${page}?`) || url.startsWith(`${page}#`);
    return port.name === PANEL_PORT && port.sender?.id === extensionId && panelUrls.some(isPage);
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
    // The Kickoff a Closing recalls changes only with its start or its preparation.
    const relinked = command.type === 'start' || command.type === 'link-preparation';
    if (!result.duplicate && relinked && conversationKindOf(result.session) === 'closing') {
      const recap = await recapFor(result.session);
      for (const port of subscribers.get(key) ?? []) safePost(port, recap);
    }
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
    if (command.type === 'preference' && (command.name === 'panelPosition' || command.name === 'compactDock')) {
      onPreferences?.(result.library.preferences);
    }
    return result;
  }

  async function recapFor(session: Session | null): Promise<BackgroundMessage> {
    const key = session?.key ?? '';
    // The recap is a nicety: a failed look-up shows none rather than an error.
    const recap = session && kickoffFor ? await kickoffFor(session).catch(() => null) : null;
    return { kind: 'at-kickoff', key, recap };
  }

  function admit(port: HubPort, key: string, ticket: string): Promise<string | null> {
    const check = withTimeout(tickets.verify(port.sender ?? {}, key, ticket)).then((valid) => (valid ? key : null));
    admission.set(port, check);
    // A storage failure while checking is not a refusal: the panel hears the error and opens again.
    check.catch(() => admission.delete(port));
    return check;
  }

  async function onMessage(port: HubPort, raw: unknown) {
    const message = parsePanelMessage(raw);
    if (!message) return; // Malformed or unknown: no answer, no change.
    try {
      if (message.kind === 'open') {
        const admitted = await admit(port, message.key, message.ticket);
        if (admitted === null) {
          safePost(port, { kind: 'not-ours' });
          port.disconnect();
          return;
        }
        panels.add(port);
        subscribe(port, admitted);
        const [read, library] = await withTimeout(Promise.all([store.get(admitted), store.library()]));
        safePost(port, { kind: 'library', ...library });
        safePost(port, { kind: 'snapshot', key: admitted, session: read.session });
        if (read.damaged) safePost(port, { kind: 'notice', message: DAMAGED_TEXT });
        if (read.session && conversationKindOf(read.session) === 'closing') safePost(port, await recapFor(read.session));
        onPanelOpen?.();
        if (shortcutKeys) safePost(port, { kind: 'shortcuts', keys: await shortcutKeys().catch(() => []) });
        return;
      }
      // Anything else only on a port admitted to that meeting; the rest is dropped unanswered.
      const admitted = await admission.get(port);
      if (admitted === undefined || admitted === null) return;
      if (message.kind === 'open-conversations') {
        openConversations?.();
      } else if (message.kind === 'command') {
        if (message.key !== admitted) return;
        await applySession(message.key, message.id, message.command, port);
      } else {
        await applyLibrary(message.id, message.command, port);
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
      port.onMessage.addListener((raw) => void onMessage(port, raw));
      port.onDisconnect.addListener(() => {
        panels.delete(port);
        admission.delete(port);
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
    /**
     * After records changed outside any panel (the Conversations page deleted or imported): every
     * open panel gets what is stored now, so a deleted conversation does not linger on screen.
     * After a template change only the library can differ, so only it is sent.
     */
    async refresh(what: 'records' | 'templates' = 'records') {
      try {
        const library = await withTimeout(store.library());
        for (const port of panels) safePost(port, { kind: 'library', ...library });
        if (what === 'templates') return;
        for (const [key, ports] of subscribers) {
          if (ports.size === 0) continue;
          const read = await withTimeout(store.get(key));
          for (const port of ports) safePost(port, { kind: 'snapshot', key, session: read.session });
        }
      } catch (error) {
        broadcastError(error);
      }
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
