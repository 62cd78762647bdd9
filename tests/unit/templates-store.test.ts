import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createTemplatesStore } from '../../entrypoints/background/templates-store';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { duplicateTemplate } from '../../utils/templates/copy';
import { T0 } from './conversation';

let db: SessionDb;
let n = 0;
beforeEach(() => {
  db = new SessionDb(`templates-store-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const mine = (id: string, at = T0) => duplicateTemplate(builtInTemplate('kickoff'), id, at);

describe('the coach’s templates in IndexedDB', () => {
  it('keeps valid templates, most recently saved first, and hands out only usable ones', async () => {
    const store = createTemplatesStore(db);
    expect(await store.save(mine('tpl-older', T0))).toMatchObject({ ok: true });
    expect(await store.save(mine('tpl-newer', T0 + 1))).toMatchObject({ ok: true });
    expect((await store.list()).map((t) => t.id)).toEqual(['tpl-newer', 'tpl-older']);
    expect((await store.usable('tpl-older'))?.name).toBe('Kickoff (copy)');
    expect(await store.usable('tpl-gone')).toBeNull();
    expect(await store.delete('tpl-older')).toBe(true);
    expect(await store.delete('tpl-older')).toBe(false);
    expect((await store.list()).map((t) => t.id)).toEqual(['tpl-newer']);
  });

  it('refuses an invalid template with a reason and stores nothing', async () => {
    const store = createTemplatesStore(db);
    const broken = { ...mine('tpl-broken'), steps: [] };
    const result = await store.save(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/step/i);
    expect(await db.templates.count()).toBe(0);
  });

  it('shows a damaged stored record as such, never as usable', async () => {
    await db.templates.put({ ...mine('tpl-damaged'), name: '' });
    const store = createTemplatesStore(db);
    const [listed] = await store.list();
    expect(listed).toMatchObject({ id: 'tpl-damaged', template: null });
    expect(listed!.problems.length).toBeGreaterThan(0);
    expect(await store.usable('tpl-damaged')).toBeNull();
  });

  it('a database written by schema 5 upgrades with an empty templates table, the rest kept', async () => {
    const name = `templates-upgrade-${++n}`;
    const old = new Dexie(name);
    old.version(1).stores({ sessions: 'key, updatedAt', archive: '[key+startedAt], updatedAt' });
    old.version(2).stores({ preparations: 'id, updatedAt', settings: 'name', quarantine: '++id, key' });
    old.version(3).stores({ secrets: 'name' });
    old.version(4).stores({ sessions: 'key, updatedAt, startedAt, preparationId', archive: '[key+startedAt], updatedAt, startedAt, preparationId' });
    old.version(5).stores({ dockedHere: 'address' });
    await old.table('dockedHere').put({ address: 'https://teams.microsoft.com/v2/', key: 'teams:here-1', at: T0 });
    old.close();
    const upgraded = new SessionDb(name);
    expect(await upgraded.templates.count()).toBe(0);
    expect(await upgraded.dockedHere.count()).toBe(1);
    await upgraded.delete();
  });
});
