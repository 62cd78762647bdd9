import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createSessionStore } from '../../entrypoints/background/session-store';
import { STALE_AFTER_END_MS } from '../../utils/session/session';
import { MIN, T0 } from './conversation';

const KEY = 'zoom:123456789';
const opened: SessionDb[] = [];
let dbCount = 0;

function openDb(name = `store-test-${++dbCount}`) {
  const db = new SessionDb(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('the session store', () => {
  it('stores an applied command before it resolves', async () => {
    const db = openDb();
    const store = createSessionStore(db);
    expect(await store.get(KEY)).toEqual({ session: null, damaged: false });
    await store.apply(KEY, 'c-start-01', { type: 'start', minutes: 30 }, T0);
    await store.apply(KEY, 'c-next-001', { type: 'next' }, T0 + MIN);
    expect(await db.sessions.get(KEY)).toMatchObject({ key: KEY, current: 1, revision: 2 });
  });

  it('writes nothing for a refused command', async () => {
    const db = openDb();
    const store = createSessionStore(db);
    const result = await store.apply(KEY, 'c-next-001', { type: 'next' }, T0);
    expect(result).toEqual({ ok: false, reason: 'Start the conversation first.' });
    expect(await db.sessions.count()).toBe(0);
  });

  it('applies a retried command once', async () => {
    const db = openDb();
    const store = createSessionStore(db);
    await store.apply(KEY, 'c-start-01', { type: 'start', minutes: 30 }, T0);
    await store.apply(KEY, 'c-next-001', { type: 'next' }, T0 + MIN);
    const retry = await store.apply(KEY, 'c-next-001', { type: 'next' }, T0 + 2 * MIN);
    expect(retry).toMatchObject({ ok: true, duplicate: true });
    expect((await store.get(KEY)).session).toMatchObject({ current: 1, revision: 2 });
  });

  it('is read back the same by a new worker on the same database', async () => {
    const name = `store-test-restart-${++dbCount}`;
    const first = openDb(name);
    await createSessionStore(first).apply(KEY, 'c-start-01', { type: 'start', minutes: 45 }, T0);
    first.close();
    const session = (await createSessionStore(openDb(name)).get(KEY)).session;
    expect(session).toMatchObject({ key: KEY, meetingMinutes: 45, startedAt: T0, current: 0 });
  });

  it('lands two commands sent at once from two tabs, one after the other', async () => {
    const db = openDb();
    const store = createSessionStore(db);
    await store.apply(KEY, 'c-start-01', { type: 'start', minutes: 30 }, T0);
    await Promise.all([
      store.apply(KEY, 'tab-a-next', { type: 'next' }, T0 + MIN),
      store.apply(KEY, 'tab-b-next', { type: 'next' }, T0 + MIN),
    ]);
    expect((await store.get(KEY)).session).toMatchObject({ current: 2, revision: 3 });
  });

  it('keeps each meeting to itself', async () => {
    const store = createSessionStore(openDb());
    await store.apply(KEY, 'c-start-01', { type: 'start', minutes: 30 }, T0);
    await store.apply('meet:abc-defg-hij', 'c-start-02', { type: 'start', minutes: 60 }, T0);
    await store.apply(KEY, 'c-next-001', { type: 'next' }, T0 + MIN);
    expect((await store.get('meet:abc-defg-hij')).session).toMatchObject({ current: 0, meetingMinutes: 60 });
  });

  it('archives the past conversation when a reused link starts afresh', async () => {
    const db = openDb();
    const store = createSessionStore(db);
    await store.apply(KEY, 'c-start-01', { type: 'start', minutes: 30 }, T0);
    await store.apply(KEY, 'c-next-001', { type: 'next' }, T0 + MIN);
    const later = T0 + 30 * MIN + STALE_AFTER_END_MS + 1;
    await store.apply(KEY, 'c-start-02', { type: 'start', minutes: 45 }, later);
    expect((await store.get(KEY)).session).toMatchObject({ startedAt: later, current: 0, meetingMinutes: 45 });
    expect(await db.archive.get([KEY, T0])).toMatchObject({ current: 1, meetingMinutes: 30 });
  });

  it('treats a damaged session as absent, keeps it aside on the next start, and leaves other meetings alone', async () => {
    const db = openDb();
    const store = createSessionStore(db);
    await store.apply('meet:abc-defg-hij', 'c-start-02', { type: 'start', minutes: 60 }, T0);
    const damaged = { key: KEY, agenda: 'not an agenda', current: 99 };
    await db.sessions.put(damaged as never);
    expect(await store.get(KEY)).toEqual({ session: null, damaged: true });
    expect(await store.apply(KEY, 'c-next-001', { type: 'next' }, T0)).toEqual({ ok: false, reason: 'Start the conversation first.' });
    // The other meeting is untouched and works on.
    expect(await store.apply('meet:abc-defg-hij', 'c-next-002', { type: 'next' }, T0 + MIN)).toMatchObject({ ok: true, session: { current: 1 } });
    await store.apply(KEY, 'c-start-03', { type: 'start', minutes: 30 }, T0 + MIN);
    expect(await store.get(KEY)).toMatchObject({ session: { current: 0, meetingMinutes: 30 }, damaged: false });
    expect(await db.quarantine.toArray()).toEqual([{ id: expect.any(Number), table: 'sessions', key: KEY, record: damaged, at: T0 + MIN }]);
  });

  it('leaves out a damaged preparation and falls back per preference', async () => {
    const db = openDb();
    const store = createSessionStore(db);
    await store.applyLibrary({ type: 'prep-create', prepId: 'prep-0000-0001', label: 'Sam' }, T0);
    await db.preparations.put({ id: 'prep-broken', label: 42, updatedAt: T0 + 1 } as never);
    await db.settings.put({ name: 'preferences', value: { hideNotes: true, chime: 'loud', format: 'html' } as never });
    const library = await store.library();
    expect(library.preparations.map((prep) => prep.id)).toEqual(['prep-0000-0001']);
    expect(library.preferences).toEqual({ hideNotes: true, chime: false, format: 'plain', panelPosition: 'right', compactDock: false });
  });
});
