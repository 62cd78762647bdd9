import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordsHub } from '../../entrypoints/background/records-hub';
import { createRecordsStore, type RecordsStore } from '../../entrypoints/background/records-store';
import { SessionDb } from '../../entrypoints/background/session-db';
import { RECORDS_PORT, parseTemplateRequest } from '../../utils/session/protocol';
import { parseBackup, serializeBackup } from '../../utils/records/backup';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { duplicateTemplate } from '../../utils/templates/copy';
import { exportTemplateFile } from '../../utils/templates/file';
import { MAX_TEMPLATES, TOO_MANY_TEMPLATES, type Template } from '../../utils/templates/schema';
import { T0 } from './conversation';
import { FakePort, ask } from './records-port';


const mine = (id = 'tpl-mine-0001'): Template => duplicateTemplate(builtInTemplate('kickoff'), id, T0);

let db: SessionDb;
let store: RecordsStore;
let hub: ReturnType<typeof createRecordsHub>;
let dbCount = 0;
let changed: string[] = [];
let ids = 0;
const optionsUrl = () => browser.runtime.getURL('/options.html');

beforeEach(() => {
  fakeBrowser.reset();
  db = new SessionDb(`templates-storage-test-${++dbCount}`);
  store = createRecordsStore(db);
  changed = [];
  hub = createRecordsHub({
    store,
    extensionId: browser.runtime.id,
    optionsUrl: optionsUrl(),
    onRecordsChanged: (what) => void changed.push(what),
    now: () => T0 + 1000,
    makeId: () => `tpl-new-${++ids}`,
  });
});

afterEach(async () => {
  await db.delete();
});

const optionsPage = () => {
  const port = new FakePort(RECORDS_PORT, { id: browser.runtime.id, url: optionsUrl() });
  hub.connect(port);
  return port;
};

describe('template messages', () => {
  it('only the options page may send them', async () => {
    const port = new FakePort(RECORDS_PORT, { id: browser.runtime.id, url: browser.runtime.getURL('/panel.html') });
    hub.connect(port);
    expect(port.disconnected).toBe(true);
    // The hub never listens to it, so what it sends reaches nothing.
    expect(port.listeners).toEqual([]);
    port.send({ kind: 'template-save', id: 'request-evil-1', template: mine() });
    // A genuine request sent after it is answered before we look.
    await ask(optionsPage(), { kind: 'keep-for', period: 'forever' });
    expect(port.received).toEqual([]);
    expect(await db.templates.count()).toBe(0);
  });

  it('keeps at most a hundred templates: a new one past that is refused, saving one already here is not', async () => {
    await db.templates.bulkPut(Array.from({ length: MAX_TEMPLATES }, (_, i) => duplicateTemplate(builtInTemplate('kickoff'), `tpl-full-${i}`, T0)));
    const port = optionsPage();
    expect(await ask(port, { kind: 'template-save', template: mine() })).toMatchObject({ kind: 'refused', reason: TOO_MANY_TEMPLATES });
    expect(await ask(port, { kind: 'template-import', text: exportTemplateFile(mine(), T0) })).toMatchObject({ kind: 'refused', reason: TOO_MANY_TEMPLATES });
    const existing = { ...(await db.templates.get('tpl-full-0'))!, name: 'Renamed' };
    expect(await ask(port, { kind: 'template-save', template: existing })).toMatchObject({ kind: 'done' });
    expect(await db.templates.count()).toBe(MAX_TEMPLATES);
  });

  it('saves a valid template, counting its versions', async () => {
    const port = optionsPage();
    expect(await ask(port, { kind: 'template-save', template: mine() })).toMatchObject({ kind: 'done', status: expect.stringContaining('saved') });
    expect(await db.templates.get('tpl-mine-0001')).toMatchObject({ version: 1, updatedAt: T0 + 1000, name: 'Kickoff (copy)' });
    await ask(port, { kind: 'template-save', template: { ...mine(), name: 'First 90 days' } });
    expect(await db.templates.get('tpl-mine-0001')).toMatchObject({ version: 2, name: 'First 90 days' });
    // Open panels get the new list for their Conversation choice, and no session snapshots.
    expect(changed).toEqual(['templates', 'templates']);
  });

  it('refuses an invalid template, a built-in and a malformed request, storing nothing', async () => {
    const port = optionsPage();
    const bad = { ...mine(), steps: mine().steps.slice(0, 1) };
    expect(await ask(port, { kind: 'template-save', template: bad })).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/^This template cannot be saved: /) });
    expect(await ask(port, { kind: 'template-save', template: builtInTemplate('kickoff') })).toMatchObject({ kind: 'refused' });
    expect(await ask(port, { kind: 'template-save', template: mine(), extra: 1 })).toMatchObject({ kind: 'refused' });
    expect(await ask(port, { kind: 'template-delete', template: '../x' })).toMatchObject({ kind: 'refused' });
    expect(await db.templates.count()).toBe(0);
  });

  it('deletes, and a repeat is no error', async () => {
    await db.templates.put(mine());
    const port = optionsPage();
    expect(await ask(port, { kind: 'template-delete', template: 'tpl-mine-0001' })).toEqual(expect.objectContaining({ kind: 'done', status: 'Template deleted.' }));
    expect(await ask(port, { kind: 'template-delete', template: 'tpl-mine-0001' })).toEqual(expect.objectContaining({ kind: 'done', status: 'That template was already deleted.' }));
    expect(await db.templates.count()).toBe(0);
  });

  it('imports a file, and a taken id as a copy; a bad file changes nothing', async () => {
    const port = optionsPage();
    const text = exportTemplateFile(mine(), T0);
    expect(await ask(port, { kind: 'template-import', text })).toMatchObject({ kind: 'done' });
    const again = await ask(port, { kind: 'template-import', text });
    expect(again).toMatchObject({ kind: 'done', status: expect.stringContaining('copy') });
    const stored = await db.templates.toArray();
    expect(stored.map((t) => t.name).sort()).toEqual(['Kickoff (copy 2)', 'Kickoff (copy)']);
    expect(await ask(port, { kind: 'template-import', text: '{nope' })).toEqual(expect.objectContaining({ kind: 'refused', reason: 'This file is not a template: it is not valid JSON.' }));
    expect(await db.templates.count()).toBe(2);
  });

  it('parses only well-formed requests', () => {
    expect(parseTemplateRequest({ kind: 'template-import', id: 'request-0001', text: 5 })).toBeNull();
    expect(parseTemplateRequest({ kind: 'template-save', id: 'request-0001', template: [] })).toBeNull();
    expect(parseTemplateRequest({ kind: 'template-delete', id: 'request-0001', template: 'abc' })).toEqual({ kind: 'template-delete', id: 'request-0001', template: 'abc' });
  });
});

describe('schema 5 → 6', () => {
  it('a version-5 database opens with its records and an empty templates table', async () => {
    const name = `templates-upgrade-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ sessions: 'key, updatedAt', archive: '[key+startedAt], updatedAt' });
    old.version(2).stores({ preparations: 'id, updatedAt', settings: 'name', quarantine: '++id, key' });
    old.version(3).stores({ secrets: 'name' });
    old.version(4).stores({ sessions: 'key, updatedAt, startedAt, preparationId', archive: '[key+startedAt], updatedAt, startedAt, preparationId' });
    old.version(5).stores({ dockedHere: 'address' });
    await old.table('dockedHere').put({ address: 'https://meet.google.com/abc-defg-hij', key: 'meet:abc-defg-hij', at: T0 });
    old.close();
    const upgraded = new SessionDb(name);
    expect(await upgraded.dockedHere.count()).toBe(1);
    expect(await upgraded.templates.count()).toBe(0);
    await upgraded.templates.put(mine());
    expect((await upgraded.templates.get('tpl-mine-0001'))?.steps.length).toBeGreaterThan(1);
    expect(upgraded.verno).toBe(6);
    await upgraded.delete();
  });
});

describe('backup with templates', () => {
  it('Export all carries templates and Import backup restores them, never overwriting', async () => {
    await db.templates.put(mine());
    const backup = await store.exportAll(T0);
    expect(backup.templates).toHaveLength(1);
    const parsed = parseBackup(serializeBackup(backup));
    expect(parsed.ok && parsed.backup.templates?.[0]?.id).toBe('tpl-mine-0001');

    const fresh = new SessionDb(`templates-storage-fresh-${dbCount}`);
    const result = await createRecordsStore(fresh).importBackup(parsed.ok ? parsed.backup : backup, T0);
    expect(result).toMatchObject({ ok: true, status: expect.stringContaining('1 template') });
    expect(await fresh.templates.get('tpl-mine-0001')).toEqual(await db.templates.get('tpl-mine-0001'));
    const repeat = await createRecordsStore(fresh).importBackup(parsed.ok ? parsed.backup : backup, T0);
    expect(repeat.ok).toBe(true);
    expect(await fresh.templates.count()).toBe(1);
    await fresh.delete();
  });

  it('an old backup without templates still imports; a damaged template is refused', () => {
    const old = { schema: 'alignment-companion-backup', version: 1, exportedAt: new Date(T0).toISOString(), conversations: [], preparations: [], settings: {} };
    const parsed = parseBackup(JSON.stringify(old));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.backup.templates).toBeUndefined();
    const damaged = parseBackup(JSON.stringify({ ...old, templates: [{ ...mine(), steps: [] }] }));
    expect(damaged).toMatchObject({ ok: false, reason: expect.stringMatching(/^Template 1 of 1 in this file cannot be restored/) });
  });
});
