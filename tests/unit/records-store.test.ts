import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordsStore } from '../../entrypoints/background/records-store';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createSessionStore } from '../../entrypoints/background/session-store';
import { parseBackup, serializeBackup } from '../../utils/records/backup';
import { conversationId } from '../../utils/records/conversation';
import type { Session } from '../../utils/session/session';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { duplicateTemplate } from '../../utils/templates/copy';
import { MIN, T0 } from './conversation';
import { DAY, preparation, recorded } from './records-fixtures';

const opened: SessionDb[] = [];
let dbCount = 0;

function openDb() {
  const db = new SessionDb(`records-test-${++dbCount}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const SAM = preparation('prep-sam-0001', 'Sam');
const current = recorded({ key: 'meet:abc-defg-hij', template: 'closing', startedAt: T0, prepId: SAM.id, finished: false });
const kickoff = recorded({ key: 'zoom:123456789', startedAt: T0 - 120 * DAY, prepId: SAM.id, goals: 'Delegate more' });
const archived = recorded({ key: 'meet:abc-defg-hij', startedAt: T0 - 30 * DAY, goals: 'Earlier' });

async function filled() {
  const db = openDb();
  await db.sessions.bulkPut([current, kickoff]);
  await db.archive.put(archived);
  await db.preparations.put(SAM);
  return { db, store: createRecordsStore(db) };
}

const ids = (conversations: Session[]) => conversations.map(conversationId).sort();

describe('the records store', () => {
  it('lists every conversation, current and archived, leaving damaged ones out', async () => {
    const { db, store } = await filled();
    await db.sessions.put({ key: 'teams:1234567890', agenda: 'broken' } as never);
    const all = await store.all();
    expect(ids(all.conversations)).toEqual(ids([current, kickoff, archived]));
    expect(all.preparations).toEqual([SAM]);
    expect(all.keepFor).toBe('1y');
    await store.setKeepFor('90d');
    expect((await store.all()).keepFor).toBe('90d');
  });

  it('gets one conversation by its id, wherever it is kept', async () => {
    const { store } = await filled();
    expect(await store.get(conversationId(current))).toEqual(current);
    expect(await store.get(conversationId(archived))).toEqual(archived);
    expect(await store.get(conversationId({ key: current.key, startedAt: T0 + 1 }))).toBeNull();
    expect(await store.get('not an id')).toBeNull();
  });

  it('finds the Kickoff a Closing recalls through the preparation index', async () => {
    const { store } = await filled();
    expect(await store.kickoffFor(current)).toMatchObject({ key: kickoff.key, startedAt: kickoff.startedAt, goals: 'Delegate more' });
    expect(await store.kickoffFor(kickoff)).toBeNull();
  });

  it('deletes one conversation for good, current or archived, and nothing else', async () => {
    const { db, store } = await filled();
    expect(await store.delete(conversationId(archived))).toBe(true);
    expect(await db.archive.count()).toBe(0);
    expect(await db.sessions.count()).toBe(2);
    expect(await store.delete(conversationId(current))).toBe(true);
    expect(await db.sessions.get(current.key)).toBeUndefined();
    expect(await store.delete(conversationId(current))).toBe(false);
    expect(await store.delete('meet:abc')).toBe(false);
    expect(ids((await store.all()).conversations)).toEqual(ids([kickoff]));
  });

  it('deletes everything and says how much went', async () => {
    const { db, store } = await filled();
    await store.setKeepFor('30d');
    await db.quarantine.add({ table: 'sessions', key: 'x', record: {}, at: T0 });
    await db.dockedHere.put({ address: 'https://teams.microsoft.com/v2/', key: 'teams:here-1', at: T0 });
    await db.templates.put({ id: 'tpl-mine' } as never);
    const ticketKey = { name: 'dock-ticket-key' as const, bytes: new Uint8Array(32) };
    await db.secrets.put(ticketKey);
    expect(await store.counts()).toEqual({ conversations: 3, preparations: 1 });
    expect(await store.deleteEverything()).toEqual({ conversations: 3, preparations: 1 });
    for (const table of [db.sessions, db.archive, db.preparations, db.settings, db.quarantine, db.dockedHere, db.templates]) {
      expect(await table.count()).toBe(0);
    }
    // Panels open now keep their tickets: the key that signs them is not the coach's data.
    expect(await db.secrets.get('dock-ticket-key')).toEqual(ticketKey);
  });

  it('applies retention: old conversations, preparations and damaged copies go; the next due date is said', async () => {
    const { db, store } = await filled();
    const idle = preparation('prep-idle-001', 'Kim', { updatedAt: T0 - 100 * DAY });
    await db.preparations.put(idle);
    await db.quarantine.bulkAdd([
      { table: 'sessions', key: 'old', record: {}, at: T0 - 91 * DAY },
      { table: 'sessions', key: 'new', record: {}, at: T0 - DAY },
    ]);
    await db.archive.put({ ...archived, startedAt: T0 - 200 * DAY, updatedAt: T0 - 200 * DAY, agenda: 'damaged' } as never);
    await store.setKeepFor('90d');
    const result = await store.applyRetention(T0);
    expect(result.conversations.sort()).toEqual([conversationId(kickoff), conversationId({ key: archived.key, startedAt: T0 - 200 * DAY })].sort());
    // Sam's preparation is in use by the current Closing; Kim's is idle.
    expect(result.preparationIds).toEqual([idle.id]);
    expect(result.quarantined).toBe(1);
    expect(result.nextDueAt).toBe(archived.updatedAt + 90 * DAY + 1);
    expect(ids((await store.all()).conversations)).toEqual(ids([current, archived]));
    expect((await db.quarantine.toArray()).map((q) => q.key)).toEqual(['new']);
    // A second run finds nothing more.
    expect(await store.applyRetention(T0)).toMatchObject({ conversations: [], preparationIds: [], quarantined: 0 });
  });

  it('deletes nothing when kept forever', async () => {
    const { store } = await filled();
    await store.setKeepFor('forever');
    expect(await store.applyRetention(T0 + 10_000 * DAY)).toEqual({ conversations: [], preparationIds: [], quarantined: 0, nextDueAt: null });
    expect((await store.all()).conversations).toHaveLength(3);
  });
});

describe('backup and restore through the store', () => {
  it('exports everything, and a fresh profile imports the same records and settings', async () => {
    const { store } = await filled();
    await store.setKeepFor('180d');
    const sessions = createSessionStore(opened[0]!);
    await sessions.applyLibrary({ type: 'preference', name: 'hideNotes', value: true }, T0);
    const text = serializeBackup(await store.exportAll(T0 + DAY));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.reason);

    const fresh = openDb();
    const restored = createRecordsStore(fresh);
    const result = await restored.importBackup(parsed.backup, T0 + DAY);
    expect(result).toEqual({
      ok: true,
      counts: { conversations: 3, preparations: 1, skipped: 0, expiring: 0 },
      status: 'Imported 3 conversations and 1 preparation.',
    });
    const all = await restored.all();
    expect(ids(all.conversations)).toEqual(ids([current, kickoff, archived]));
    expect(all.conversations.find((c) => c.startedAt === current.startedAt)).toEqual(current);
    expect(all.keepFor).toBe('180d');
    expect((await createSessionStore(fresh).library()).preferences.hideNotes).toBe(true);
    // The meeting's newest conversation is current again: rejoining resumes it.
    expect((await createSessionStore(fresh).get(current.key)).session).toEqual(current);
    expect(await fresh.archive.get([archived.key, archived.startedAt])).toEqual(archived);

    // The same file again changes nothing.
    expect(await restored.importBackup(parsed.backup, T0 + DAY)).toMatchObject({ ok: true, status: 'Nothing new: all 4 records in this backup are already here.' });
  });

  it('never overwrites: same ids are skipped, settings already chosen stay', async () => {
    const { db, store } = await filled();
    await store.setKeepFor('30d');
    const changed = { ...current, capture: { ...current.capture, goals: 'From the backup' } };
    const newer = recorded({ key: 'meet:abc-defg-hij', startedAt: T0 + DAY });
    const parsed = parseBackup(
      JSON.stringify({ schema: 'alignment-companion-backup', version: 1, exportedAt: 'x', conversations: [changed, newer], preparations: [SAM], settings: { keepFor: 'forever' } }),
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const result = await store.importBackup(parsed.backup, T0 + DAY);
    expect(result).toMatchObject({ ok: true, status: 'Imported 1 conversation and 0 preparations; 2 already here.' });
    expect((await db.sessions.get(current.key))?.capture.goals).toBe('');
    // The meeting already had a current conversation, so the imported one is archived beside it.
    expect(await db.archive.get([newer.key, newer.startedAt])).toEqual(newer);
    expect((await store.all()).keepFor).toBe('30d');
  });

  it('stores nothing from a file when any part of the write fails', async () => {
    const { store } = await filled();
    const backup = await store.exportAll(T0);
    const fresh = openDb();
    vi.spyOn(fresh.preparations, 'bulkAdd').mockRejectedValue(new Error('disk full'));
    await expect(createRecordsStore(fresh).importBackup(backup, T0)).rejects.toThrow();
    for (const table of [fresh.sessions, fresh.archive, fresh.preparations, fresh.settings]) expect(await table.count()).toBe(0);
  });

  it('refuses an import that would pass the preparation limit, storing nothing', async () => {
    const { store } = await filled();
    const backup = await store.exportAll(T0);
    backup.preparations = Array.from({ length: 51 }, (_, i) => preparation(`prep-many-${String(i).padStart(3, '0')}`, `P${i}`));
    const fresh = openDb();
    expect(await createRecordsStore(fresh).importBackup(backup, T0)).toMatchObject({ ok: false, reason: expect.stringMatching(/^Nothing was imported/) });
    expect(await fresh.sessions.count()).toBe(0);
  });

  it('refuses an import that would pass the template limit, storing nothing; templates already here do not count twice', async () => {
    const { store } = await filled();
    const backup = await store.exportAll(T0);
    const template = (i: number) => duplicateTemplate(builtInTemplate('kickoff'), `tpl-many-${String(i).padStart(3, '0')}`, T0);
    const fresh = openDb();
    await fresh.templates.bulkAdd(Array.from({ length: 60 }, (_, i) => template(i)));
    // 30 of the 60 here again and 41 new: 101 in all.
    backup.templates = Array.from({ length: 71 }, (_, i) => template(i + 30));
    expect(await createRecordsStore(fresh).importBackup(backup, T0)).toEqual({
      ok: false,
      reason: 'Nothing was imported: this backup would bring your templates to 101, more than the 100 you can keep.',
    });
    expect(await fresh.sessions.count()).toBe(0);
    expect(await fresh.templates.count()).toBe(60);
    // 40 new: exactly 100, imported.
    backup.templates = backup.templates.slice(0, 70);
    expect(await createRecordsStore(fresh).importBackup(backup, T0)).toMatchObject({ ok: true, status: expect.stringMatching(/Imported 40 templates; 30 already here\.$/) });
    expect(await fresh.templates.count()).toBe(100);
  });
});

describe('finishing and starting again on one meeting link', () => {
  it('archives the finished conversation when the next one starts, and lists both', async () => {
    const db = openDb();
    const sessions = createSessionStore(db);
    const KEY = 'zoom:987654321';
    await sessions.apply(KEY, 'c-start-01', { type: 'start', minutes: 30 }, T0);
    await sessions.apply(KEY, 'c-finish-1', { type: 'finish' }, T0 + 28 * MIN);
    await sessions.apply(KEY, 'c-start-02', { type: 'start', minutes: 45, template: 'closing' }, T0 + 40 * MIN);
    expect(await db.archive.get([KEY, T0])).toMatchObject({ endedAt: T0 + 28 * MIN });
    const all = await createRecordsStore(db).all();
    expect(all.conversations.map((c) => [c.templateId, c.endedAt]).sort()).toEqual([
      ['closing', null],
      ['kickoff', T0 + 28 * MIN],
    ]);
  });
});
