/**
 * The pages around the meeting, in Chromium and in the stock Firefox ESR by the same code: a
 * conversation finished and found on the Conversations page, its backup restored into a fresh
 * profile; a coach’s template imported and started in a meeting; the toolbar view; the side
 * panel page following the meeting tab; a call outside the browser. Extension pages are opened from our own frames, as a link there would: Firefox does not
 * let the driver navigate a tab to moz-extension://.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { backupFilename } from '../../utils/records/backup';
import { allotMinutes } from '../../utils/templates/allot';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { exportTemplateFile, templateFilename } from '../../utils/templates/file';
import { BROWSERS, byRole, choose, click, exists, text, jumpTo, launchBrowser, openMeeting, start, stepTitle, typeAndLeave, until, useBrowser, type Driver } from './browsers';
import { newMeetUrl } from './fixtures';

const rowsOf = (page: Page) => page.$$eval('ul[aria-label="Conversations"] > li', (items) => items.map((li) => li.textContent ?? ''));
const statusOf = (page: Page) => page.$$eval('[role="status"]', (els) => els.map((el) => el.textContent ?? '').join(' '));

/** A meeting's docked panel, and one of our pages opened from it. */
async function fromPanel(driver: Driver, path: string) {
  const meeting = await openMeeting(driver, newMeetUrl());
  return { ...meeting, opened: await driver.openExtensionPage(meeting.panel, path) };
}

describe.each(BROWSERS)('in %s', (name) => {
  const driver = useBrowser(name);

  it('a finished conversation is listed on the Conversations page; its backup restores into a fresh profile', async () => {
    const { page, panel } = await openMeeting(driver(), newMeetUrl());
    await start(panel);
    await typeAndLeave(panel, 'Private notes', 'Only for me');
    await jumpTo(panel, 'Wrap up and next steps');
    await click(panel, 'Finish conversation');
    await panel.waitForSelector(byRole('heading', 'Conversation finished'));

    const records = await driver().openExtensionPage(panel, '/options.html');
    await until('the finished conversation in the list', async () => ((await rowsOf(records)).some((row) => /Kickoff/.test(row) && /Google Meet/.test(row)) ? true : null));
    await click(records.mainFrame(), 'Export all (JSON)');
    const backup = await driver().download(backupFilename(Date.now()));
    expect(JSON.parse(backup)).toMatchObject({ schema: 'alignment-companion-backup', conversations: [expect.objectContaining({ templateId: 'kickoff' })] });
    await page.close();

    const folder = mkdtempSync(join(tmpdir(), 'alignment-companion-backup-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'backup.json');
    writeFileSync(file, backup);
    const fresh = await launchBrowser(name);
    try {
      const { opened: restored } = await fromPanel(fresh, '/options.html');
      expect(await rowsOf(restored)).toEqual([]);
      const input = (await restored.waitForSelector('#import-backup')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      await until('the import said', async () => (/Imported 1 conversation/.test(await statusOf(restored)) ? true : null));
      await until('the restored conversation in the list', async () => ((await rowsOf(restored)).some((row) => /Kickoff/.test(row)) ? true : null));
    } finally {
      await fresh.close();
    }
  });

  it('a coach’s template, imported on the Templates page, starts a conversation in the meeting with its own agenda', async () => {
    const template = { ...builtInTemplate('closing'), id: `shared-by-a-colleague-${name}`, name: 'Quarterly review' };
    template.steps = template.steps.map((step, i) => (i === 0 ? { ...step, title: 'Hello again' } : step));
    const folder = mkdtempSync(join(tmpdir(), 'alignment-companion-template-'));
    const file = join(folder, templateFilename(template));
    writeFileSync(file, exportTemplateFile(template, Date.now()));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const { page, panel, opened: options } = await fromPanel(driver(), '/options.html#templates');
    const input = (await options.waitForSelector('#tpl-import')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await until('the import said', async () => (/Imported/.test(await statusOf(options)) ? true : null));

    // The open panel's Conversation choice learns of it without a reload.
    const option = `option[value="own:${template.id}"]`;
    await until('the template in the panel', () => exists(panel, option));
    await choose(panel, 'Conversation', `own:${template.id}`);
    await until('its preview', async () => ((await text(panel, '#setup-title')) === 'Quarterly review' ? true : null));
    await start(panel, 45);
    expect(await stepTitle(panel)).toBe('Hello again');
    const minutes = await panel.$$eval('nav[aria-label="Agenda"] .agenda__minutes', (els) => els.map((el) => Number.parseInt(el.textContent ?? '', 10)));
    expect(minutes).toEqual(allotMinutes(template, 45));
    await page.close();
  });

  it('the toolbar view offers the ways in: a call outside the browser, the side panel, Conversations, Settings', async () => {
    const { opened: menu } = await fromPanel(driver(), '/popup.html');
    // Opened as a tab, it is the tab in front itself: no meeting there.
    await menu.waitForSelector(byRole('heading', 'No meeting in this tab'));
    for (const entry of ['Start a call outside the browser', 'Practice meeting', 'Open in the side panel', 'Conversations', 'Settings']) {
      expect(await exists(menu.mainFrame(), byRole('button', entry)), entry).toBe(true);
    }
  });

  it('the side panel page follows the tab in front to its meeting and drives the same session', async () => {
    const { page, panel, opened: side } = await fromPanel(driver(), '/sidepanel.html');
    await start(panel);
    // The coach looks at the meeting again: the side panel (a page beside it) follows.
    await page.bringToFront();
    await until('the side panel on the meeting', async () => ((await stepTitle(side.mainFrame())) === 'Welcome and introductions' ? true : null));
    await click(side.mainFrame(), 'Next step');
    await until('the dock to show it', async () => ((await stepTitle(panel)) === 'Set the context' ? true : null));
  });

  it('a call outside the browser: start, next, its address resumes it; Pop out only where the browser has Document Picture-in-Picture', async () => {
    const { panel, opened: call } = await fromPanel(driver(), '/call.html');
    const view = call.mainFrame();
    await start(view);
    await click(view, 'Next step');
    await until('the next step', async () => ((await stepTitle(view)) === 'Set the context' ? true : null));
    const id = new URL(await call.evaluate(() => location.href)).searchParams.get('call');
    expect(id).toMatch(/^[\w-]+$/);
    // The same address in another tab (as after a reload or from a bookmark) is the same call.
    // (Firefox's driver may not navigate or reload a moz-extension:// tab in place.)
    const again = await driver().openExtensionPage(panel, `/call.html?call=${id}`);
    await until('the same step in the call reopened', async () => ((await stepTitle(again.mainFrame())) === 'Set the context' ? true : null));
    // Pop out exactly where the browser has Document Picture-in-Picture; elsewhere a line says why.
    const hasApi = await call.evaluate(() => 'documentPictureInPicture' in window);
    expect(await exists(view, byRole('button', 'Pop out'))).toBe(hasApi);
    if (!hasApi) expect(await call.$eval('.call__note', (el) => el.textContent)).toMatch(/cannot keep a small window on top/);
  });
});
