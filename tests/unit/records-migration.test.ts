import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordsStore } from '../../entrypoints/background/records-store';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createSessionStore } from '../../entrypoints/background/session-store';
import type { SessionV2 } from '../../utils/session/session-migration';
import { isStoredSession } from '../../utils/session/stored-records';
import { MIN, T0 } from './conversation';
import { DAY, preparation, recorded } from './records-fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function dbName() {
  const name = `records-migration-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
}

/** The schema as each released version declared it. */
function releasedDb(name: string, version: 1 | 2 | 3 | 4) {
  const db = new Dexie(name);
  db.version(1).stores({ sessions: 'key, updatedAt', archive: '[key+startedAt], updatedAt' });
  if (version >= 2) db.version(2).stores({ preparations: 'id, updatedAt', settings: 'name', quarantine: '++id, key' });
  if (version >= 3) db.version(3).stores({ secrets: 'name' });
  if (version >= 4) {
    db.version(4).stores({ sessions: 'key, updatedAt, startedAt, preparationId', archive: '[key+startedAt], updatedAt, startedAt, preparationId' });
  }
  return db;
}

/** A session exactly as schema 2 stored it: everything but `endedAt`. */
function v2Session(options: Parameters<typeof recorded>[0]): SessionV2 {
  const { endedAt: _ended, ...rest } = recorded({ ...options, finished: false });
  return rest;
}

describe('a database written by schema 2, opened by this version', () => {
  it('upgrades current and archived conversations in place, never finished, indexed by start and preparation', async () => {
    const name = dbName();
    const old = releasedDb(name, 2);
    const prep = preparation('prep-sam-0001', 'Sam');
    await old.table('sessions').bulkPut([
      v2Session({ key: 'meet:abc-defg-hij', template: 'closing', startedAt: T0, prepId: prep.id }),
      v2Session({ key: 'zoom:123456789', startedAt: T0 - 100 * DAY, prepId: prep.id, goals: 'Delegate more' }),
    ]);
    await old.table('archive').put(v2Session({ key: 'meet:abc-defg-hij', startedAt: T0 - 200 * DAY, goals: 'Old' }));
    await old.table('preparations').put(prep);
    await old.table('settings').put({ name: 'preferences', value: { hideNotes: true, chime: false, format: 'plain', panelPosition: 'right', compactDock: false } });
    old.close();

    const db = new SessionDb(name);
    const stored = [...(await db.sessions.toArray()), ...(await db.archive.toArray())];
    expect(stored).toHaveLength(3);
    expect(stored.every((session) => session.endedAt === null && isStoredSession(session))).toBe(true);
    expect((await db.sessions.where('preparationId').equals(prep.id).toArray()).map((s) => s.key).sort()).toEqual(['meet:abc-defg-hij', 'zoom:123456789']);
    expect((await db.archive.orderBy('startedAt').first())?.startedAt).toBe(T0 - 200 * DAY);

    const records = createRecordsStore(db);
    const all = await records.all();
    expect(all.conversations).toHaveLength(3);
    expect(all.keepFor).toBe('1y');
    const closing = all.conversations.find((c) => c.templateId === 'closing')!;
    expect(await records.kickoffFor(closing)).toMatchObject({ goals: 'Delegate more' });
    // The upgraded conversation goes on: it can be finished.
    const sessions = createSessionStore(db);
    expect(await sessions.apply('meet:abc-defg-hij', 'c-finish-01', { type: 'finish' }, T0 + 40 * MIN)).toMatchObject({
      ok: true,
      session: { endedAt: T0 + 40 * MIN, runningSince: null },
    });
    expect((await sessions.library()).preferences.hideNotes).toBe(true);
    db.close();
  });
});

describe('a database written by schema 1, opened by this version', () => {
  it('runs both upgrades: the records gain capture and pacing, then an empty end', async () => {
    const name = dbName();
    const old = releasedDb(name, 1);
    const { capture: _c, parked: _p, notes: _n, nextStepsText: _t, preparationId: _r, budgetMs: _b, endedAt: _e, ...v1 } = recorded({ finished: false });
    await old.table('sessions').put({ ...v1, agenda: v1.agenda.map(({ id, title, lead, points, minutes }) => ({ id, title, lead, points, minutes })) });
    await old.table('archive').put({ ...v1, startedAt: T0 - 10 * DAY, agenda: v1.agenda.map(({ id, title, lead, points, minutes }) => ({ id, title, lead, points, minutes })) });
    old.close();

    const db = new SessionDb(name);
    const all = await createRecordsStore(db).all();
    expect(all.conversations).toHaveLength(2);
    expect(all.conversations.every((c) => c.endedAt === null && c.preparationId === null && c.parked.length === 0)).toBe(true);
    expect(await db.sessions.where('startedAt').equals(T0).count()).toBe(1);
    db.close();
  });
});

describe('databases written by schemas 3 and 4, opened by this version', () => {
  it('schema 3: the dock-ticket key is kept (open panels stay admitted), and sessions gain endedAt', async () => {
    const name = dbName();
    const old = releasedDb(name, 3);
    const bytes = new Uint8Array(32).fill(7);
    await old.table('secrets').put({ name: 'dock-ticket-key', bytes });
    await old.table('sessions').put(v2Session({ key: 'meet:abc-defg-hij', startedAt: T0 }));
    old.close();

    const db = new SessionDb(name);
    expect((await db.secrets.get('dock-ticket-key'))?.bytes).toEqual(bytes);
    expect(await db.sessions.get('meet:abc-defg-hij')).toMatchObject({ endedAt: null });
    expect(await db.dockedHere.count()).toBe(0);
    db.close();
  });

  it('schema 4: everything kept, and the addresses docked by hand start empty', async () => {
    const name = dbName();
    const old = releasedDb(name, 4);
    const finished = recorded({ key: 'zoom:123456789', startedAt: T0, finished: true });
    await old.table('sessions').put(finished);
    old.close();

    const db = new SessionDb(name);
    expect(await db.sessions.get('zoom:123456789')).toEqual(finished);
    await db.dockedHere.put({ address: 'https://teams.microsoft.com/v2/', key: 'teams:here-1', at: T0 });
    expect(await db.dockedHere.get('https://teams.microsoft.com/v2/')).toMatchObject({ key: 'teams:here-1' });
    db.close();
  });
});
