/**
 * The doors around the meeting page: the toolbar button's view, `Dock the panel here`, the
 * browser's side panel following the active tab, and the Panel position setting.
 *
 * Chromium gives tests no way to click the toolbar button or open the real side panel, so both
 * pages are opened as a coach's browser would show them, in a window of their own beside the
 * meeting's window (a popup window): they act on the active tab of the last focused normal window.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScheme, violations } from './axe';
import { type Extension, button, launch, newMeetUrl, openMeeting, panelFrame, panelFrames, start, stepTitle } from './harness';

let ext: Extension;
let opener: Page;
beforeAll(async () => {
  ext = await launch();
  opener = await ext.context.newPage();
  await opener.goto(`chrome-extension://${ext.id}/practice.html?rehearsal=opener`);
});
afterAll(async () => {
  await ext?.close();
});

/** Opens one of our pages in a popup window, leaving the meeting tab active in its own window. */
async function openBeside(path: string): Promise<Page> {
  const [page] = await Promise.all([
    ext.context.waitForEvent('page'),
    // windows.create, as an extension opens a window: a page window.open()ed with popup features gets no extension APIs.
    opener.evaluate((url) => (globalThis as any).chrome.windows.create({ url, type: 'popup', width: 380, height: 640 }), `chrome-extension://${ext.id}${path}`),
  ]);
  await page.waitForLoadState();
  return page;
}

/** Brings a tab to the front of its window, as the coach's click on it does. */
async function front(page: Page) {
  await page.bringToFront();
}

const V2 = 'https://teams.microsoft.com/v2/';

describe('the toolbar button’s view', () => {
  it('on a meeting: says so and shows a folded panel again; offers the other doors', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    const frameElement = await panel.frameElement();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => frameElement.isVisible()).toBe(false);
    await front(page);
    const menu = await openBeside('/popup.html');
    await menu.getByRole('heading', { name: 'Meeting found in this tab' }).waitFor();
    for (const name of ['Open in the side panel', 'Start a call outside the browser', 'Conversations', 'Settings']) {
      await menu.getByRole('button', { name, exact: true }).waitFor();
    }
    // The toolbar view closes itself once it has done this, as a toolbar popup does.
    const closed = menu.waitForEvent('close');
    await menu.getByRole('button', { name: 'Show the panel' }).click().catch(() => undefined);
    await closed;
    await expect.poll(() => frameElement.isVisible()).toBe(true);
    await page.close();
  });

  it('on a meeting site page with no meeting: Dock the panel here, kept across a reload, and removed again', async () => {
    const page = await ext.context.newPage();
    await page.goto(V2);
    expect(panelFrames(page)).toHaveLength(0);
    await front(page);
    let menu = await openBeside('/popup.html');
    await menu.getByRole('heading', { name: 'No meeting in this tab' }).waitFor();
    await menu.getByRole('button', { name: 'Dock the panel here' }).click();
    const panel = await panelFrame(page);
    await start(panel);
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    await menu.close();

    await page.reload();
    const again = await panelFrame(page);
    await expect.poll(() => stepTitle(again)).toBe('Set the context');
    await front(page);
    menu = await openBeside('/popup.html');
    await menu.getByRole('heading', { name: 'Panel docked on this page' }).waitFor();
    await menu.getByRole('button', { name: 'Remove the panel from this page' }).click();
    await expect.poll(() => panelFrames(page).length).toBe(0);
    await menu.close();
    await page.close();
  });

  it('off the meeting sites: no meeting, and a call outside the browser or the practice meeting', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/practice.html?rehearsal=elsewhere`);
    await front(page);
    const menu = await openBeside('/popup.html');
    await menu.getByRole('heading', { name: 'No meeting in this tab' }).waitFor();
    expect(await menu.getByRole('button', { name: 'Dock the panel here' }).count()).toBe(0);
    await menu.getByRole('button', { name: 'Start a call outside the browser' }).waitFor();
    await menu.getByRole('button', { name: 'Practice meeting' }).waitFor();
    await menu.close();
    await page.close();
  });
});

describe('the browser’s side panel', () => {
  it('follows the active tab’s meeting and drives the same session as the dock', async () => {
    const first = await openMeeting(ext, newMeetUrl());
    const second = await openMeeting(ext, newMeetUrl());
    await start(first.panel);
    await front(first.page);
    const side = await openBeside('/sidepanel.html');
    const sidePanel = side.mainFrame();
    await expect.poll(() => stepTitle(sidePanel), { timeout: 10_000 }).toBe('Welcome and introductions');
    await button(sidePanel, 'Next step').click();
    await expect.poll(() => stepTitle(first.panel)).toBe('Set the context');

    // The coach switches to the other meeting's tab: the side panel follows, to its set-up.
    await front(second.page);
    await button(sidePanel, 'Start conversation').waitFor({ timeout: 10_000 });
    // And to a tab with no meeting: the way to a call outside the browser.
    const blank = await ext.context.newPage();
    await blank.goto(`chrome-extension://${ext.id}/practice.html?rehearsal=blank`);
    await front(blank);
    await sidePanel.getByRole('heading', { name: 'No meeting in this tab' }).waitFor({ timeout: 10_000 });
    await front(first.page);
    await expect.poll(() => stepTitle(sidePanel), { timeout: 10_000 }).toBe('Set the context');
    for (const page of [first.page, second.page, blank, side]) await page.close();
  });

  it('with Browser side panel chosen, the dock leaves every meeting tab; Left edge puts it back on the left', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await panel.getByText('Settings and shortcuts').click();
    await panel.getByLabel('Panel position').selectOption({ label: 'Browser side panel' });
    await expect.poll(() => panelFrames(page).length).toBe(0);
    // A meeting opened now stays without a dock as well.
    const other = await ext.context.newPage();
    await other.goto(newMeetUrl());
    const side = await openBeside('/sidepanel.html');
    await front(other);
    await button(side.mainFrame(), 'Start conversation').waitFor({ timeout: 10_000 });
    expect(panelFrames(other)).toHaveLength(0);

    const settings = side.mainFrame();
    await settings.getByText('Settings and shortcuts').click();
    await settings.getByLabel('Panel position').selectOption({ label: 'Left edge of the meeting' });
    const back = await panelFrame(page);
    const box = await (await back.frameElement()).boundingBox();
    expect(box!.x).toBeLessThan(100);
    await settings.getByLabel('Panel position').selectOption({ label: 'Right edge of the meeting' });
    await expect.poll(async () => (await (await (await panelFrame(page)).frameElement()).boundingBox())!.x).toBeGreaterThan(600);
    for (const p of [page, other, side]) await p.close();
  });

  it('a narrow dock (280 px) still shows the step, both timers, the controls and the guardrails, with nothing cut off', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    await panel.getByText('Settings and shortcuts').click();
    await panel.getByLabel('Narrow panel in the meeting (280 px)').check();
    const frame = await panel.frameElement();
    await expect.poll(async () => (await frame.boundingBox())!.width).toBe(280);
    for (const name of ['Time left in step', 'Time left in meeting']) expect(await panel.getByRole('timer', { name }).isVisible()).toBe(true);
    for (const name of ['Previous step', 'Pause timer', 'Next step']) expect(await button(panel, name).isVisible()).toBe(true);
    expect(await panel.getByRole('region', { name: 'Guardrails' }).isVisible()).toBe(true);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // The sections clip what they draw: nothing in one may be wider than it, paused (the longest
    // labels) or not. (A pixel's grace: a screen reader's one-pixel text at a right-aligned count.)
    const overflowing = () => panel.evaluate(() => [...document.querySelectorAll('.conversation > *')].filter((section) => section.scrollWidth > section.clientWidth + 1).map((section) => section.className));
    expect(await overflowing()).toEqual([]);
    await button(panel, 'Pause timer').click();
    await button(panel, 'Resume timer').waitFor();
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: 'test-results/compact-dock.png' });
    await button(panel, 'Resume timer').click();
    await panel.getByLabel('Narrow panel in the meeting (280 px)').uncheck();
    await expect.poll(async () => (await frame.boundingBox())!.width).toBe(340);
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('in %s mode', (scheme) => {
  it('the toolbar view and the side panel pass WCAG 2.1 AA checks, with a meeting and without', async () => {
    const meeting = await openMeeting(ext, newMeetUrl());
    await front(meeting.page);
    const menu = await openBeside('/popup.html');
    await inScheme(menu, scheme);
    await menu.getByRole('heading', { name: 'Meeting found in this tab' }).waitFor();
    expect(await violations(menu)).toEqual([]);
    const side = await openBeside('/sidepanel.html');
    await inScheme(side, scheme);
    await button(side.mainFrame(), 'Start conversation').waitFor({ timeout: 10_000 });
    expect(await violations(side)).toEqual([]);
    // The tab leaves the meeting for a Teams page without one: the side panel offers its ways in.
    await meeting.page.goto(V2);
    await side.getByRole('button', { name: 'Dock the panel here' }).waitFor({ timeout: 10_000 });
    expect(await violations(side)).toEqual([]);
    for (const page of [menu, side, meeting.page]) await page.close();
  });
});
