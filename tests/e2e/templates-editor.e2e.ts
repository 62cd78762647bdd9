/**
 * The Templates section of the options page in Chromium: duplicate Kickoff, edit, move, save (the
 * stored record read from IndexedDB), export, delete, import back, a broken file refused, axe in
 * light and dark, and the keyboard through add, move and remove.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from '../../utils/templates/schema';
import { type Extension, launch } from './harness';
import { inScheme, violations } from './axe';

let ext: Extension;
let page: Page;
beforeAll(async () => {
  ext = await launch();
  page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/options.html#templates`);
  await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
});
afterAll(async () => {
  await ext?.close();
});

function storedTemplates(): Promise<Template[]> {
  return page.evaluate(
    () =>
      new Promise<Template[]>((resolve, reject) => {
        const open = indexedDB.open('alignment-companion');
        open.onsuccess = () => {
          const request = open.result.transaction('templates', 'readonly').objectStore('templates').getAll();
          request.onsuccess = () => (open.result.close(), resolve(request.result as Template[]));
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

async function downloaded(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

const status = () => page.locator('.page__status');
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('the Templates section', () => {
  let exported: { name: string; text: string };

  it('duplicates Kickoff, renames a step, changes minutes, moves a step and saves', async () => {
    await page.getByRole('button', { name: 'Duplicate Kickoff' }).click();
    await expect.poll(() => page.locator('#tpl-name').inputValue()).toBe('Kickoff (copy)');
    await page.locator('#tpl-steps-0-title').fill('Hello and purpose');
    const first = Number(await page.locator('#tpl-steps-0-minutes').inputValue());
    const second = Number(await page.locator('#tpl-steps-1-minutes').inputValue());
    await page.locator('#tpl-steps-0-minutes').fill(String(first + 1));
    await page.locator('#tpl-steps-1-minutes').fill(String(second - 1));
    const secondTitle = await page.locator('#tpl-steps-1-title').inputValue();
    await page.locator('#tpl-step-0-down').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#tpl-steps-1-title').inputValue()).toBe('Hello and purpose');
    expect(await page.locator('#tpl-steps-0-title').inputValue()).toBe(secondTitle);
    await expect.poll(focusedId).toMatch(/^tpl-step-1-(down|up)$/);
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => status().textContent()).toContain('saved');
    const [stored] = await storedTemplates();
    expect(stored).toMatchObject({ name: 'Kickoff (copy)', version: 1 });
    expect(stored!.steps[1]).toMatchObject({ title: 'Hello and purpose', minutes: first + 1 });
    expect(stored!.steps[0]).toMatchObject({ title: secondTitle, minutes: second - 1 });
  });

  it('refuses to save an invalid template and says why next to the field', async () => {
    await page.locator('#tpl-steps-0-title').fill('');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.locator('#tpl-steps-0-title').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.locator('#tpl-steps-0-title').getAttribute('aria-describedby'))!;
    expect(describedBy).toContain('tpl-steps-0-title-error');
    expect((await page.locator('#tpl-steps-0-title-error').textContent())!.length).toBeGreaterThan(3);
    expect((await storedTemplates())[0]!.steps[0]!.title).not.toBe('');
    await page.locator('#tpl-steps-0-title').fill('Back again');
  });

  it('has no axe violations over the editor, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await inScheme(page, scheme);
      expect(await violations(page), scheme).toEqual([]);
    }
  });

  it('adds, moves and removes a step by keyboard, keeping the focus', async () => {
    const before = await page.locator('.tpl-step').count();
    await page.locator('#tpl-add-step').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tpl-step').count()).toBe(before + 1);
    await expect.poll(focusedId).toMatch(/^tpl-steps-\d+-title$/);
    const added = Number((await focusedId()).match(/\d+/)![0]);
    await page.keyboard.type('New one');
    await page.locator(`#tpl-step-${added}-up`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`#tpl-steps-${added - 1}-title`).inputValue()).toBe('New one');
    await expect.poll(focusedId).toMatch(new RegExp(`^tpl-step-${added - 1}-(up|down)$`));
    await page.locator(`#tpl-step-${added - 1}-remove`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tpl-step').count()).toBe(before);
    await expect.poll(focusedId).toMatch(/^tpl-step-\d+-heading$/);
  });

  it('asks before closing with unsaved changes: Cancel keeps them, Discard drops them', async () => {
    // The step title changed since the save above.
    await expect.poll(() => page.locator('.tpl-editor__state').textContent()).toBe('Unsaved changes');
    await page.getByRole('button', { name: 'Close editor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focusedId).toBe('tpl-save');
    expect(await page.locator('#tpl-steps-0-title').inputValue()).toBe('Back again');
    // Opening another template asks the same.
    await page.getByRole('button', { name: 'Duplicate Closing' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.locator('#tpl-name').inputValue()).toBe('Closing (copy)');
    // A copy of the Closing words and links as one until the coach says otherwise.
    expect(await page.getByLabel('Conversation type').inputValue()).toBe('closing');
    await expect.poll(() => page.locator('.tpl-editor__state').textContent()).toBe('');
    // An untouched editor closes at once.
    await page.getByRole('button', { name: 'Close editor' }).click();
    await expect.poll(() => page.locator('.tpl-editor').count()).toBe(0);
    expect(await storedTemplates()).toHaveLength(1);
  });

  it('asks too before opening the same template afresh or leaving by the page’s own links', async () => {
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await page.getByRole('button', { name: 'Edit Kickoff (copy)' }).click();
    await page.locator('#tpl-name').fill('Changed name');
    await page.getByRole('button', { name: 'Edit Kickoff (copy)' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.locator('#tpl-name').inputValue()).toBe('Kickoff (copy)');

    await page.locator('#tpl-name').fill('Changed again');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Conversations' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('heading', { name: 'Templates', level: 1 }).count()).toBe(1);
    expect(await page.locator('#tpl-name').inputValue()).toBe('Changed again');
    await nav.getByRole('link', { name: 'Conversations' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { name: 'Conversations', level: 1 }).waitFor();
    await nav.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
    expect(await page.locator('.tpl-editor').count()).toBe(0);
    expect((await storedTemplates()).map((t) => t.name)).toEqual(['Kickoff (copy)']);
  });

  it('exports the template, deletes it and imports the file back', async () => {
    exported = await downloaded(() => page.getByRole('button', { name: 'Export template Kickoff (copy)' }).click());
    expect(exported.name).toBe('alignment-companion-template-kickoff-copy.json');
    await page.getByRole('button', { name: 'Delete Kickoff (copy)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(storedTemplates).toEqual([]);
    await page.locator('#tpl-import').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await expect.poll(() => status().textContent()).toContain('Imported');
    await expect.poll(async () => (await storedTemplates()).map((t) => t.name)).toEqual(['Kickoff (copy)']);
    // The same file again: its id is taken, so it comes in as a copy.
    await page.locator('#tpl-import').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await expect.poll(async () => (await storedTemplates()).map((t) => t.name).sort()).toEqual(['Kickoff (copy 2)', 'Kickoff (copy)']);
  });

  it('refuses a broken file with one sentence and changes nothing', async () => {
    const before = await storedTemplates();
    await page.locator('#tpl-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    await expect.poll(() => status().textContent()).toBe('This file is not a template: it is not valid JSON.');
    expect(await storedTemplates()).toEqual(before);
  });
});
