/**
 * What a coach does in a call, proven the same way in Chromium and in Firefox: one scenario, one
 * driver (browsers.ts), both browsers, on the stand-in pages with the platforms' strict CSP.
 */
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  attribute,
  byRole,
  choose,
  click,
  clock,
  exists,
  hasDock,
  jumpTo,
  openMeeting,
  panelFrame,
  panelFrames,
  readClipboard,
  reload,
  start,
  statuses,
  stepTitle,
  text,
  typeAndLeave,
  until,
  useBrowser,
  value,
} from './browsers';
import { FIXTURE_HOST, clockShown, meetingKeyOf, newMeetUrl, seconds } from './fixtures';

describe.each(BROWSERS)('in %s', (name) => {
  const driver = useBrowser(name);

  it.each([
    ['Meet', 'https://meet.google.com/abc-defg-hij', 'meet:abc-defg-hij'],
    ['Zoom', 'https://app.zoom.us/wc/123456789/join', 'zoom:123456789'],
    ['Teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ0ZjE3%40thread.v2/0?context=%7b%7d', 'teams:19:meeting_NjQ0ZjE3@thread.v2'],
  ])('docks the panel on %s, for its own meeting', async (_, url, key) => {
    const { panel } = await openMeeting(driver(), url);
    expect(new URL(await panel.evaluate(() => location.href)).searchParams.get('key')).toBe(key);
    expect(await exists(panel, byRole('button', 'Start conversation'))).toBe(true);
  });

  it.each([
    ['Meet', 'https://meet.google.com/', '/abc-defg-hij'],
    ['Zoom', 'https://app.zoom.us/wc/home', '/wc/123456789/join'],
    ['Teams', 'https://teams.microsoft.com/v2/', '/l/meetup-join/19%3ameeting_home%40thread.v2/0'],
  ])('stays off the %s home page, and docks once the app moves into a meeting', async (_, url, meetingPath) => {
    const page = await driver().openTab(url);
    expect(await hasDock(page)).toBe(false);
    // The content script was there all along and chose not to dock: a click into a meeting docks it.
    await page.evaluate((path) => {
      const fixture = (window as unknown as { fixture: { navigate(path: string): void } }).fixture;
      document.addEventListener('click', () => fixture.navigate(path), { once: true });
    }, meetingPath);
    await page.mouse.click(400, 400);
    await panelFrame(page);
  });

  it('turns the clocks’ digits on time: through each second they show the time the panel gives in words', async () => {
    const { panel } = await openMeeting(driver(), newMeetUrl());
    await start(panel);
    // Each sample waits for the panel's tick (its description of the time changes, just past the
    // second), then reads the reels a tenth of a second on and again half a second after that.
    const sample = `new Promise((resolve) => {
      const timer = document.querySelector('[role="timer"][aria-label="Time left in meeting"]');
      const shown = ${clockShown.toString()};
      const read = () => ({ shown: shown(timer), words: timer.getAttribute('aria-description') });
      new MutationObserver((_, observer) => {
        observer.disconnect();
        setTimeout(() => {
          const early = read();
          setTimeout(() => resolve([early, read()]), 500);
        }, 100);
      }).observe(timer, { attributeFilter: ['aria-description'] });
    })`;
    const inWords = (words: string) => Number(/(\d+) min/.exec(words)?.[1] ?? 0) * 60 + Number(/(\d+) s/.exec(words)?.[1] ?? 0);
    for (let i = 0; i < 4; i++) {
      const reads = (await panel.evaluate(sample)) as { shown: string; words: string }[];
      for (const { shown, words } of reads) expect(seconds(shown)).toBe(inWords(words));
    }
  });

  it('starts the conversation and moves with Next step and Previous step', async () => {
    const { panel } = await openMeeting(driver(), newMeetUrl());
    await start(panel, 45);
    expect(await stepTitle(panel)).toBe('Welcome and introductions');
    const meeting = await clock(panel, 'Time left in meeting');
    expect(meeting).toBeLessThanOrEqual(45 * 60);
    expect(meeting).toBeGreaterThan(45 * 60 - 10);
    // The contract's name, in both browsers (Firefox would read a name from uppercased CSS as GUARDRAILS).
    expect(await text(panel, byRole('region', 'Guardrails'))).toMatch(/Confidential/);

    await click(panel, 'Next step');
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    expect(await text(panel, '[aria-current="step"]')).toContain('Set the context');
    await click(panel, 'Previous step');
    await expect.poll(() => stepTitle(panel)).toBe('Welcome and introductions');
    expect(await attribute(panel, byRole('button', 'Previous step'), 'aria-disabled')).toBe('true');
  });

  it('shows the same step and clock after a reload and in a second tab on the meeting', async () => {
    const url = newMeetUrl();
    const first = await openMeeting(driver(), url);
    await start(first.panel);
    await click(first.panel, 'Next step');
    await expect.poll(() => stepTitle(first.panel)).toBe('Set the context');

    const second = await openMeeting(driver(), url);
    await expect.poll(() => stepTitle(second.panel)).toBe('Set the context');
    await click(second.panel, 'Next step');
    await expect.poll(() => stepTitle(first.panel)).toBe('Why the manager backed coaching');

    // Let the meeting clock visibly run, so a clock restarted from zero would show.
    await expect.poll(() => clock(first.panel, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThanOrEqual(30 * 60 - 2);
    const reloaded = await reload(first.page);
    await expect.poll(() => stepTitle(reloaded)).toBe('Why the manager backed coaching');
    expect(await clock(reloaded, 'Time left in meeting')).toBeLessThanOrEqual(30 * 60 - 2);
    expect(await text(reloaded, '[aria-current="step"]')).toContain('Why the manager');
  });

  it('loses nothing when the background is stopped: the next click starts it again', async () => {
    const { page, panel } = await openMeeting(driver(), newMeetUrl());
    await start(panel);
    await click(panel, 'Next step');
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');

    await driver().stopBackground();
    await click(panel, 'Next step');
    await expect.poll(() => stepTitle(panel)).toBe('Why the manager backed coaching');

    await expect.poll(() => clock(panel, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThanOrEqual(30 * 60 - 2);
    await driver().stopBackground();
    const reloaded = await reload(page);
    await expect.poll(() => stepTitle(reloaded)).toBe('Why the manager backed coaching');
    expect(await clock(reloaded, 'Time left in meeting')).toBeLessThanOrEqual(30 * 60 - 2);
  });

  it('copies the next steps to the clipboard', async () => {
    const { page, panel } = await openMeeting(driver(), newMeetUrl());
    await start(panel);
    await jumpTo(panel, 'Wrap up and next steps');
    await click(panel, 'Copy next steps');
    await expect.poll(() => statuses(panel)).toContainEqual(expect.stringContaining('Next steps copied'));
    const copied = await readClipboard(page);
    expect(copied).toMatch(/^Thank you both/);
    expect(copied).toBe(await value(panel, byRole('textbox', 'Next steps')));
  });

  it('selects the text, with a clear message, when the browser refuses the clipboard', async () => {
    const { panel } = await openMeeting(driver(), newMeetUrl());
    await start(panel);
    // The refusal a browser gives when the panel lacks focus or permission.
    await panel.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await click(panel, 'Copy next steps');
    await expect.poll(() => statuses(panel)).toContainEqual(expect.stringContaining('The browser blocked copying'));
    const selected = () =>
      panel.evaluate(() => {
        const el = document.activeElement as HTMLTextAreaElement;
        return el.tagName === 'TEXTAREA' ? el.value.slice(el.selectionStart, el.selectionEnd) : '';
      });
    await expect.poll(selected).toMatch(/^Thank you both/);
    expect(await selected()).toBe(await value(panel, byRole('textbox', 'Next steps')));
  });

  it('Hide private notes in one tab hides the notes in every tab on the meeting', async () => {
    const url = newMeetUrl();
    const a = await openMeeting(driver(), url);
    const b = await openMeeting(driver(), url);
    await start(a.panel);
    await typeAndLeave(a.panel, 'Private notes', 'Only for me');
    await expect.poll(() => value(b.panel, byRole('textbox', 'Private notes'))).toBe('Only for me');

    await click(a.panel, 'Hide private notes');
    await expect.poll(() => attribute(a.panel, byRole('button', 'Hide private notes'), 'aria-pressed')).toBe('true');
    for (const panel of [a.panel, b.panel]) {
      await expect.poll(() => exists(panel, byRole('textbox', 'Private notes'))).toBe(false);
      const shown = await panel.evaluate(() => document.body.innerText);
      expect(shown).toContain('Private notes hidden.');
      expect(shown).not.toContain('Only for me');
    }
    // Shown again from the other tab: the note was kept all along.
    await click(b.panel, 'Hide private notes');
    await expect.poll(() => value(a.panel, byRole('textbox', 'Private notes'))).toBe('Only for me');
  });

  it('downloads the check-in reminder as an .ics calendar file', async () => {
    const { panel } = await openMeeting(driver(), newMeetUrl());
    await start(panel);
    await jumpTo(panel, 'Ongoing feedback');
    await choose(panel, 'Check-in cadence', 'biweekly');
    await expect.poll(() => attribute(panel, byRole('button', 'Download check-in reminder'), 'aria-disabled')).toBe('false');
    await click(panel, 'Download check-in reminder');
    const calendar = await driver().download('check-in-reminder.ics');
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8\r\n');
    expect(calendar).toMatch(/END:VCALENDAR\r\n$/);
  });

  it('a panel the meeting page frames itself shows nothing and does nothing, while our dock on the page works; also after a background stop and a reload', async () => {
    const url = newMeetUrl();
    const key = meetingKeyOf(url);
    const page = await driver().openTab(`${url}?frames-extensions`);
    const dock = await panelFrame(page);
    const framed = await frameOwnPanel(page, key);
    await start(dock);
    await click(dock, 'Next step');
    await expect.poll(() => stepTitle(dock)).toBe('Set the context');
    await clickAround(page);
    await expectInert(framed);

    await driver().stopBackground();
    await expectInert(framed);
    await click(dock, 'Next step');
    await expect.poll(() => stepTitle(dock)).toBe('Why the manager backed coaching');
    await clickAround(page);

    const dockAfter = await reload(page);
    const framedAfter = await frameOwnPanel(page, key);
    await clickAround(page);
    await expectInert(framedAfter);
    // Nothing the page's panel was clicked into reached the session: our dock still shows the step it left.
    expect(await stepTitle(dockAfter)).toBe('Why the manager backed coaching');
    await click(dockAfter, 'Previous step');
    await expect.poll(() => stepTitle(dockAfter)).toBe('Set the context');
  });

  it('requests nothing beyond the meeting pages and its own files, through a whole conversation', async () => {
    const before = driver().requests.length;
    const url = newMeetUrl();
    const { page, panel } = await openMeeting(driver(), url);
    await start(panel);
    for (let i = 0; i < 6; i++) await click(panel, 'Next step');
    await expect.poll(() => stepTitle(panel)).toBe('Wrap up and next steps');
    await click(panel, 'Copy next steps');
    await expect.poll(() => statuses(panel)).toContainEqual(expect.stringMatching(/copied|blocked/));
    await reload(page);
    const made = driver().requests.slice(before);
    // The meeting page itself is the test's own navigation; Chromium also shows the panel's files
    // (its own origin), Firefox's BiDi does not show moz-extension loads at all, and data: and
    // blob: never leave the browser. Any other address, from the page or from the panel's frame,
    // would be listed here.
    const network = made.filter((r) => !/^(data|blob):/.test(r.url));
    const foreign = network.filter((r) => !r.url.startsWith(`${driver().extensionOrigin}/`) && !(FIXTURE_HOST.test(r.url) && r.navigation));
    expect(foreign).toEqual([]);
    expect(made.filter((r) => r.url === url && r.navigation)).toHaveLength(2);
  });
});

/** The meeting page frames `panel.html?key=<its own meeting>` itself, as a clickjacker would. */
async function frameOwnPanel(page: Page, key: string): Promise<Frame> {
  const origin = await until('the dock', async () => (await panelFrames(page))[0]?.evaluate(() => location.origin) ?? null);
  await page.evaluate(
    (src) => (window as unknown as { hostile: { framePanel(src: string): Promise<boolean> } }).hostile.framePanel(src),
    `${origin}/panel.html?key=${encodeURIComponent(key)}`,
  );
  const frame = (await (await page.$('#page-framed'))!.contentFrame())!;
  await expectInert(frame);
  return frame;
}

/** What the page's own panel offers once it has waited for a ticket: text only, nothing to click or type into. */
async function expectInert(frame: Frame) {
  const shown = () => frame.evaluate(() => document.body.innerText).catch(() => '');
  await expect.poll(shown, { timeout: 5_000 }).toContain('Open the panel from the meeting page');
  expect(await shown()).not.toMatch(/Welcome|Set the context|Why the manager|Start conversation/);
  expect(await frame.$$eval('button, input, select, textarea, a[href], [role="timer"]', (els) => els.length)).toBe(0);
}

/** Real clicks where the page put its panel (under a decoy, in an attack). */
async function clickAround(page: Page) {
  for (const y of [100, 300, 560]) await page.mouse.click(178, 8 + y);
}
