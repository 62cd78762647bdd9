import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createSessionStore } from '../../entrypoints/background/session-store';
import { parseCommand } from '../../utils/session/protocol';
import { TEMPLATE_GONE, TEMPLATE_INVALID } from '../../utils/session/session';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { cloneTemplate, type Template } from '../../utils/templates/schema';
import { T0 } from './conversation';

const KEY = 'zoom:123456789';
const opened: SessionDb[] = [];
let dbCount = 0;
function openDb() {
  const db = new SessionDb(`store-tpl-test-${++dbCount}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function own(id = 'own-1'): Template {
  return { ...cloneTemplate(builtInTemplate('kickoff')), id, name: 'Team check-in', version: 3, guardrails: ['Be brief.'] };
}

describe('start from a template: the command', () => {
  it('takes a built-in id or a coach template id as templateId', () => {
    expect(parseCommand({ type: 'start', minutes: 30, templateId: 'closing' })).toEqual({ type: 'start', minutes: 30, template: 'closing' });
    expect(parseCommand({ type: 'start', minutes: 45, templateId: 'own-1', preparationId: null })).toEqual({
      type: 'start',
      minutes: 45,
      templateId: 'own-1',
      preparationId: null,
    });
    expect(parseCommand({ type: 'start', minutes: 30, templateId: 'bad id!' })).toBeNull();
    expect(parseCommand({ type: 'start', minutes: 30, templateId: 7 })).toBeNull();
    expect(parseCommand({ type: 'start', minutes: 30, resolved: own() })).toBeNull();
  });
});

describe('start from a coach template: the store', () => {
  it('reads the template, starts with its agenda and keeps a copy that later edits and deletion do not reach', async () => {
    const db = openDb();
    await db.table('templates').put(own());
    const store = createSessionStore(db);
    const result = await store.apply(KEY, 'c-start-01', { type: 'start', minutes: 45, templateId: 'own-1' }, T0);
    expect(result.ok).toBe(true);
    const stored = await db.sessions.get(KEY);
    expect(stored?.template).toMatchObject({ id: 'own-1', name: 'Team check-in', version: 3, kind: 'kickoff', guardrails: ['Be brief.'] });
    expect(stored?.agenda.reduce((sum, s) => sum + s.minutes, 0)).toBe(45);
    await db.table('templates').put({ ...own(), name: 'Renamed', version: 4 });
    await db.table('templates').delete('own-1');
    expect(await db.sessions.get(KEY)).toEqual(stored);
  });

  it('refuses a missing or invalid template and writes nothing', async () => {
    const db = openDb();
    await db.table('templates').put({ ...own('broken'), steps: [] });
    const store = createSessionStore(db);
    expect(await store.apply(KEY, 'c-1', { type: 'start', minutes: 30, templateId: 'gone' }, T0)).toEqual({ ok: false, reason: TEMPLATE_GONE });
    expect(await store.apply(KEY, 'c-2', { type: 'start', minutes: 30, templateId: 'broken' }, T0)).toEqual({ ok: false, reason: TEMPLATE_INVALID });
    expect(await db.sessions.count()).toBe(0);
  });

  it('lists the coach templates in the library, by name, each with whether it can start and the agenda it would give', async () => {
    const db = openDb();
    await db.table('templates').bulkPut([own('b'), { ...own('a'), name: 'Another', steps: [] }]);
    const { templates } = await createSessionStore(db).library();
    expect(templates.map(({ id, name, valid }) => ({ id, name, valid }))).toEqual([
      { id: 'a', name: 'Another', valid: false },
      { id: 'b', name: 'Team check-in', valid: true },
    ]);
    expect(templates[0]).toMatchObject({ steps: [], minutes: { 30: [], 45: [], 60: [] } });
    const [, checkIn] = templates;
    expect(checkIn!.steps).toEqual(own().steps.map((step) => step.title));
    // The preview is what a start at each length would allot, not a second reckoning.
    for (const length of [30, 45, 60] as const) {
      const store = createSessionStore(db);
      const key = `zoom:12345678${length}`;
      await store.apply(key, `c-${length}`, { type: 'start', minutes: length, templateId: 'b' }, T0);
      expect((await db.sessions.get(key))!.agenda.map((step) => step.minutes)).toEqual(checkIn!.minutes[length]);
    }
  });

  it('a failing read of the template is a storage error to retry, not a refusal for good', async () => {
    const db = openDb();
    await db.table('templates').put(own());
    const store = createSessionStore(db);
    const failing = vi.spyOn(db.table('templates'), 'get').mockRejectedValueOnce(new Error('disk I/O error'));
    await expect(store.apply(KEY, 'c-io', { type: 'start', minutes: 30, templateId: 'own-1' }, T0)).rejects.toThrow('disk I/O error');
    failing.mockRestore();
    expect((await store.apply(KEY, 'c-io', { type: 'start', minutes: 30, templateId: 'own-1' }, T0 + 100)).ok).toBe(true);
  });

  it('refuses a retried start only if it was never applied: the template deleted after the start changes nothing', async () => {
    const db = openDb();
    await db.table('templates').put(own());
    const store = createSessionStore(db);
    expect((await store.apply(KEY, 'c-once', { type: 'start', minutes: 30, templateId: 'own-1' }, T0)).ok).toBe(true);
    await db.table('templates').delete('own-1');
    const retried = await store.apply(KEY, 'c-once', { type: 'start', minutes: 30, templateId: 'own-1' }, T0 + 500);
    expect(retried).toMatchObject({ ok: true, duplicate: true });
  });
});
