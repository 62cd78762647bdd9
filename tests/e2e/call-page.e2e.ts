/**
 * A call outside the browser (the Zoom or Teams app, a phone): call.html in a tab of its own, opened
 * by its address as the toolbar does, and its pop-out. Headless Chromium here does have Document
 * Picture-in-Picture on an extension page: a real click on `Pop out` opens the window, which
 * Playwright lists as a new page of the context, so the pop-out itself is driven, not a stand-in.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUARDRAILS } from '../../utils/agenda/agenda';
import { violations as axeViolations } from './axe';
import { type Extension, button, clock, jumpTo, killServiceWorker, launch, newMeetUrl, openConversationsPage, putRecords, seconds, start, startAs, stepTitle, storedRecords, storedSession, typeAndLeave } from './harness';
import { builtInTemplate } from '../../utils/templates/built-ins';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

const callUrl = (id?: string) => `chrome-extension://${ext.id}/call.html${id ? `?call=${id}` : ''}`;
const idOf = (page: Page) => new URL(page.url()).searchParams.get('call');

/** Opens the call page in a new tab, once it shows the set-up or the running conversation. */
async function openCall(id?: string): Promise<{ page: Page; view: Frame; id: string }> {
  const page = await ext.context.newPage();
  await page.goto(callUrl(id));
  const view = page.mainFrame();
  await view.locator('.panel__body').getByRole('button').first().waitFor();
  const shown = idOf(page);
  if (!shown) throw new Error(`No call id in ${page.url()}`);
  return { page, view, id: shown };
}

/** Clicks `Pop out` as the coach does and returns the pop-out window, once it shows the session. */
async function popOut(page: Page): Promise<Frame> {
  const opened = ext.context.waitForEvent('page');
  await page.getByRole('button', { name: 'Pop out', exact: true }).click();
  const pip = await opened;
  const view = pip.mainFrame();
  await view.getByRole('main', { name: 'Alignment Companion pop-out' }).waitFor();
  return view;
}

describe('a call outside the browser', () => {
  it('gets an id in its address, and a reload resumes it at the same step', async () => {
    const { page, view, id } = await openCall();
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]+$/);
    expect(await page.title()).toBe('Call outside the browser — Alignment Companion');
    await view.getByRole('heading', { level: 1, name: 'Call outside the browser' }).waitFor();

    await start(view);
    await button(view, 'Next step').click();
    await expect.poll(() => stepTitle(view)).toBe('Set the context');
    await expect.poll(async () => (await storedSession(page, `desk:${id}`))?.current).toBe(1);
    // Let the meeting clock visibly run, so a clock restarted from zero would show after the reload.
    await expect.poll(() => clock(view, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThanOrEqual(30 * 60 - 2);

    await page.reload();
    expect(idOf(page)).toBe(id);
    await expect.poll(() => stepTitle(view)).toBe('Set the context');
    expect(await clock(view, 'Time left in meeting')).toBeLessThanOrEqual(30 * 60 - 2);
    await page.close();
  });

  it('makes a new id for an address without a valid one, and for `Start a new call`', async () => {
    const { page, id } = await openCall('NOT valid');
    expect(id).not.toBe('NOT valid');
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]+$/);
    await page.getByRole('link', { name: 'Start a new call' }).click();
    await expect.poll(() => idOf(page) ?? '').toMatch(/^[a-z0-9][a-z0-9-]+$/);
    expect(idOf(page)).not.toBe(id);
    await page.getByRole('button', { name: 'Start conversation' }).waitFor();
    await page.close();
  });

  it('loses nothing when the service worker is stopped mid-call', async () => {
    const { page, view, id } = await openCall();
    await start(view);
    await button(view, 'Next step').click();
    await expect.poll(() => stepTitle(view)).toBe('Set the context');

    await killServiceWorker(page);
    await button(view, 'Next step').click();
    await expect.poll(() => stepTitle(view)).toBe('Why the manager backed coaching');
    await killServiceWorker(page);
    await button(view, 'Pause timer').click();
    await button(view, 'Resume timer').waitFor();
    await expect.poll(async () => (await storedSession(page, `desk:${id}`))?.runningSince).toBeNull();
    expect((await storedSession(page, `desk:${id}`))?.current).toBe(2);
    await page.close();
  });

  it('keeps two tabs on the same call in step', async () => {
    const a = await openCall();
    await start(a.view);
    const b = await openCall(a.id);
    await b.view.getByRole('timer', { name: 'Time left in step' }).waitFor();
    await button(a.view, 'Next step').click();
    await expect.poll(() => stepTitle(b.view)).toBe('Set the context');
    await button(b.view, 'Next step').click();
    await expect.poll(() => stepTitle(a.view)).toBe('Why the manager backed coaching');
    await button(b.view, 'Pause timer').click();
    await button(a.view, 'Resume timer').waitFor();
    await a.page.close();
    await b.page.close();
  });

  it('offers earlier calls to resume, by kind and date, and resumes one in place', async () => {
    const earlier = await openCall();
    await startAs(earlier.view, 'Closing');
    await button(earlier.view, 'Next step').click();
    await expect.poll(() => stepTitle(earlier.view)).toBe('Set the context');
    // The call on screen is not offered to itself.
    const recent = (view: Frame) => view.getByRole('navigation', { name: 'Recent calls' });
    await recent(earlier.view).waitFor();
    await expect.poll(() => recent(earlier.view).locator(`a[href="/call.html?call=${earlier.id}"]`).count()).toBe(0);
    await earlier.page.close();

    const { page, view, id } = await openCall();
    expect(id).not.toBe(earlier.id);
    const link = recent(view).locator(`a[href="/call.html?call=${earlier.id}"]`);
    await expect.poll(() => link.textContent()).toMatch(/^Closing, .+\d/);
    await link.click();
    await page.waitForURL(callUrl(earlier.id));
    await expect.poll(() => stepTitle(view)).toBe('Set the context');
    await page.close();
  });
});

describe('the pop-out', () => {
  it('shows the step, both clocks, the time state, the controls and the first guardrail', async () => {
    const { page, view } = await openCall();
    await start(view);
    const pip = await popOut(page);

    expect(await stepTitle(pip)).toBe('Welcome and introductions');
    expect(await pip.getByRole('heading', { name: 'Welcome and introductions' }).count()).toBe(1);
    expect(await clock(pip, 'Time left in step')).toBeLessThanOrEqual(2 * 60);
    expect(await clock(pip, 'Time left in meeting')).toBeLessThanOrEqual(30 * 60);
    await pip.getByText('On track').waitFor();
    for (const name of ['Previous step', 'Pause timer', 'Next step']) await button(pip, name).waitFor();
    await pip.getByText(GUARDRAILS[0]).waitFor();
    // The clocks run in the pop-out on their own, from the stored times.
    const before = await clock(pip, 'Time left in meeting');
    await expect.poll(() => clock(pip, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThan(before);
    await page.close();
  });

  it('shows a coach’s template’s own first guardrail', async () => {
    const seed = await openCall();
    const template = { ...builtInTemplate('kickoff'), id: 'own-popout-1', name: 'Board prep', guardrails: ['Keep the board out of it.', 'Short answers.'] };
    await putRecords(seed.page, { templates: [template] });
    await seed.page.close();
    const { page, view } = await openCall();
    await view.getByLabel('Conversation', { exact: true }).selectOption({ label: 'Board prep' });
    await start(view);
    const pip = await popOut(page);
    await pip.getByText('Keep the board out of it.').waitFor();
    expect(await pip.getByText(GUARDRAILS[0]).count()).toBe(0);
    await page.close();
  });

  it('drives the same session as the page, both ways, and closing it loses nothing', async () => {
    const { page, view, id } = await openCall();
    await start(view);
    const pip = await popOut(page);

    await button(pip, 'Next step').click();
    await expect.poll(() => stepTitle(view)).toBe('Set the context');
    await button(view, 'Next step').click();
    await expect.poll(() => stepTitle(pip)).toBe('Why the manager backed coaching');
    await button(pip, 'Previous step').click();
    await expect.poll(() => stepTitle(view)).toBe('Set the context');
    await button(pip, 'Pause timer').click();
    await button(view, 'Resume timer').waitFor();
    await button(view, 'Resume timer').click();
    await button(pip, 'Pause timer').waitFor();

    // A stopped worker is woken by the pop-out's click too: it speaks through the page's port.
    await killServiceWorker(page);
    await button(pip, 'Next step').click();
    await expect.poll(() => stepTitle(view)).toBe('Why the manager backed coaching');

    await pip.page().close();
    await expect.poll(async () => (await storedSession(page, `desk:${id}`))?.current).toBe(2);
    expect(await stepTitle(view)).toBe('Why the manager backed coaching');
    await button(view, 'Next step').click();
    await expect.poll(() => stepTitle(view)).toBe('Coachee’s goals and 360 themes');

    const again = await popOut(page);
    expect(await stepTitle(again)).toBe('Coachee’s goals and 360 themes');
    await page.close();
  });

  it('fits its small window at every step, and says when no conversation is under way', async () => {
    const { page, view } = await openCall();
    const pip = await popOut(page);
    await pip.getByText('No conversation under way. Start it in the call tab.').waitFor();
    await start(view);
    await pip.getByRole('timer', { name: 'Time left in step' }).waitFor();
    await pip.page().setViewportSize({ width: 300, height: 240 });
    const overflow = () => pip.evaluate(() => ({ x: document.documentElement.scrollWidth > innerWidth, y: document.documentElement.scrollHeight > innerHeight }));
    for (;;) {
      expect(await overflow(), `${await stepTitle(pip)} overflows`).toEqual({ x: false, y: false });
      if ((await button(pip, 'Next step').getAttribute('aria-disabled')) === 'true') break;
      const from = await stepTitle(pip);
      await button(pip, 'Next step').click();
      await expect.poll(() => stepTitle(pip)).not.toBe(from);
    }
    await button(view, 'Finish conversation').click();
    await pip.getByText('Conversation finished. The next steps are in the call tab.').waitFor();
    await page.close();
  });

  it('is not offered where the browser has no Document Picture-in-Picture, and a line says why', async () => {
    const page = await ext.context.newPage();
    // As in Firefox, or a Chrome before 116: the API is not there at all.
    await page.addInitScript(() => delete (window as { documentPictureInPicture?: unknown }).documentPictureInPicture);
    await page.goto(callUrl());
    await page.getByRole('button', { name: 'Start conversation' }).waitFor();
    await page.getByText('This browser cannot keep a small window on top').waitFor();
    expect(await page.getByRole('button', { name: 'Pop out' }).count()).toBe(0);
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('in %s mode', (scheme) => {
  // Reduced motion too: colours ease over 120 ms, and contrast measured mid-way is of no colour the coach rests on.
  const inScheme = (page: Page) => page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });

  it('the call page and its pop-out pass WCAG 2.1 AA checks', async () => {
    const earlier = await openCall();
    await start(earlier.view);
    await earlier.page.close();

    const { page, view } = await openCall();
    await inScheme(page);
    await view.getByRole('navigation', { name: 'Recent calls' }).getByRole('link').first().waitFor();
    expect(await axeViolations(view)).toEqual([]);

    await start(view);
    await button(view, 'Next step').click();
    await expect.poll(() => stepTitle(view)).toBe('Set the context');
    expect(await axeViolations(view)).toEqual([]);

    const pip = await popOut(page);
    await inScheme(pip.page());
    await button(pip, 'Pause timer').click();
    await button(pip, 'Resume timer').waitFor();
    expect(await axeViolations(pip)).toEqual([]);
    await page.close();
  });
});

describe('a call outside the browser, from start to the records', () => {
  it('runs to copied next steps, and the Conversations page lists it as Outside the browser', async () => {
    const { page, view, id } = await openCall();
    await startAs(view, 'Kickoff');
    await jumpTo(view, /goals and 360/);
    await typeAndLeave(view, 'Goals shared', 'Lead the Q3 planning');
    await jumpTo(view, /Wrap up/);
    await button(view, 'Copy next steps').click();
    await view.getByText('Next steps copied.').waitFor();
    // Read back where a test may be granted the clipboard (not an extension origin): a meeting page.
    const reader = await ext.context.newPage();
    const meetingUrl = newMeetUrl();
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(meetingUrl).origin });
    await reader.goto(meetingUrl);
    await expect.poll(() => reader.evaluate(() => navigator.clipboard.readText())).toContain('Lead the Q3 planning');
    await reader.close();
    await button(view, 'Finish conversation').click();
    await view.getByRole('heading', { name: 'Conversation finished' }).waitFor();

    const records = await openConversationsPage(ext);
    // Every call outside the browser this browser has held is listed as such, this one among them.
    const desks = (await storedRecords(records)).sessions.filter((session) => session.key.startsWith('desk:'));
    expect(desks.map((session) => session.key)).toContain(`desk:${id}`);
    const rows = records.getByRole('list', { name: 'Conversations' }).getByRole('button').filter({ hasText: 'Outside the browser' });
    await expect.poll(() => rows.count()).toBe(desks.length);
    expect((await storedSession(records, `desk:${id}`))?.endedAt).toEqual(expect.any(Number));
    await records.close();
    await page.close();
  });
});
