import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordsHub } from '../../entrypoints/background/records-hub';
import { createRecordsStore, type RecordsStore } from '../../entrypoints/background/records-store';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createSessionStore } from '../../entrypoints/background/session-store';
import { watchRecords } from '../../entrypoints/options/records-view';
import { PANEL_PORT, RECORDS_PORT, recordsRequestId, type LibraryCommand } from '../../utils/session/protocol';
import { BACKUP_MAX_BYTES } from '../../utils/records/backup';
import { conversationId } from '../../utils/records/conversation';
import type { Session } from '../../utils/session/session';
import { T0 } from './conversation';
import { FakePort, ask } from './records-port';
import { DAY, preparation, recorded } from './records-fixtures';


const SAM = preparation('prep-sam-0001', 'Sam');
const kickoff = recorded({ key: 'meet:abc-defg-hij', startedAt: T0 - 30 * DAY, prepId: SAM.id, goals: 'Delegate more' });
const closing = recorded({ key: 'zoom:123456789', template: 'closing', startedAt: T0, prepId: SAM.id, finished: false });

let db: SessionDb;
let store: RecordsStore;
let clock = T0;
let dbCount = 0;
let applied: { id: string; command: LibraryCommand }[];
let hub: ReturnType<typeof createRecordsHub>;

const optionsUrl = () => browser.runtime.getURL('/options.html');

beforeEach(async () => {
  fakeBrowser.reset();
  db = new SessionDb(`records-hub-test-${++dbCount}`);
  store = createRecordsStore(db);
  clock = T0;
  applied = [];
  await db.sessions.bulkPut([kickoff, closing]);
  await db.preparations.put(SAM);
  hub = createRecordsHub({
    store,
    extensionId: browser.runtime.id,
    optionsUrl: optionsUrl(),
    runLibraryCommand: async (id, command) => {
      applied.push({ id, command });
      return { ok: true };
    },
    now: () => clock,
  });
});

afterEach(async () => {
  await db.delete();
});

/** What the database holds, to compare before and after. */
async function snapshot() {
  return { sessions: await db.sessions.toArray(), archive: await db.archive.toArray(), preparations: await db.preparations.toArray(), settings: await db.settings.toArray() };
}

function optionsPage(url = optionsUrl()) {
  const port = new FakePort(RECORDS_PORT, { id: browser.runtime.id, url });
  hub.connect(port);
  return port;
}


describe('who may connect', () => {
  it.each([
    ['another extension', () => new FakePort(RECORDS_PORT, { id: 'some-other-extension', url: optionsUrl() })],
    ['a port with another name', () => new FakePort(PANEL_PORT, { id: browser.runtime.id, url: optionsUrl() })],
    ['the panel page', () => new FakePort(RECORDS_PORT, { id: browser.runtime.id, url: browser.runtime.getURL('/panel.html') })],
    ['a content script on a web page', () => new FakePort(RECORDS_PORT, { id: browser.runtime.id, url: 'https://meet.google.com/abc-defg-hij' })],
    ['a look-alike path', () => new FakePort(RECORDS_PORT, { id: browser.runtime.id, url: `${optionsUrl()}.evil` })],
    ['no sender', () => new FakePort(RECORDS_PORT, {})],
  ])('%s is disconnected and never answered', async (_, make) => {
    const port = make();
    const before = await snapshot();
    hub.connect(port);
    expect(port.disconnected).toBe(true);
    expect(port.listeners).toHaveLength(0);
    port.send({ kind: 'delete-everything', id: 'request-evil-1' });
    expect(port.received).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('takes the options page, with or without a section in its address', async () => {
    for (const url of [optionsUrl(), `${optionsUrl()}#conversations`]) {
      const port = optionsPage(url);
      expect(port.disconnected).toBe(false);
      expect(await ask(port, { kind: 'keep-for', period: '90d' })).toMatchObject({ kind: 'done' });
    }
  });
});

describe('requests it refuses', () => {
  const BAD: [string, Record<string, unknown>][] = [
    ['an unknown kind', { kind: 'drop-database' }],
    ['an extra key', { kind: 'delete-everything', really: true }],
    ['a conversation id that is no id', { kind: 'delete', conversation: 'meet:abc-defg-hij' }],
    ['a conversation id on an unknown platform', { kind: 'delete', conversation: `evil:1/${T0}` }],
    ['a period not on offer', { kind: 'keep-for', period: '7d' }],
    ['a setting that is not a yes or no', { kind: 'hide-notes', hidden: 'yes' }],
    ['an import that is not text', { kind: 'import', text: { schema: 'alignment-companion-backup' } }],
    ['an import larger than a backup may be', { kind: 'import', text: ' '.repeat(BACKUP_MAX_BYTES + 1) }],
  ];

  it.each(BAD)('%s: says it did not understand, and changes nothing', async (_, request) => {
    const port = optionsPage();
    const before = await snapshot();
    expect(await ask(port, request)).toEqual({ kind: 'refused', id: expect.any(String), reason: expect.stringMatching(/did not understand/) });
    expect(await snapshot()).toEqual(before);
  });

  it('answers nothing to a message without a usable id, and changes nothing', async () => {
    const port = optionsPage();
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc
          .oneof(fc.anything(), fc.record({ kind: fc.constantFrom('delete', 'delete-everything', 'import'), id: fc.oneof(fc.string({ maxLength: 7 }), fc.integer()) }))
          .filter((raw) => recordsRequestId(raw) === null),
        async (raw) => {
          port.send(raw);
          await Promise.resolve();
        },
      ),
      { numRuns: 500 },
    );
    // The connection's own clean-up may speak; nothing else does.
    expect(port.received.filter((m) => m.kind !== 'notice')).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('what it does', () => {
  it('deletes one conversation, and says so again if asked twice', async () => {
    const port = optionsPage();
    const id = conversationId(kickoff);
    expect(await ask(port, { kind: 'delete', conversation: id })).toMatchObject({ kind: 'done', status: 'Conversation deleted.' });
    expect(await db.sessions.get(kickoff.key)).toBeUndefined();
    expect(await db.sessions.get(closing.key)).toEqual(closing);
    expect(await ask(port, { kind: 'delete', conversation: id })).toMatchObject({ kind: 'done', status: 'That conversation was already deleted.' });
  });

  it('deletes everything and names what went', async () => {
    const port = optionsPage();
    await db.archive.put(recorded({ key: kickoff.key, startedAt: T0 - 60 * DAY }));
    expect(await ask(port, { kind: 'delete-everything' })).toMatchObject({ kind: 'done', status: 'Deleted 3 conversations and 1 preparation, and your settings.' });
    expect(await snapshot()).toEqual({ sessions: [], archive: [], preparations: [], settings: [] });
  });

  it('keeps records for the chosen period, deleting at once what is older', async () => {
    const port = optionsPage();
    expect(await ask(port, { kind: 'keep-for', period: '90d' })).toMatchObject({ status: 'Conversations are kept for 90 days.' });
    clock = T0 + 70 * DAY;
    expect(await ask(port, { kind: 'keep-for', period: '30d' })).toMatchObject({
      status: 'Conversations are kept for 30 days. Deleted 2 conversations and 1 preparation older than you keep records.',
    });
    expect(await snapshot()).toMatchObject({ sessions: [], preparations: [], settings: [{ name: 'retention', value: '30d' }] });
    expect(await ask(port, { kind: 'keep-for', period: 'forever' })).toMatchObject({ status: 'Conversations are kept until you delete them.' });
  });

  it('cleans up as the page opens, and tells it what went', async () => {
    clock = T0 + 400 * DAY;
    const port = optionsPage();
    await vi.waitFor(() => expect(port.received).toEqual([{ kind: 'notice', status: 'Deleted 2 conversations and 1 preparation older than you keep records.' }]));
    expect(await db.sessions.count()).toBe(0);
    // Nothing old, nothing said.
    const again = optionsPage();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(again.received).toEqual([]);
  });

  it('hides private notes the way the panel does, so every panel hears of it', async () => {
    const port = optionsPage();
    expect(await ask(port, { kind: 'hide-notes', hidden: true })).toMatchObject({ kind: 'done', status: 'Private notes hidden.' });
    expect(applied).toEqual([{ id: expect.stringMatching(/^request-/), command: { type: 'preference', name: 'hideNotes', value: true } }]);
  });

  it('imports a backup exported by the page into a fresh profile: the same records', async () => {
    const page = watchRecords(db, 100);
    const { text, conversations, preparations } = await page.backupText(T0);
    page.stop();
    expect([conversations, preparations]).toEqual([2, 1]);
    await db.delete();
    db = new SessionDb(`records-hub-test-${++dbCount}`);
    store = createRecordsStore(db);
    hub = createRecordsHub({ store, extensionId: browser.runtime.id, optionsUrl: optionsUrl(), now: () => clock });
    const port = optionsPage();
    expect(await ask(port, { kind: 'import', text })).toMatchObject({ kind: 'done', status: 'Imported 2 conversations and 1 preparation.' });
    const byId = (list: Session[]) => Object.fromEntries(list.map((c) => [conversationId(c), c]));
    expect(byId((await store.all()).conversations)).toEqual(byId([kickoff, closing]));
    expect(await db.preparations.toArray()).toEqual([SAM]);
    expect(await ask(port, { kind: 'import', text })).toMatchObject({ status: 'Nothing new: all 3 records in this backup are already here.' });
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['not ours', '{"schema":"something-else","version":1}', /not an Alignment Companion backup/],
    ['from a newer version', '{"schema":"alignment-companion-backup","version":2}', /newer version/],
  ])('refuses a file that is %s in one sentence, changing nothing', async (_, text, reason) => {
    const port = optionsPage();
    const before = await snapshot();
    expect(await ask(port, { kind: 'import', text })).toEqual({ kind: 'refused', id: expect.any(String), reason: expect.stringMatching(reason) });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a backup with a damaged record, naming it, and imports none of the good ones', async () => {
    const fresh = new SessionDb(`records-hub-test-${++dbCount}`);
    const backup = await createRecordsStore(db).exportAll(T0);
    (backup.conversations[1] as unknown as Record<string, unknown>).meetingMinutes = 50;
    hub = createRecordsHub({ store: createRecordsStore(fresh), extensionId: browser.runtime.id, optionsUrl: optionsUrl(), now: () => clock });
    const port = optionsPage();
    expect(await ask(port, { kind: 'import', text: JSON.stringify(backup) })).toMatchObject({
      kind: 'refused',
      reason: 'Conversation 2 of 2 in this file cannot be restored (its meeting length is not 30, 45 or 60 minutes), so nothing was imported.',
    });
    expect(await fresh.sessions.count()).toBe(0);
    await fresh.delete();
  });

  it('says when the storage failed, and that nothing changed', async () => {
    const port = optionsPage();
    vi.spyOn(store, 'deleteEverything').mockRejectedValue(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    expect(await ask(port, { kind: 'delete-everything' })).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/out of storage space/) });
    vi.spyOn(store, 'delete').mockRejectedValue(new Error('disk'));
    expect(await ask(port, { kind: 'delete', conversation: conversationId(kickoff) })).toMatchObject({ reason: 'The browser’s storage failed, so nothing changed. Try again.' });
  });

  it('refuses to hide notes when it has no way to tell the panels', async () => {
    hub = createRecordsHub({ store, extensionId: browser.runtime.id, optionsUrl: optionsUrl(), now: () => clock });
    expect(await ask(optionsPage(), { kind: 'hide-notes', hidden: false })).toMatchObject({ kind: 'refused' });
    expect(await db.settings.count()).toBe(0);
  });
});

describe('the page’s own reading', () => {
  it('reads the newest page of conversations by their start, from both tables, before the whole list', async () => {
    const records = createRecordsStore(db);
    const all = (await records.all()).conversations.sort((a, b) => b.startedAt - a.startedAt);
    expect(all.length).toBeGreaterThan(1);
    const newest = await records.newest(1);
    expect(newest.conversations.map(conversationId)).toEqual([conversationId(all[0]!)]);
    expect((await records.newest(100)).conversations.map(conversationId)).toEqual(all.map(conversationId));
    expect(newest.preparations).toEqual((await records.all()).preparations);
  });

  it('sees what the background writes, live, without a message of ours', async () => {
    const page = watchRecords(db, 100);
    await vi.waitFor(() => expect(page.records.value?.conversations).toHaveLength(2));
    await vi.waitFor(() => expect(page.complete.value).toBe(true));
    expect(page.preferences.value.hideNotes).toBe(false);
    await createSessionStore(db).applyLibrary({ type: 'preference', name: 'hideNotes', value: true }, T0);
    await vi.waitFor(() => expect(page.preferences.value.hideNotes).toBe(true));
    await ask(optionsPage(), { kind: 'delete', conversation: conversationId(closing) });
    await vi.waitFor(() => expect(page.records.value?.conversations.map(conversationId)).toEqual([conversationId(kickoff)]));
    expect(await page.counts()).toEqual({ conversations: 1, preparations: 1 });
    page.stop();
  });
});
