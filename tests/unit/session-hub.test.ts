import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createDockTickets, storedTicketKey, type DockTickets, type TicketSender } from '../../entrypoints/background/dock-tickets';
import { createSessionHub, type HubPort } from '../../entrypoints/background/session-hub';
import { createSessionStore, type SessionStore } from '../../entrypoints/background/session-store';
import { createShortcutHandler } from '../../entrypoints/background/shortcuts';
import { STORAGE_TIMEOUT_MS } from '../../entrypoints/background/session-hub';
import fc from 'fast-check';
import { answerTab } from '../../dock/answer-tab';
import { PANEL_PORT, type BackgroundMessage } from '../../utils/session/protocol';
import { T0 } from './conversation';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { cloneTemplate } from '../../utils/templates/schema';

const MEET = 'meet:abc-defg-hij';
const ZOOM = 'zoom:123456789';

/** A runtime port as the background sees one, driven by the test. */
class FakePort implements HubPort {
  received: BackgroundMessage[] = [];
  disconnected = false;
  messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  constructor(
    public name: string,
    public sender: TicketSender,
  ) {}
  postMessage(message: BackgroundMessage) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.received.push(structuredClone(message));
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  disconnect() {
    this.disconnected = true;
  }
  /** The panel sends a message. */
  send(message: unknown) {
    for (const listener of this.messageListeners) listener(message);
  }
  /** The panel goes away (tab closed, reloaded). */
  close() {
    this.disconnected = true;
    for (const listener of this.disconnectListeners) listener();
  }
  last() {
    return this.received.at(-1);
  }
}

const EMPTY_LIBRARY = { kind: 'library', preparations: [], preferences: { hideNotes: false, chime: false, format: 'plain', panelPosition: 'right', compactDock: false }, templates: [] };

let db: SessionDb;
let store: SessionStore;
let hub: ReturnType<typeof createSessionHub>;
let tickets: DockTickets;
let clock = T0;
let dbCount = 0;

/** The meeting tab every panel of these tests is docked in, unless a test says otherwise. */
const TAB = 7;

function panelPort(key = MEET, tab = TAB) {
  return new FakePort(PANEL_PORT, { id: browser.runtime.id, url: `${browser.runtime.getURL('/panel.html')}?key=${encodeURIComponent(key)}`, tab: { id: tab }, frameId: 3 });
}

/** What the dock's content script is, to the background: our extension, on the meeting page's top frame. */
function contentScript(tab = TAB): TicketSender {
  return { id: browser.runtime.id, url: 'https://meet.google.com/abc-defg-hij', tab: { id: tab }, frameId: 0 };
}

/** The ticket the dock in `tab` gets for `key` and hands to its panel. */
function dockTicket(key = MEET, tab = TAB): Promise<string> {
  return tickets.issue(contentScript(tab), key).then((ticket) => ticket!);
}

/** Connects a panel and opens its meeting, as the real panel does once its dock gave it a ticket. */
async function openPanel(key = MEET) {
  const port = panelPort(key);
  hub.connect(port);
  port.send({ kind: 'open', key, ticket: await dockTicket(key) });
  await vi.waitFor(() => expect(port.received.some((m) => m.kind === 'snapshot')).toBe(true));
  return port;
}

let commandCount = 0;
async function command(port: FakePort, key: string, cmd: unknown, id = `command-${String(++commandCount).padStart(4, '0')}`) {
  const before = port.received.length;
  port.send({ kind: 'command', id, key, command: cmd });
  await vi.waitFor(() => expect(port.received.slice(before).some((m) => 'id' in m && m.id === id)).toBe(true));
  return { id, answers: port.received.slice(before) };
}

beforeEach(() => {
  fakeBrowser.reset();
  db = new SessionDb(`hub-test-${++dbCount}`);
  store = createSessionStore(db);
  clock = T0;
  tickets = newTickets(db);
  hub = createSessionHub({
    store,
    extensionId: browser.runtime.id,
    panelUrls: [browser.runtime.getURL('/panel.html')],
    tickets,
    now: () => clock,
  });
});

afterEach(async () => {
  await db.delete();
});

function newTickets(database: SessionDb) {
  return createDockTickets({
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    keyBytes: storedTicketKey(database),
  });
}

describe('who may connect', () => {
  it.each([
    ['another extension', () => new FakePort(PANEL_PORT, { id: 'some-other-extension', url: browser.runtime.getURL('/panel.html') })],
    ['a port with another name', () => new FakePort('something-else', { id: browser.runtime.id, url: browser.runtime.getURL('/panel.html') })],
    ['a content script on a web page', () => new FakePort(PANEL_PORT, { id: browser.runtime.id, url: 'https://meet.google.com/abc-defg-hij' })],
    ['another page of ours', () => new FakePort(PANEL_PORT, { id: browser.runtime.id, url: browser.runtime.getURL('/practice.html') })],
    ['a look-alike path', () => new FakePort(PANEL_PORT, { id: browser.runtime.id, url: `${browser.runtime.getURL('/panel.html')}.evil` })],
    ['no sender', () => new FakePort(PANEL_PORT, {})],
  ])('%s is disconnected and never answered', async (_, make) => {
    const port = make();
    hub.connect(port);
    expect(port.disconnected).toBe(true);
    // Not listened to at all: whatever it sends next reaches nothing.
    expect(port.messageListeners).toHaveLength(0);
    port.send({ kind: 'command', id: 'command-evil-1', key: MEET, command: { type: 'start', minutes: 30 } });
    expect(port.received).toEqual([]);
    expect(await db.sessions.count()).toBe(0);
  });
});

describe('only a panel our dock opened', () => {
  /** A port that sent `open` with this ticket; resolves once the hub has answered it. */
  async function openWith(port: FakePort, ticket: string, key = MEET) {
    hub.connect(port);
    port.send({ kind: 'open', key, ticket });
    await vi.waitFor(() => expect(port.received.length > 0 || port.disconnected).toBe(true));
    return port;
  }

  it.each([
    ['a ticket made for another tab', () => dockTicket(MEET, TAB + 1)],
    ['a ticket made for another meeting', () => dockTicket(ZOOM)],
    ['a well-formed ticket nobody issued', async () => 'A'.repeat(43)],
  ])('%s: told it is not ours, disconnected, shown nothing, and changes nothing', async (_, ticket) => {
    const port = await openWith(panelPort(), await ticket());
    expect(port.received).toEqual([{ kind: 'not-ours' }]);
    expect(port.disconnected).toBe(true);
    // A page that framed it keeps clicking: nothing is stored, nothing is answered.
    port.send({ kind: 'command', id: 'command-framed-1', key: MEET, command: { type: 'start', minutes: 30 } });
    port.send({ kind: 'library', id: 'command-framed-2', command: { type: 'prep-create', prepId: 'prep-framed-01', label: 'x' } });
    // The real dock's panel is admitted and works: the framed one's commands had their turn before it.
    const real = await openPanel();
    await command(real, MEET, { type: 'start', minutes: 30 });
    expect(port.received).toEqual([{ kind: 'not-ours' }]);
    expect((await db.sessions.get(MEET))?.applied).toEqual([expect.not.stringMatching(/framed/)]);
    expect(await db.preparations.count()).toBe(0);
  });

  it('never hears of the coach’s preparations or of other panels’ changes', async () => {
    const framed = await openWith(panelPort(), await dockTicket(MEET, TAB + 1));
    const real = await openPanel();
    await command(real, MEET, { type: 'start', minutes: 30 });
    real.send({ kind: 'library', id: 'command-prep-0001', command: { type: 'prep-create', prepId: 'prep-real-0001', label: 'Dana' } });
    await vi.waitFor(() => expect(real.received.some((m) => m.kind === 'ack' && m.id === 'command-prep-0001')).toBe(true));
    expect(framed.received).toEqual([{ kind: 'not-ours' }]);
  });

  it('commands sent right behind open wait for the ticket check, in order', async () => {
    const port = panelPort();
    hub.connect(port);
    const ticket = await dockTicket();
    port.send({ kind: 'open', key: MEET, ticket });
    port.send({ kind: 'command', id: 'command-behind-1', key: MEET, command: { type: 'start', minutes: 30 } });
    port.send({ kind: 'command', id: 'command-behind-2', key: MEET, command: { type: 'next' } });
    await vi.waitFor(() => expect(port.received.filter((m) => m.kind === 'ack')).toHaveLength(2));
    expect((await db.sessions.get(MEET))?.current).toBe(1);
  });

  it('a command for another meeting than the ticket admits is dropped', async () => {
    const port = await openPanel(MEET);
    port.send({ kind: 'command', id: 'command-other-01', key: ZOOM, command: { type: 'start', minutes: 30 } });
    await command(port, MEET, { type: 'start', minutes: 30 });
    expect(await db.sessions.get(ZOOM)).toBeUndefined();
    expect(port.received.some((m) => 'id' in m && m.id === 'command-other-01')).toBe(false);
  });

  it('a message before open, or open without a ticket, is not answered', async () => {
    const port = panelPort();
    hub.connect(port);
    port.send({ kind: 'command', id: 'command-early-01', key: MEET, command: { type: 'start', minutes: 30 } });
    port.send({ kind: 'open', key: MEET });
    await openPanel();
    expect(port.received).toEqual([]);
    expect(await db.sessions.get(MEET)).toBeUndefined();
  });

  it('the same ticket is admitted by a restarted worker: the key is kept in the database', async () => {
    const ticket = await dockTicket();
    // A new worker: new hub, new tickets, same database.
    tickets = newTickets(db);
    hub = createSessionHub({ store, extensionId: browser.runtime.id, panelUrls: [browser.runtime.getURL('/panel.html')], tickets, now: () => clock });
    const port = await openWith(panelPort(), ticket);
    expect(port.received.map((m) => m.kind)).toContain('snapshot');
    expect(port.disconnected).toBe(false);
  });

  it('another profile (another key) does not take this one’s tickets', async () => {
    const ticket = await dockTicket();
    const other = new SessionDb(`hub-test-other-${++dbCount}`);
    expect(await newTickets(other).verify(panelPort().sender, MEET, ticket)).toBe(false);
    expect(await tickets.verify(panelPort().sender, MEET, ticket)).toBe(true);
    await other.delete();
  });

  it('sends the keyboard shortcuts as the browser has them, so a framed panel in Firefox lists them too', async () => {
    const keys = [{ description: 'Next step', keys: 'Alt+Shift+Right' }];
    hub = createSessionHub({ store, extensionId: browser.runtime.id, panelUrls: [browser.runtime.getURL('/panel.html')], tickets, shortcutKeys: async () => keys, now: () => clock });
    const port = panelPort();
    hub.connect(port);
    port.send({ kind: 'open', key: MEET, ticket: await dockTicket() });
    await vi.waitFor(() => expect(port.received).toContainEqual({ kind: 'shortcuts', keys }));
  });
});

describe('after the call', () => {
  it('sends a Closing what its Kickoff agreed on open and when its preparation changes, and runs the panel-open hook', async () => {
    const recap = { key: ZOOM, startedAt: T0 - 1, goals: 'Delegate', support: '', cadence: null, cadenceText: '' };
    const looked: string[] = [];
    let opened = 0;
    hub = createSessionHub({
      store,
      extensionId: browser.runtime.id,
      panelUrls: [browser.runtime.getURL('/panel.html')],
      tickets,
      kickoffFor: async (closing) => (looked.push(closing.preparationId ?? 'none'), closing.preparationId ? recap : null),
      onPanelOpen: () => opened++,
      now: () => clock,
    });
    const panel = await openPanel();
    expect(opened).toBe(1);
    await command(panel, MEET, { type: 'start', minutes: 30, template: 'closing', preparationId: 'prep-0000-0001' });
    await vi.waitFor(() => expect(panel.last()).toEqual({ kind: 'at-kickoff', key: MEET, recap }));
    await command(panel, MEET, { type: 'link-preparation', preparationId: null });
    await vi.waitFor(() => expect(panel.last()).toEqual({ kind: 'at-kickoff', key: MEET, recap: null }));
    // A step change does not look again; a panel opening on the Closing does.
    await command(panel, MEET, { type: 'next' });
    expect(looked).toEqual(['prep-0000-0001', 'none']);
    const second = await openPanel();
    await vi.waitFor(() => expect(second.received).toContainEqual({ kind: 'at-kickoff', key: MEET, recap: null }));
    expect(opened).toBe(2);
  });

  it('refresh: after the Conversations page deleted a conversation, its open panels show it gone', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    await db.sessions.delete(MEET);
    await hub.refresh();
    expect(panel.received.filter((m) => m.kind === 'snapshot').at(-1)).toEqual({ kind: 'snapshot', key: MEET, session: null });
    expect(panel.last()).toEqual({ kind: 'snapshot', key: MEET, session: null });
  });

  it('refresh after a template change: open panels get the new list of templates, and no snapshot', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    const snapshots = panel.received.filter((m) => m.kind === 'snapshot').length;
    await db.table('templates').put({ ...cloneTemplate(builtInTemplate('kickoff')), id: 'own-1', name: 'Team check-in' });
    await hub.refresh('templates');
    const library = panel.last();
    expect(library).toMatchObject({ kind: 'library', templates: [{ id: 'own-1', name: 'Team check-in', valid: true }] });
    expect(panel.received.filter((m) => m.kind === 'snapshot')).toHaveLength(snapshots);
  });

  it('opens the Conversations page for an admitted panel only', async () => {
    let opened = 0;
    hub = createSessionHub({ store, extensionId: browser.runtime.id, panelUrls: [browser.runtime.getURL('/panel.html')], tickets, openConversations: () => opened++, now: () => clock });
    const framed = panelPort(MEET, TAB + 1);
    hub.connect(framed);
    framed.send({ kind: 'open', key: MEET, ticket: await dockTicket() });
    framed.send({ kind: 'open-conversations' });
    await vi.waitFor(() => expect(framed.received).toEqual([{ kind: 'not-ours' }]));
    const panel = await openPanel();
    panel.send({ kind: 'open-conversations' });
    await vi.waitFor(() => expect(opened).toBe(1));
  });
});

describe('who is given a dock ticket', () => {
  const ours = browser.runtime.id;
  it.each([
    ['our content script on a meeting page', contentScript(), true],
    ['our practice page', { id: ours, url: `${browser.runtime.getURL('/practice.html')}?rehearsal=r1`, tab: { id: 9 }, frameId: 0 }, true],
    ['our call-outside-the-browser page', { id: ours, url: `${browser.runtime.getURL('/practice.html').replace('practice', 'call')}?call=c1`, tab: { id: 9 }, frameId: 0 }, true],
    ['our side panel, which has no tab', { id: ours, url: browser.runtime.getURL('/practice.html').replace('practice', 'sidepanel') }, true],
    ['the panel page itself (what a page frames)', { id: ours, url: browser.runtime.getURL('/panel.html'), tab: { id: TAB }, frameId: 4 }, false],
    ['another extension', { ...contentScript(), id: 'some-other-extension' }, false],
    ['our script in a subframe', { ...contentScript(), frameId: 2 }, false],
    ['a sender without a tab or address', { id: ours }, false],
    ['a page of ours that does not dock', { id: ours, url: `${new URL(browser.runtime.getURL('/')).origin}/background.html`, frameId: 0 }, false],
  ] as [string, TicketSender, boolean][])('%s: %s', async (_, sender, given) => {
    const ticket = await tickets.issue(sender, MEET);
    expect(ticket !== null).toBe(given);
    if (ticket) expect(ticket).toMatch(/^[\w-]{43}$/);
  });
});

describe('a panel driving a meeting', () => {
  it('gets an empty snapshot before start, then the stored session once a command is acknowledged', async () => {
    const panel = await openPanel();
    expect(panel.received).toEqual([EMPTY_LIBRARY, { kind: 'snapshot', key: MEET, session: null }]);
    const { id, answers } = await command(panel, MEET, { type: 'start', minutes: 30 });
    // The stored state first, then the ack: the panel never lets go of a change before it has the stored one.
    expect(answers.map((m) => m.kind)).toEqual(['snapshot', 'ack']);
    expect(answers[1]).toEqual({ kind: 'ack', id });
    // Acknowledged means stored.
    expect(await db.sessions.get(MEET)).toMatchObject({ current: 0, meetingMinutes: 30 });
    expect(answers[0]).toMatchObject({ kind: 'snapshot', session: { revision: 1 } });
  });

  it('every panel on the meeting sees the change; a panel on another meeting sees nothing', async () => {
    const tabA = await openPanel();
    const tabB = await openPanel();
    const other = await openPanel(ZOOM);
    await command(tabA, MEET, { type: 'start', minutes: 45 });
    await command(tabA, MEET, { type: 'next' });
    await vi.waitFor(() => expect(tabB.last()).toMatchObject({ kind: 'snapshot', key: MEET, session: { current: 1, revision: 2 } }));
    expect(other.received).toEqual([EMPTY_LIBRARY, { kind: 'snapshot', key: ZOOM, session: null }]);
  });

  it('answers a refused command with the reason and broadcasts nothing', async () => {
    const tabA = await openPanel();
    const tabB = await openPanel();
    const { id, answers } = await command(tabA, MEET, { type: 'next' });
    expect(answers).toEqual([{ kind: 'rejected', id, reason: 'Start the conversation first.' }]);
    expect(tabB.received).toHaveLength(2);
  });

  it('ignores malformed messages: no answer, no change', async () => {
    const panel = await openPanel();
    for (const junk of [null, 'next', { kind: 'command', id: 'x', key: MEET, command: { type: 'next' } }, { kind: 'open', key: 'javascript:alert(1)' }]) {
      panel.send(junk);
    }
    await command(panel, MEET, { type: 'start', minutes: 30 });
    expect(panel.received.filter((m) => m.kind !== 'snapshot' && m.kind !== 'library')).toHaveLength(1);
    expect(await db.sessions.get(MEET)).toMatchObject({ revision: 1 });
  });

  it('acknowledges a retried command again without applying it twice', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    const { id } = await command(panel, MEET, { type: 'next' });
    // The panel lost its port before the ack arrived, reconnected, and resends under the same id.
    const reconnected = await openPanel();
    const { answers } = await command(reconnected, MEET, { type: 'next' }, id);
    expect(answers).toEqual([{ kind: 'snapshot', key: MEET, session: expect.objectContaining({ revision: 2 }) }, { kind: 'ack', id }]);
    expect(await db.sessions.get(MEET)).toMatchObject({ current: 1, revision: 2 });
  });

  it('answers a retried copy of a refused command with the same refusal, never applying it later', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    const { id, answers } = await command(panel, MEET, { type: 'previous' });
    expect(answers).toEqual([{ kind: 'rejected', id, reason: 'This is the first step.' }]);
    await command(panel, MEET, { type: 'next' });
    // A copy of the refused "previous" arrives after the state moved on: it would now apply.
    const retry = await command(panel, MEET, { type: 'previous' }, id);
    expect(retry.answers).toEqual([{ kind: 'rejected', id, reason: 'This is the first step.' }]);
    expect(await db.sessions.get(MEET)).toMatchObject({ current: 1, revision: 2 });
  });

  it('drops a closed panel from the meeting', async () => {
    const tabA = await openPanel();
    const tabB = await openPanel();
    expect(hub.subscriberCount(MEET)).toBe(2);
    tabB.close();
    expect(hub.subscriberCount(MEET)).toBe(1);
    await command(tabA, MEET, { type: 'start', minutes: 30 });
    expect(tabB.received).toHaveLength(2);
  });

  it('says so when the database cannot write, and the session stays as it was', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    vi.spyOn(db.sessions, 'put').mockRejectedValueOnce(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
    panel.send({ kind: 'command', id: 'command-fails-1', key: MEET, command: { type: 'next' } });
    await vi.waitFor(() => expect(panel.last()).toEqual({ kind: 'storage-error', message: 'The browser is out of storage space for this extension.' }));
    // Nothing was acknowledged: the panel keeps the command and sends it again.
    expect(await db.sessions.get(MEET)).toMatchObject({ current: 0, revision: 1 });
  });

  it('stamps commands with the background clock', async () => {
    const panel = await openPanel();
    clock = T0 + 5_000;
    await command(panel, MEET, { type: 'start', minutes: 30 });
    expect(await db.sessions.get(MEET)).toMatchObject({ startedAt: T0 + 5_000 });
  });
});

describe('the coach’s preparations and preferences', () => {
  async function library(port: FakePort, cmd: unknown, id = `library-${String(++commandCount).padStart(4, '0')}`) {
    const before = port.received.length;
    port.send({ kind: 'library', id, command: cmd });
    await vi.waitFor(() => expect(port.received.slice(before).some((m) => 'id' in m && m.id === id)).toBe(true));
    return port.received.slice(before);
  }

  it('every open panel, on any meeting, gets the library when it opens and after each change', async () => {
    const meet = await openPanel();
    const zoom = await openPanel(ZOOM);
    expect(meet.received[0]).toEqual({ kind: 'library', preparations: [], preferences: { hideNotes: false, chime: false, format: 'plain', panelPosition: 'right', compactDock: false }, templates: [] });
    const answers = await library(meet, { type: 'prep-create', prepId: 'prep-0000-0001', label: 'Sam' });
    expect(answers.map((m) => m.kind)).toEqual(['library', 'ack']);
    await library(meet, { type: 'preference', name: 'hideNotes', value: true });
    await vi.waitFor(() =>
      expect(zoom.last()).toMatchObject({ kind: 'library', preparations: [{ id: 'prep-0000-0001', label: 'Sam' }], preferences: { hideNotes: true } }),
    );
  });

  it('answers a refused library command with the reason', async () => {
    const panel = await openPanel();
    const answers = await library(panel, { type: 'prep-text', prepId: 'prep-0000-0404', field: 'notes', text: 'x' });
    expect(answers).toEqual([{ kind: 'rejected', id: expect.any(String), reason: 'That preparation was deleted.' }]);
  });

  it('links a preparation to the conversation at the start', async () => {
    const panel = await openPanel();
    await library(panel, { type: 'prep-create', prepId: 'prep-0000-0001', label: '' });
    await command(panel, MEET, { type: 'start', minutes: 30, template: 'closing', preparationId: 'prep-0000-0001' });
    expect(await db.sessions.get(MEET)).toMatchObject({ templateId: 'closing', preparationId: 'prep-0000-0001' });
  });
});

describe('keyboard shortcuts', () => {
  /** The tab's content script as it answers: the real answering code, on a meeting or not. */
  function tabs(meetingKeys: Record<number, string | null>) {
    const toggled: number[] = [];
    return {
      toggled,
      askTab: async (tabId: number, message: unknown) =>
        (await answerTab(message, {
          status: () => ({ key: meetingKeys[tabId] ?? null, dockedHere: false }),
          toggle: () => toggled.push(tabId),
          expand: () => undefined,
          dockHere: async () => undefined,
          undockHere: async () => undefined,
          applySettings: () => undefined,
        })) ?? null,
    };
  }

  function handler(tabsFake: ReturnType<typeof tabs>) {
    let n = 0;
    return createShortcutHandler({
      askTab: tabsFake.askTab,
      runSessionCommand: hub.runSessionCommand,
      runLibraryCommand: hub.runLibraryCommand,
      newId: () => `shortcut-${++n}-${Date.now()}`,
    });
  }

  it('Next and Previous step move the meeting shown in the tab, and every panel on it follows', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    const onShortcut = handler(tabs({ 7: MEET }));
    await onShortcut('next-step', { id: 7 });
    await onShortcut('next-step', { id: 7 });
    await onShortcut('previous-step', { id: 7 });
    expect(await db.sessions.get(MEET)).toMatchObject({ current: 1 });
    await vi.waitFor(() => expect(panel.last()).toMatchObject({ kind: 'snapshot', session: { current: 1 } }));
  });

  it('does nothing on a tab that is not a meeting, or for an unknown shortcut', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    const onShortcut = handler(tabs({ 7: null }));
    await onShortcut('next-step', { id: 7 });
    await onShortcut('next-step', { id: 99 });
    await onShortcut('next-step', undefined);
    await onShortcut('delete-everything', { id: 7 });
    expect(await db.sessions.get(MEET)).toMatchObject({ current: 0, revision: 1 });
  });

  it('Show or hide the panel folds the dock in that tab', async () => {
    const fake = tabs({ 7: MEET, 8: ZOOM });
    await handler(fake)('toggle-panel', { id: 8 });
    expect(fake.toggled).toEqual([8]);
  });

  it('Hide private notes toggles the preference for every panel', async () => {
    const panel = await openPanel();
    const onShortcut = handler(tabs({}));
    await onShortcut('hide-notes', { id: 1 });
    await vi.waitFor(() => expect(panel.last()).toMatchObject({ kind: 'library', preferences: { hideNotes: true } }));
    await onShortcut('hide-notes');
    await vi.waitFor(() => expect(panel.last()).toMatchObject({ kind: 'library', preferences: { hideNotes: false } }));
  });
});

describe('when the browser’s storage fails', () => {
  it('answers a hanging database with a storage error instead of silence, and the retry lands once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const panel = await openPanel();
      await command(panel, MEET, { type: 'start', minutes: 30 });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const realApply = store.apply;
      const stuck = vi.spyOn(store, 'apply').mockImplementationOnce(async (...args) => {
        await gate;
        return realApply(...args);
      });
      panel.send({ kind: 'command', id: 'command-stuck-1', key: MEET, command: { type: 'next' } });
      await vi.advanceTimersByTimeAsync(STORAGE_TIMEOUT_MS);
      expect(panel.last()).toEqual({ kind: 'storage-error', message: 'The browser’s storage is not answering (another window may be updating it).' });
      // The stuck write completes after all; the panel's retry under the same id is not applied again.
      release();
      await vi.waitFor(async () => expect(await db.sessions.get(MEET)).toMatchObject({ current: 1, revision: 2 }));
      stuck.mockRestore();
      const { answers } = await command(panel, MEET, { type: 'next' }, 'command-stuck-1');
      expect(answers.at(-1)).toEqual({ kind: 'ack', id: 'command-stuck-1' });
      expect(await db.sessions.get(MEET)).toMatchObject({ current: 1, revision: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the database cannot be opened at all, instead of leaving the panel waiting', async () => {
    // A newer version of the database than this one knows (say, after a downgrade) refuses to open.
    const name = `hub-test-newer-${++dbCount}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1_000);
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
    });
    const unopenable = new SessionDb(name);
    // Tickets checked against the working database: this test is about the sessions' one.
    hub = createSessionHub({ store: createSessionStore(unopenable), extensionId: browser.runtime.id, panelUrls: [browser.runtime.getURL('/panel.html')], tickets, now: () => clock });
    const port = panelPort();
    hub.connect(port);
    port.send({ kind: 'open', key: MEET, ticket: await dockTicket() });
    await vi.waitFor(() => expect(port.last()).toEqual({ kind: 'storage-error', message: 'The browser’s storage for this extension could not be opened.' }));
    port.send({ kind: 'command', id: 'command-open-fails', key: MEET, command: { type: 'start', minutes: 30 } });
    await vi.waitFor(() => expect(port.received.filter((m) => m.kind === 'storage-error')).toHaveLength(2));
    await unopenable.delete().catch(() => undefined);
  });

  it('tells a panel that its meeting’s stored session is damaged, while other meetings work on', async () => {
    const zoom = await openPanel(ZOOM);
    await command(zoom, ZOOM, { type: 'start', minutes: 30 });
    await db.sessions.put({ key: MEET, revision: 'x' } as never);
    const meet = await openPanel();
    await vi.waitFor(() => expect(meet.last()).toMatchObject({ kind: 'notice', message: expect.stringMatching(/could not be read/) }));
    expect(meet.received.find((m) => m.kind === 'snapshot')).toEqual({ kind: 'snapshot', key: MEET, session: null });
    const { answers } = await command(zoom, ZOOM, { type: 'next' });
    expect(answers.at(-1)).toMatchObject({ kind: 'ack' });
  });

  it('ignores thousands of generated messages: no answer, no stored change', async () => {
    const panel = await openPanel();
    await command(panel, MEET, { type: 'start', minutes: 30 });
    const before = await db.sessions.get(MEET);
    const received = panel.received.length;
    const junk = fc.sample(
      fc.oneof(
        fc.anything(),
        fc.record({ kind: fc.constantFrom('command', 'library', 'open'), id: fc.string(), key: fc.constantFrom(MEET, 'x:y', ''), command: fc.anything() }),
      ),
      { numRuns: 3_000, seed: 7 },
    );
    for (const message of junk) panel.send(message);
    // A valid command after the junk is answered, so the junk had its turn.
    await command(panel, MEET, { type: 'pause' });
    const answers = panel.received.slice(received);
    expect(answers.filter((m) => m.kind === 'ack' || m.kind === 'rejected')).toHaveLength(1);
    expect(await db.sessions.get(MEET)).toEqual({ ...before, runningSince: null, spentMs: expect.any(Array), revision: 2, applied: expect.any(Array), updatedAt: expect.any(Number) });
    expect(await db.preparations.count()).toBe(0);
  });
});
