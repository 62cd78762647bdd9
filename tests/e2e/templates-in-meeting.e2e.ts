/**
 * A coach's own template in a meeting, in Chromium: saved on the options page while a meeting is
 * open, chosen in the docked panel with its preview, started with its agenda and minutes; edited
 * and deleted afterwards without touching that conversation; a template with problems is listed
 * but cannot start.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { inScheme, violations } from './axe';
import { type Extension, button, jumpTo, launch, meetingKeyOf, newMeetUrl, openConversationsPage, openMeeting, putRecords, stepTitle, storedSession } from './harness';

let ext: Extension;
let options: Page;
beforeAll(async () => {
  ext = await launch();
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.id}/options.html#templates`);
  await options.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
});
afterAll(async () => {
  await ext?.close();
});

const status = () => options.locator('.page__status');
const agendaPreview = (panel: Frame) => panel.getByRole('list', { name: 'Agenda preview' }).getByRole('listitem').allInnerTexts();
const agendaMinutes = async (panel: Frame) =>
  (await panel.getByRole('navigation', { name: 'Agenda' }).locator('.agenda__minutes').allInnerTexts()).map((text) => Number.parseInt(text, 10));

async function saveTemplate() {
  await options.getByRole('button', { name: 'Save template' }).click();
  await expect.poll(() => status().textContent()).toContain('saved');
}

describe('a coach’s template in the meeting', () => {
  const url = newMeetUrl();
  let panel: Frame;
  let page: Page;

  it('saved while a meeting is open, shows in its Conversation choice with the agenda it will allot', async () => {
    ({ panel, page } = await openMeeting(ext, url));
    await options.getByRole('button', { name: 'Duplicate Kickoff' }).click();
    await options.locator('#tpl-name').fill('Team check-in');
    await options.locator('#tpl-steps-0-title').fill('Hello and purpose');
    // 3 + 1 and 3 - 1: the shares still add up to 30.
    const first = Number(await options.locator('#tpl-steps-0-minutes').inputValue());
    const second = Number(await options.locator('#tpl-steps-1-minutes').inputValue());
    await options.locator('#tpl-steps-0-minutes').fill(String(first + 1));
    await options.locator('#tpl-steps-1-minutes').fill(String(second - 1));
    await options.locator('#tpl-step-0-down').click();
    await saveTemplate();

    const choice = panel.getByLabel('Conversation', { exact: true });
    await expect.poll(() => choice.locator('option').allInnerTexts()).toEqual(['Kickoff', 'Closing', 'Team check-in']);
    await choice.selectOption({ label: 'Team check-in' });
    await expect.poll(() => panel.locator('#setup-title').textContent()).toBe('Team check-in');
    const preview30 = await agendaPreview(panel);
    expect(preview30[0]).toMatch(new RegExp(`^Set the context\\s*${second - 1} min$`));
    expect(preview30[1]).toMatch(new RegExp(`^Hello and purpose\\s*${first + 1} min$`));
    await panel.getByLabel('Meeting length', { exact: true }).selectOption('60');
    const minutes60 = (await agendaPreview(panel)).map((line) => Number(line.match(/(\d+) min$/)![1]));
    expect(minutes60.reduce((sum, m) => sum + m, 0)).toBe(60);
    for (const scheme of ['light', 'dark'] as const) {
      await inScheme(page, scheme);
      expect(await violations(panel), scheme).toEqual([]);
    }
  });

  it('starts with its agenda and minutes, and the conversation keeps a copy of the template', async () => {
    await button(panel, 'Start conversation').click();
    await panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
    expect(await stepTitle(panel)).toBe('Set the context');
    const minutes = await agendaMinutes(panel);
    expect(minutes.reduce((sum, m) => sum + m, 0)).toBe(60);
    const stored = (await storedSession(options, meetingKeyOf(url)))!;
    expect(stored.template).toMatchObject({ name: 'Team check-in', version: 1, kind: 'kickoff' });
    expect(stored.agenda.map((step) => step.minutes)).toEqual(minutes);
    await jumpTo(panel, /Hello and purpose/);
  });

  it('editing the template, then deleting it, leaves the running conversation and its record as they were', async () => {
    const before = (await storedSession(options, meetingKeyOf(url)))!;
    await options.locator('#tpl-steps-1-title').fill('Renamed later');
    await options.locator('#tpl-name').fill('Team check-in v2');
    await saveTemplate();
    await options.getByRole('button', { name: 'Close editor' }).click();
    await options.getByRole('button', { name: 'Delete Team check-in v2' }).click();
    await options.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => options.getByRole('button', { name: 'Delete Team check-in v2' }).count()).toBe(0);

    expect(await stepTitle(panel)).toBe('Hello and purpose');
    const after = (await storedSession(options, meetingKeyOf(url)))!;
    expect({ agenda: after.agenda, template: after.template }).toEqual({ agenda: before.agenda, template: before.template });

    await jumpTo(panel, /Wrap up/);
    await button(panel, 'Finish conversation').click();
    await panel.getByRole('heading', { name: 'Conversation finished' }).waitFor();
    expect(await panel.getByText(/^Team check-in, ended at/).count()).toBe(1);
    const page = await openConversationsPage(ext);
    await page.getByRole('button', { name: /^Team check-in/ }).click();
    await expect.poll(() => page.locator('.detail__facts').innerText()).toContain('Team check-in, version 1');
    await page.close();
  });

  it('lists a template with problems as one that cannot start, and says so when the chosen one goes', async () => {
    await putRecords(options, { templates: [{ id: 'broken-1', name: 'Half done', steps: [] }, { ...builtInTemplate('closing'), id: 'soon-gone', name: 'Soon gone' }] });
    // The panel learns of it when the library is next sent: opening a meeting sends it.
    const fresh = await openMeeting(ext, newMeetUrl());
    const option = fresh.panel.getByLabel('Conversation', { exact: true }).locator('option', { hasText: 'Half done' });
    await expect.poll(() => option.textContent()).toBe('Half done (has problems to fix)');
    expect(await option.isDisabled()).toBe(true);

    // Chosen, then deleted on the Templates page before the start: the panel says so and starts nothing.
    await fresh.panel.getByLabel('Conversation', { exact: true }).selectOption({ label: 'Soon gone' });
    await options.reload();
    await options.getByRole('button', { name: 'Delete Soon gone' }).click();
    await options.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await fresh.panel.getByText('The template you chose was deleted or has problems to fix.', { exact: false }).waitFor();
    expect(await fresh.panel.locator('#setup-title').textContent()).toBe('Choose a conversation');
    expect(await button(fresh.panel, 'Start conversation').getAttribute('aria-disabled')).toBe('true');
    // Still clicked, as a coach may: nothing starts.
    await button(fresh.panel, 'Start conversation').click({ force: true });
    expect(await fresh.panel.getByRole('timer').count()).toBe(0);
    expect(await storedSession(options, meetingKeyOf(fresh.page.url()))).toBeNull();
    await fresh.panel.getByLabel('Conversation', { exact: true }).selectOption({ label: 'Closing' });
    await button(fresh.panel, 'Start conversation').click();
    await fresh.panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
    // Had the click while lost started anything, this Closing would have been refused as a second start.
    const started = (await storedSession(options, meetingKeyOf(fresh.page.url())))!;
    expect({ kind: started.template?.kind, revision: started.revision }).toEqual({ kind: 'closing', revision: 1 });
    await fresh.page.close();
  });
});
