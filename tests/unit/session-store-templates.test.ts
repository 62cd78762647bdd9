import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createSessionStore } from '../../entrypoints/background/session-store';
import { parseCommand } from '../../utils/session/protocol';
import { TEMPLATE_GONE } from '../../utils/session/session';
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
      ownTemplateId: 'own-1',
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
    const result = await store.apply(KEY, 'c-start-01', { type: 'start', minutes: 45, ownTemplateId: 'own-1' }, T0);
    expect(result.ok).toBe(true);
    const stored = await db.sessions.get(KEY);
    expect(stored?.template).toMatchObject({ id: 'own-1', name: 'Team check-in', version: 3, kind: 'other', guardrails: ['Be brief.'] });
    expect(stored?.agenda.reduce((sum, s) => sum + s.minutes, 0)).toBe(45);
    await db.table('templates').put({ ...own(), name: 'Renamed', version: 4 });
    await db.table('templates').delete('own-1');
    expect(await db.sessions.get(KEY)).toEqual(stored);
  });

  it('refuses a missing or invalid template and writes nothing', async () => {
    const db = openDb();
    await db.table('templates').put({ ...own('broken'), steps: [] });
    const store = createSessionStore(db);
    expect(await store.apply(KEY, 'c-1', { type: 'start', minutes: 30, ownTemplateId: 'gone' }, T0)).toEqual({ ok: false, reason: TEMPLATE_GONE });
    expect(await store.apply(KEY, 'c-2', { type: 'start', minutes: 30, ownTemplateId: 'broken' }, T0)).toEqual({ ok: false, reason: TEMPLATE_GONE });
    expect(await db.sessions.count()).toBe(0);
  });

  it('lists the coach templates in the library with whether each can start a conversation', async () => {
    const db = openDb();
    await db.table('templates').bulkPut([own('b'), { ...own('a'), name: 'Another', steps: [] }]);
    const { templates } = await createSessionStore(db).library();
    expect(templates).toEqual([
      { id: 'a', name: 'Another', valid: false },
      { id: 'b', name: 'Team check-in', valid: true },
    ]);
  });
});
