import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, button, launch, newMeetUrl, openMeeting, panelFrame, start } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

// Emoji (a surrogate pair and a joined family), right-to-left Arabic and Hebrew, a right-to-left
// override, a bell and an escape character, and markup: all of it is text and stays as typed.
const TRICKY = 'Goals 🎯👩‍👩‍👧 مراجعة الأهداف שלום \u202Edesrever\u202C bell\u0007 esc\u001b <img src=x onerror=alert(1)> &amp;';

describe('what the coach types', () => {
  it('is kept exactly as typed, shown as text and never as markup, after a reload', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    const note = panel.getByRole('textbox', { name: 'Private notes' });
    await note.fill(TRICKY);
    await note.blur();
    await panel.getByRole('textbox', { name: 'Parked topic' }).fill(TRICKY.slice(0, 120));
    await button(panel, 'Park topic').click();
    await expect.poll(() => panel.getByRole('list', { name: 'Parked topics' }).textContent()).toContain('<img src=x onerror=alert(1)>');
    // Markup stayed text: no element was made from it.
    expect(await panel.locator('.parking__list img').count()).toBe(0);

    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByRole('textbox', { name: 'Private notes' }).inputValue()).toBe(TRICKY);
    expect(await reloaded.getByRole('list', { name: 'Parked topics' }).locator('li span').textContent()).toBe(TRICKY.slice(0, 120));
    await page.close();
  });

  it('shows a counter, and stops at the limit, saying so', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    const note = panel.getByRole('textbox', { name: 'Private notes' });
    await note.fill('twelve chars');
    const counter = panel.locator('.private-note .field__count');
    await expect.poll(() => counter.textContent()).toBe('12/2000 characters');
    // The counter is what a screen reader hears with the box.
    expect(await note.getAttribute('aria-describedby')).toContain(await counter.getAttribute('id'));
    await note.fill('x'.repeat(2_100));
    expect(await note.inputValue()).toHaveLength(2_000);
    await expect.poll(() => counter.textContent()).toBe('Limit reached: 2000 characters');
    await note.blur();
    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByRole('textbox', { name: 'Private notes' }).inputValue()).toHaveLength(2_000);
    await page.close();
  });
});
