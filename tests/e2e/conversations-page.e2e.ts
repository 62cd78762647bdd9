/**
 * The Conversations page (options.html) in Chromium, as a coach uses it: the list, search, one
 * conversation whole, Markdown, delete, backup and restore into a fresh profile, retention, axe
 * and the keyboard. What it changes is checked by reading IndexedDB itself.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_MAX_BYTES } from '../../utils/records/backup';
import type { Session } from '../../utils/session/session';
import { preparation, recorded } from '../unit/records-fixtures';
import {
  type Extension,
  type StoredRecords,
  button,
  databaseReady,
  jumpTo,
  launch,
  meetingKeyOf,
  newMeetUrl,
  openConversationsPage,
  openMeeting,
  putRecords,
  start,
  storedRecords,
  storedSession,
} from './harness';
import { inScheme, violations } from './axe';

const DAY = 24 * 60 * 60_000;
const NOW = Date.now();

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

const SAM = preparation('prep-sam-0001', 'Sam Rivera', {
  checked: ['goals'],
  notes: 'Nervous about the 360.',
  outcome: 'Leave with a plan.',
  createdAt: NOW - 40 * DAY,
  updatedAt: NOW - 40 * DAY,
});
const ALEX = preparation('prep-alex-001', 'Alex Moreau', { createdAt: NOW - 40 * DAY, updatedAt: NOW - 40 * DAY });
const samKickoff = recorded({
  key: 'meet:abc-defg-hij',
  startedAt: NOW - 30 * DAY,
  prepId: SAM.id,
  goals: 'Delegate the weekly report',
  support: 'Monthly skip-level',
  cadence: { frequency: 'biweekly', custom: '', where: 'one-on-one' },
  parked: ['Budget for training'],
  notes: { welcome: 'Sam seemed tense.' },
});
const alexClosing = recorded({ key: 'zoom:123456789', template: 'closing', startedAt: NOW - 2 * DAY, prepId: ALEX.id, goals: 'Runs the standup alone', finished: false });
const lastYear = new Date(NOW).getFullYear() - 1;
const oldOne = recorded({ key: 'teams:19-meeting-abc', startedAt: new Date(lastYear, 5, 15, 10).getTime(), goals: 'Quarterly planning' });

/** An empty database (test set-up, from the page), then these records, then the page as it opens. */
async function seeded(page: Page, records: Partial<StoredRecords> & { keepFor?: string } = {}): Promise<Page> {
  const { keepFor = 'forever', ...tables } = records;
  // Seeded from another page of ours: the Conversations page itself would have the background
  // apply retention when it opens, racing the seeding, and the page under test is opened after.
  await page.goto(`chrome-extension://${ext.id}/panel.html`);
  await databaseReady(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('alignment-companion');
        open.onsuccess = () => {
          const tx = open.result.transaction(['sessions', 'archive', 'preparations', 'settings', 'quarantine'], 'readwrite');
          for (const name of tx.objectStoreNames) tx.objectStore(name).clear();
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await putRecords(page, { ...tables, settings: [{ name: 'retention', value: keepFor }, ...(tables.settings ?? [])] });
  return openConversationsPage(ext, page);
}

const pageButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const list = (page: Page) => page.getByRole('list', { name: 'Conversations' });
const rows = (page: Page) => list(page).getByRole('button');
const status = (page: Page) => page.getByRole('status');
const ids = (sessions: Session[]) => sessions.map((s) => `${s.key}/${s.startedAt}`).sort();

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

async function rowTexts(page: Page): Promise<string[]> {
  return (await rows(page).allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('the list', () => {
  it('shows a conversation finished in a meeting, live, with its minutes; the panel’s link opens it', async () => {
    const reader = await seeded(await ext.context.newPage());
    const meeting = await openMeeting(ext, newMeetUrl());
    await start(meeting.panel, 45);
    await jumpTo(meeting.panel, /Coachee’s goals/);
    await meeting.panel.getByRole('textbox', { name: 'Goals shared' }).fill('Speak up in staff meetings');
    await meeting.panel.getByRole('textbox', { name: 'Goals shared' }).blur();
    const key = meetingKeyOf(meeting.page.url());
    await expect.poll(async () => (await storedSession(reader, key))?.capture.goals).toBe('Speak up in staff meetings');
    // Live: the open page heard of the new conversation, and of its finish, without a reload.
    await expect.poll(() => rowTexts(reader)).toEqual([expect.stringMatching(/^Kickoff .*Google Meet 45 min planned, \d+ min taken, not finished$/)]);
    await jumpTo(meeting.panel, /Wrap up/);
    await button(meeting.panel, 'Finish conversation').click();
    await meeting.panel.getByRole('heading', { name: 'Conversation finished' }).waitFor();
    const finished = (await storedSession(reader, key))!;
    const minutes = Math.round((finished.endedAt! - finished.startedAt) / 60_000);
    await expect.poll(() => rowTexts(reader)).toEqual([expect.stringMatching(new RegExp(`Google Meet 45 min planned, ${minutes} min taken, finished$`))]);
    await reader.close();

    // As a coach gets there after the call: the panel's link, in a tab of its own.
    const [page] = await Promise.all([ext.context.waitForEvent('page'), meeting.panel.getByRole('link', { name: 'Conversations' }).click()]);
    await page.waitForURL(`chrome-extension://${ext.id}/options.html`);
    expect(await page.title()).toBe('Conversations — Alignment Companion');
    await rows(page).first().click();
    const detail = page.getByRole('article');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
    expect(await detail.textContent()).toContain('Speak up in staff meetings');
    expect(await detail.textContent()).toMatch(/FinishedYes, at /);
    // The chart's words: 45 minutes' agenda, a moment in the first step and in the one jumped to.
    const chart = (await detail.getByRole('img').getAttribute('aria-label'))!.split('\n');
    expect(chart).toHaveLength(7);
    expect(chart[0]).toBe('Welcome and introductions: 3 min planned, <1 min taken.');
    expect(chart[1]).toBe('Set the context: 5 min planned, 0 min taken.');
    expect(chart[3]).toBe('Coachee’s goals and 360 themes: 10 min planned, <1 min taken.');
    await meeting.page.close();
    await page.close();
  });

  it('lists every conversation newest first, and finds them by label, by text and by year', async () => {
    const page = await seeded(await ext.context.newPage(), { sessions: [samKickoff, alexClosing], archive: [oldOne], preparations: [SAM, ALEX] });
    expect(await rowTexts(page)).toEqual([
      expect.stringMatching(/^Closing with Alex Moreau .*Zoom 30 min planned, 27 min taken, not finished$/),
      expect.stringMatching(/^Kickoff with Sam Rivera .*Google Meet 30 min planned, 30 min taken, finished$/),
      expect.stringMatching(/^Kickoff .*Microsoft Teams 30 min planned, 30 min taken, finished$/),
    ]);
    const search = page.getByRole('searchbox', { name: 'Search conversations' });
    await search.fill('sam');
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringMatching(/^Kickoff with Sam Rivera/)]);
    await search.fill('TRAINING budget');
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringMatching(/^Kickoff with Sam Rivera/)]);
    // Private notes are searched while they are shown.
    await search.fill('tense');
    await expect.poll(() => rowTexts(page)).toHaveLength(1);
    await search.fill('');
    const year = page.getByRole('combobox', { name: 'Year' });
    await year.selectOption(String(lastYear));
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringMatching(/^Kickoff .*Microsoft Teams/)]);
    await search.fill('sam');
    await expect.poll(() => rowTexts(page)).toEqual([]);
    await expect.poll(() => page.getByText('No conversation matches.').isVisible()).toBe(true);
    await page.close();
  });
});

describe('one conversation', () => {
  it('shows what was shared, parked and sent, and its private notes only while they are not hidden, live', async () => {
    const page = await seeded(await ext.context.newPage(), { sessions: [samKickoff], preparations: [SAM] });
    await rows(page).first().click();
    const detail = page.getByRole('article', { name: 'Kickoff with Sam Rivera' });
    for (const text of ['Delegate the weekly report', 'Monthly skip-level', 'Every two weeks, in your 1:1s', 'Budget for training', 'Sam seemed tense.', 'Nervous about the 360.', 'Leave with a plan.']) {
      expect(await detail.textContent()).toContain(text);
    }

    // Hidden from a panel in a meeting: the page follows at once.
    const meeting = await openMeeting(ext, newMeetUrl());
    await button(meeting.panel, 'Hide private notes').click();
    await expect.poll(() => detail.textContent()).toContain('Private notes are hidden.');
    expect(await detail.textContent()).not.toContain('Sam seemed tense.');
    expect(await detail.textContent()).not.toContain('Nervous about the 360.');
    // And hidden ones are not searched.
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('tense');
    await expect.poll(() => rowTexts(page)).toEqual([]);
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');

    const hidden = await downloaded(page, () => pageButton(page, 'Export Markdown').click());
    expect(hidden.name).toMatch(/^kickoff-\d{4}-\d\d-\d\d-sam-rivera\.md$/);
    expect(hidden.text).toMatch(/^# Kickoff alignment conversation with Sam Rivera\n/);
    expect(hidden.text).toContain('- Coaching goals: Delegate the weekly report');
    expect(hidden.text).toContain('| Welcome and introductions | 2 min | 2 min |');
    expect(hidden.text).not.toContain('Private notes');
    expect(hidden.text).not.toContain('tense');

    // Shown again from the page itself: every panel follows too.
    await pageButton(page, 'Hide private notes').click();
    await expect.poll(() => detail.textContent()).toContain('Sam seemed tense.');
    await expect.poll(() => meeting.panel.getByRole('button', { name: 'Hide private notes' }).getAttribute('aria-pressed')).toBe('false');
    const shown = await downloaded(page, () => pageButton(page, 'Export Markdown').click());
    expect(shown.text).toContain('## Private notes\n\n### Welcome and introductions\n\nSam seemed tense.');
    expect(shown.text).toContain('Nervous about the 360.');
    await expect.poll(() => status(page).textContent()).toBe(`Downloaded ${shown.name}.`);
    await meeting.page.close();
    await page.close();
  });

  it('deletes one conversation after a confirmation, then everything, as the database shows', async () => {
    const page = await seeded(await ext.context.newPage(), { sessions: [samKickoff, alexClosing], archive: [oldOne], preparations: [SAM, ALEX] });
    await rows(page).nth(1).click();
    await pageButton(page, 'Delete conversation').click();
    const dialog = page.getByRole('dialog', { name: 'Delete this conversation?' });
    expect(await dialog.textContent()).toContain('Kickoff with Sam Rivera is deleted for good.');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(ids((await storedRecords(page)).sessions)).toEqual(ids([samKickoff, alexClosing]));
    await pageButton(page, 'Delete conversation').click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe('Conversation deleted.');
    const after = await storedRecords(page);
    expect(ids(after.sessions)).toEqual(ids([alexClosing]));
    expect(ids(after.archive)).toEqual(ids([oldOne]));
    await expect.poll(() => rowTexts(page)).toHaveLength(2);
    // The focus is on the conversation that took its place.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Kickoff.*Microsoft Teams/);

    await pageButton(page, 'Delete everything').click();
    const everything = page.getByRole('dialog', { name: 'Delete everything?' });
    expect(await everything.textContent()).toContain('This deletes 2 conversations and 2 preparations, and your settings, for good.');
    await everything.getByRole('button', { name: 'Delete everything now' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Deleted 2 conversations and 2 preparations, and your settings.');
    expect(await storedRecords(page)).toEqual({ sessions: [], archive: [], preparations: [], settings: [] });
    await expect.poll(() => rowTexts(page)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('conversations-title');
    await page.close();
  });
});

describe('retention', () => {
  it('deletes what is older than the period kept when the page opens and when the period changes, and says when next', async () => {
    const twoYearsAgo = recorded({ key: 'zoom:555666777', startedAt: NOW - 800 * DAY });
    const fortyDays = recorded({ key: 'meet:old-test-abc', startedAt: NOW - 40 * DAY });
    const page = await seeded(await ext.context.newPage(), { sessions: [twoYearsAgo, fortyDays, alexClosing], preparations: [ALEX], keepFor: '1y' });
    // Opening the page was the moment: the two-year-old one went, and the page says so.
    await expect.poll(() => status(page).textContent()).toBe('Deleted 1 conversation and 0 preparations older than you keep records.');
    expect(ids((await storedRecords(page)).sessions)).toEqual(ids([fortyDays, alexClosing]));
    const due = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(fortyDays.updatedAt + 365 * DAY + 1);
    await expect.poll(() => page.getByText(/Next deletion due/).textContent()).toContain(due);

    await page.getByRole('combobox', { name: 'Keep conversations for' }).selectOption({ label: '30 days' });
    await expect.poll(() => status(page).textContent()).toBe('Conversations are kept for 30 days. Deleted 1 conversation and 0 preparations older than you keep records.');
    expect(ids((await storedRecords(page)).sessions)).toEqual(ids([alexClosing]));
    await expect.poll(() => rowTexts(page)).toHaveLength(1);
    expect((await storedRecords(page)).settings).toContainEqual({ name: 'retention', value: '30d' });

    await page.getByRole('combobox', { name: 'Keep conversations for' }).selectOption({ label: 'Forever' });
    await expect.poll(() => page.getByText('Nothing is deleted unless you delete it.').isVisible()).toBe(true);
    await page.close();
  });
});

describe('backup and restore', () => {
  it('exports everything, and a fresh profile imports the same records; a bad file changes nothing', async () => {
    const page = await seeded(await ext.context.newPage(), { sessions: [samKickoff, alexClosing], archive: [oldOne], preparations: [SAM, ALEX] });
    const backup = await downloaded(page, () => pageButton(page, 'Export all (JSON)').click());
    expect(backup.name).toMatch(/^alignment-companion-backup-\d{4}-\d\d-\d\d\.json$/);
    await expect.poll(() => status(page).textContent()).toBe('Downloaded a backup of 3 conversations and 2 preparations.');
    const original = await storedRecords(page);
    await page.close();

    const fresh = await launch();
    try {
      const restored = await openConversationsPage(fresh);
      expect(await rowTexts(restored)).toEqual([]);
      const input = restored.getByLabel('Import backup');
      await input.setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
      await expect.poll(() => status(restored).textContent()).toBe('Imported 3 conversations and 2 preparations.');
      const copy = await storedRecords(restored);
      const byId = (list: Session[]) => Object.fromEntries(list.map((s) => [`${s.key}/${s.startedAt}`, s]));
      expect(byId([...copy.sessions, ...copy.archive])).toEqual(byId([...original.sessions, ...original.archive]));
      expect(copy.preparations).toEqual(original.preparations);
      expect(copy.settings).toEqual(expect.arrayContaining(original.settings));
      await expect.poll(() => rowTexts(restored)).toHaveLength(3);

      // The same file again, and bad files: one sentence each, and the database as it was.
      const bad: [string, string | Buffer, RegExp][] = [
        ['again.json', backup.text, /^Nothing new: all 5 records in this backup are already here\.$/],
        ['notes.json', 'not json at all', /^This file is not a backup: it is not valid JSON\.$/],
        ['other.json', '{"schema":"someone-else","version":1}', /^This file is not an Alignment Companion backup\.$/],
        ['newer.json', '{"schema":"alignment-companion-backup","version":9}', /newer version of Alignment Companion/],
        ['damaged.json', backup.text.replace('"meetingMinutes":30', '"meetingMinutes":31'), /^Conversation 1 of 3 in this file cannot be restored \(its meeting length is not 30, 45 or 60 minutes\), so nothing was imported\.$/],
        ['huge.json', Buffer.alloc(BACKUP_MAX_BYTES + 1, 32), /^This file is larger than 20 MB, the most a backup can be\.$/],
      ];
      for (const [name, content, said] of bad) {
        await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
        await expect.poll(() => status(restored).textContent()).toMatch(said);
        expect(await storedRecords(restored)).toEqual(copy);
      }
    } finally {
      await fresh.close();
    }
  });
});

describe.each(['light', 'dark'] as const)('in %s mode', (scheme) => {
  it('passes WCAG 2.1 AA checks: the list, an open conversation, a confirmation, a status', async () => {
    const page = await seeded(await ext.context.newPage(), { sessions: [samKickoff, alexClosing], archive: [oldOne], preparations: [SAM, ALEX] });
    await inScheme(page, scheme);
    expect(await violations(page)).toEqual([]);
    await rows(page).first().click();
    await page.getByRole('article').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('combobox', { name: 'Keep conversations for' }).selectOption({ label: '180 days' });
    await expect.poll(() => status(page).textContent()).toMatch(/180 days/);
    expect(await violations(page)).toEqual([]);
    await pageButton(page, 'Delete everything').click();
    await page.getByRole('dialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
  });
});

/** Presses Tab until the focus is on `name`; fails if it never gets there. */
async function tabTo(page: Page, name: string | RegExp, limit = 30): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el || el === document.body) return '';
      // A field's name is its label's own words, not the options inside it.
      const label = el.labels?.[0];
      const own = label && [...label.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
      return (el.getAttribute('aria-label') ?? (own || el.textContent) ?? '').replace(/\s+/g, ' ').trim();
    });
    seen.push(focused);
    if (typeof name === 'string' ? focused === name || focused.startsWith(`${name} `) : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}; it went through: ${seen.join(' | ')}`);
}

describe('keyboard use', () => {
  it('reaches and runs every action from the keyboard, the focus going somewhere sensible after each', async () => {
    const page = await seeded(await ext.context.newPage(), { sessions: [samKickoff, alexClosing], archive: [oldOne], preparations: [SAM, ALEX] });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await tabTo(page, 'Conversations');
    await tabTo(page, 'Hide private notes');
    await tabTo(page, 'Search conversations');
    await page.keyboard.type('sam');
    await expect.poll(() => rowTexts(page)).toHaveLength(1);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => rowTexts(page)).toHaveLength(3);
    await tabTo(page, 'Year');
    await tabTo(page, /^Kickoff with Sam Rivera/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-title');

    await tabTo(page, 'Export Markdown');
    const markdown = await downloaded(page, () => page.keyboard.press('Enter'));
    expect(markdown.text).toMatch(/^# Kickoff alignment conversation with Sam Rivera/);

    await tabTo(page, 'Delete conversation');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this conversation?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('delete-conversation');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent()).toBe('Conversation deleted.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Kickoff.*Microsoft Teams/);

    await page.keyboard.press('Enter');
    await tabTo(page, 'Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('article').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Kickoff.*Microsoft Teams/);

    await tabTo(page, 'Export all (JSON)');
    const backup = await downloaded(page, () => page.keyboard.press('Enter'));
    await tabTo(page, 'Import backup');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup.text) });
    await expect.poll(() => status(page).textContent()).toMatch(/^Nothing new/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-backup');

    await tabTo(page, 'Keep conversations for');
    // From Forever to 30 days: last year's conversation and Sam's idle preparation go at once.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => status(page).textContent()).toBe('Conversations are kept for 30 days. Deleted 1 conversation and 1 preparation older than you keep records.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');

    await tabTo(page, 'Delete everything');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Delete everything?' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent()).toBe('Deleted 1 conversation and 1 preparation, and your settings.');
    expect(await storedRecords(page)).toEqual({ sessions: [], archive: [], preparations: [], settings: [] });
    await page.close();
  });

  it('shows no motion when the coach asks for reduced motion', async () => {
    const page = await seeded(await ext.context.newPage(), { sessions: [samKickoff] });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await rows(page).first().click();
    const moving = await page.evaluate(
      () => [...document.querySelectorAll('*')].map((el) => getComputedStyle(el)).filter((s) => s.transitionDuration !== '0s' || s.animationName !== 'none').length,
    );
    expect(moving).toBe(0);
    await page.close();
  });
});

/** The page's own clock, as the benchmark's probes note it: nothing of node's round trip is timed. */
describe('with a thousand conversations', () => {
  // How fast (list shown, search, Export all) is the benchmark's to judge: scripts/bench/conversations-page.mjs.
  it('draws the newest hundred and searches all thousand', async () => {
    const preparations = Array.from({ length: 50 }, (_, i) => preparation(`prep-many-${String(i).padStart(3, '0')}`, `Coachee ${i}`, { createdAt: NOW - 1200 * DAY, updatedAt: NOW - DAY }));
    const sessions = Array.from({ length: 1_000 }, (_, i) =>
      recorded({
        key: `zoom:${100000000 + i}`,
        template: i % 3 ? 'kickoff' : 'closing',
        startedAt: NOW - i * DAY - i * 60_000,
        prepId: preparations[i % 50]!.id,
        goals: `Goal ${i}: delegate, coach the team, speak up`,
        parked: [`Topic ${i}`],
        notes: { welcome: `Private ${i}` },
      }),
    );
    const page = await seeded(await ext.context.newPage(), { sessions, preparations });
    expect(await rows(page).count()).toBe(100);
    expect(await page.getByText('1,000 conversations, the newest 100 shown').isVisible()).toBe(true);
    await pageButton(page, 'Show 100 more').click();
    await expect.poll(() => rows(page).count()).toBe(200);
    // A search looks through all thousand, not only the rows drawn.
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('goal 723:');
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringMatching(/^Closing with Coachee 23 /)]);
    expect(await page.getByText('1 of 1,000 conversations').isVisible()).toBe(true);
    await page.close();
  }, 120_000);
});
