import type { Frame } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, button, clock, jumpTo, launch, newMeetUrl, openMeeting, panelFrame, shownClock, startAs, stepTitle, typeAndLeave } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

describe('a Closing conversation from capture to the clipboard', () => {
  it('copies the cadence and the parked topic, and never the private note', async () => {
    const url = newMeetUrl();
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const { page, panel } = await openMeeting(ext, url);
    await startAs(panel, 'Closing');
    expect(await stepTitle(panel)).toBe('Welcome back');

    await typeAndLeave(panel, 'Private notes', 'SECRET: manager sounded impatient');
    await panel.getByRole('textbox', { name: 'Parked topic' }).fill('Budget for the offsite');
    await button(panel, 'Park topic').click();
    await expect.poll(() => panel.getByRole('list', { name: 'Parked topics' }).textContent()).toContain('Budget for the offsite');

    await jumpTo(panel, /Cadence ahead/);
    await panel.getByLabel('Check-in cadence', { exact: true }).selectOption({ label: 'Monthly' });
    await panel.getByRole('radio', { name: 'In a dedicated check-in' }).check();
    await expect.poll(() => panel.getByRole('radio', { name: 'In a dedicated check-in' }).isChecked()).toBe(true);

    await jumpTo(panel, /Wrap up and next steps/);
    const nextSteps = panel.getByRole('textbox', { name: 'Next steps', exact: true });
    await expect.poll(() => nextSteps.inputValue()).toContain('monthly, in a dedicated check-in');
    await button(panel, 'Copy next steps').click();
    await panel.getByRole('status').filter({ hasText: 'Next steps copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Check-ins on the coaching goals: monthly, in a dedicated check-in.');
    expect(copied).toContain('  - Budget for the offsite');
    expect(copied).not.toContain('SECRET');
    expect(copied).not.toMatch(/second alignment conversation/i);
    // The note was stored all along (it survives a reload); it simply never enters the message.
    await page.reload();
    const reloaded = await panelFrame(page);
    await jumpTo(reloaded, /Welcome back/);
    expect(await reloaded.getByRole('textbox', { name: 'Private notes' }).inputValue()).toBe('SECRET: manager sounded impatient');
    await page.close();
  });

  it('copies exactly what the box shows after the coach edits it, in Markdown when chosen', async () => {
    const url = newMeetUrl();
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const { page, panel } = await openMeeting(ext, url);
    await startAs(panel, 'Kickoff');
    await jumpTo(panel, /Wrap up and next steps/);
    await panel.getByLabel('Format', { exact: true }).selectOption('markdown');
    const box = panel.getByRole('textbox', { name: 'Next steps', exact: true });
    await expect.poll(() => box.inputValue()).toContain('**Next steps**');
    await box.fill(`${await box.inputValue()}\nSee you soon, Alex`);
    await button(panel, 'Copy next steps').click();
    await panel.getByRole('status').filter({ hasText: 'Next steps copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\*\*Next steps\*\*[\s\S]*See you soon, Alex$/);
    await page.close();
  });
});

describe('hiding private notes', () => {
  it('hides every note in every open panel at once, and stays hidden after a reload', async () => {
    const url = newMeetUrl();
    const a = await openMeeting(ext, url);
    const b = await openMeeting(ext, url);
    await startAs(a.panel, 'Kickoff');
    await typeAndLeave(a.panel, 'Private notes', 'Only for me');
    await expect.poll(() => b.panel.getByRole('textbox', { name: 'Private notes' }).inputValue()).toBe('Only for me');

    const toggle = button(a.panel, 'Hide private notes');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    for (const panel of [a.panel, b.panel]) {
      await expect.poll(() => panel.getByRole('textbox', { name: 'Private notes' }).count()).toBe(0);
      expect(await panel.getByText('Only for me').count()).toBe(0);
      expect(await panel.getByText('Private notes hidden.').count()).toBe(1);
    }
    await b.page.reload();
    const reloaded = await panelFrame(b.page);
    await reloaded.getByText('Private notes hidden.').waitFor();
    expect(await button(reloaded, 'Hide private notes').getAttribute('aria-pressed')).toBe('true');
    // Shown again: the note was kept all along.
    await button(reloaded, 'Hide private notes').click();
    await expect.poll(() => a.panel.getByRole('textbox', { name: 'Private notes' }).inputValue()).toBe('Only for me');
    await a.page.close();
    await b.page.close();
  });
});

describe('pacing', () => {
  it('Add one minute extends the step, shrinks the later steps and moves the projected end', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await startAs(panel, 'Kickoff', '30');
    const agenda = panel.getByRole('navigation', { name: 'Agenda' });
    await expect.poll(() => panel.locator('.pacing').textContent()).toMatch(/on time/);
    for (let i = 0; i < 3; i++) await button(panel, 'Add one minute').click();
    await expect.poll(() => panel.locator('.pacing').textContent()).toMatch(/3 min late/);
    expect(await panel.locator('.pacing').textContent()).toMatch(/Projected end .*Scheduled/);
    // The two 7-minute steps now have 6 each, and say what was planned.
    await expect.poll(() => agenda.getByRole('button', { name: /Coachee’s goals/ }).textContent()).toMatch(/6 min.*planned 7/);
    expect(await shownClock(panel, 'Time left in step')).toMatch(/^(5:00|4:5\d)$/);
    await page.close();
  });

  it('a step that runs over turns to Over time, the later steps shrink and the end moves late', async () => {
    const url = newMeetUrl();
    const { page, panel } = await openMeeting(ext, url);
    await startAs(panel, 'Kickoff', '30');
    // Minutes must pass for a step to run over: the panel's clock is moved on six minutes
    // (the stored start is the background's real time), as if the coach had talked that long.
    await panel.evaluate(() => {
      const shift = 6 * 60_000;
      const realNow = Date.now;
      Date.now = () => realNow() + shift;
    });
    await expect.poll(() => panel.locator('.time-state').textContent()).toBe('Over time');
    expect(await shownClock(panel, 'Time left in step')).toMatch(/^-4:\d\d$/);
    await expect.poll(() => panel.locator('.pacing').textContent()).toMatch(/4 min late/);
    const goals = panel.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Coachee’s goals/ });
    expect(await goals.textContent()).toMatch(/6 min.*planned 7/);
    await expect.poll(() => panel.locator('[aria-live="polite"]').textContent()).toBe('Time is up for this step.');
    // The meeting clock says "over" in words, not in colour alone, only once the meeting is over.
    const meetingOver = panel.locator('.countdown--small .countdown__over');
    expect(await meetingOver.isVisible()).toBe(false);
    await panel.evaluate(() => {
      const shifted = Date.now;
      Date.now = () => shifted() + 25 * 60_000;
    });
    await expect.poll(() => shownClock(panel, 'Time left in meeting')).toMatch(/^-\d+:\d\d$/);
    await expect.poll(() => meetingOver.isVisible()).toBe(true);
    expect(await meetingOver.textContent()).toBe('over');
    await page.close();
  });
});

describe('the clock', () => {
  /**
   * Notes, in the panel, every change of the live region and of both clocks' time in words (their
   * description, which the panel writes at each tick: the digits turn by themselves).
   */
  function watchClock() {
    const notes = { live: [] as string[], step: [] as string[], meeting: [] as string[] };
    const live = document.querySelector('[aria-live="polite"]')!;
    new MutationObserver(() => notes.live.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    for (const [name, list] of [['Time left in step', notes.step], ['Time left in meeting', notes.meeting]] as const) {
      const timer = document.querySelector(`[role="timer"][aria-label="${name}"]`)!;
      new MutationObserver(() => list.push(timer.getAttribute('aria-description') ?? '')).observe(timer, { attributeFilter: ['aria-description'] });
    }
    (window as unknown as { clockNotes: typeof notes }).clockNotes = notes;
  }
  const notes = (panel: Frame) => panel.evaluate(() => (window as unknown as { clockNotes: { live: string[]; step: string[]; meeting: string[] } }).clockNotes);
  const box = (panel: Frame, name: string) => panel.getByRole('timer', { name }).evaluate((e) => JSON.stringify(e.getBoundingClientRect()));

  it('ticks both clocks each second, speaks only when the time state changes, and moves nothing as the digits change', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await startAs(panel, 'Kickoff', '30');
    await jumpTo(panel, /Coachee’s goals/); // a step long enough to pass half before its last minute
    await expect.poll(() => panel.locator('[aria-live="polite"]').textContent()).toMatch(/Coachee’s goals/);
    const meetingBox = await box(panel, 'Time left in meeting');
    await panel.evaluate(watchClock);
    await expect.poll(async () => (await notes(panel)).step.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    let seen = await notes(panel);
    expect(seen.live).toEqual([]); // three ticks, nothing said
    expect(seen.meeting.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen.step).size).toBe(seen.step.length);

    // Past half of the step's time, then past its end (the panel's clock moved on, as in `pacing`).
    const budget = await clock(panel, 'Time left in step');
    const shiftBy = (ms: number) =>
      panel.evaluate((shift) => {
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() + shift;
      }, ms);
    await shiftBy((budget * 1000) / 2 + 2_000);
    await expect.poll(async () => (await notes(panel)).live).toEqual(['Half the time for this step is used.']);
    await shiftBy((budget * 1000) / 2 + 2_000);
    await expect.poll(async () => (await notes(panel)).live.at(-1)).toBe('Time is up for this step.');
    const ticksBefore = (await notes(panel)).step.length;
    await expect.poll(async () => (await notes(panel)).step.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(ticksBefore + 2);
    seen = await notes(panel);
    // Said once each (the jump went past the last minute at once): the ticks in between said nothing.
    expect(seen.live).toEqual(['Half the time for this step is used.', 'Time is up for this step.']);
    expect(seen.step.at(-1)).toMatch(/ over$/);
    expect(await shownClock(panel, 'Time left in step')).toMatch(/^-\d+:\d\d$/);
    // The step clock went from m:ss to -m:ss in its own box: the meeting clock beside it did not move.
    expect(await box(panel, 'Time left in meeting')).toBe(meetingBox);
    await page.close();
  });

  it('turns its digits on the compositor: seconds pass with no style or layout work in the panel, showing the right time', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await startAs(panel, 'Kickoff', '30');
    const cdp = await ext.context.newCDPSession(panel);
    await cdp.send('Performance.enable');
    const work = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const count = (name: string) => metrics.find((m) => m.name === name)!.value;
      return { layouts: count('LayoutCount'), styles: count('RecalcStyleCount') };
    };
    // Read from the DOM as it stands: nothing that would make the panel work out its styles.
    const described = () => panel.evaluate(() => document.querySelector('[role="timer"][aria-label="Time left in step"]')!.getAttribute('aria-description'));
    const seen = [await described()];
    const ticks = (n: number) =>
      expect
        .poll(async () => {
          const now = await described();
          if (now !== seen.at(-1)) seen.push(now);
          return seen.length;
        }, { timeout: 5_000 })
        .toBeGreaterThanOrEqual(n);
    // Settled: a tick after the start, whatever the start's own rendering left to do.
    await ticks(2);
    const shownBefore = await clock(panel, 'Time left in step');
    const before = await work();
    await ticks(seen.length + 2);
    expect(await work()).toEqual(before);
    // Two seconds went by on the reels, which nothing on the main thread moved.
    expect(await clock(panel, 'Time left in step')).toBeLessThanOrEqual(shownBefore - 2);

    // The wall clock jumps, as after the machine slept, and the page's animation clock does not:
    // the next tick sets the reels to the time again.
    const jumped = (await clock(panel, 'Time left in meeting')) - 90;
    await panel.evaluate(() => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + 90_000;
    });
    await expect.poll(() => clock(panel, 'Time left in meeting'), { timeout: 3_000 }).toBeLessThanOrEqual(jumped);
    expect(await clock(panel, 'Time left in meeting')).toBeGreaterThanOrEqual(jumped - 3);
    await cdp.detach();
    await page.close();
  });

  it('holds the step clock still under its paused caption while the meeting clock runs on, and ticks on from there after Resume', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await startAs(panel, 'Kickoff', '30');
    const caption = panel.locator('.countdown--large .countdown__caption');
    await button(panel, 'Pause timer').click();
    await expect.poll(() => caption.textContent()).toBe('Step (paused)');
    await panel.evaluate(watchClock);
    // Settled: the pause shown at the click may be a second off the one the background stored.
    await expect.poll(async () => (await notes(panel)).meeting.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    const held = await clock(panel, 'Time left in step');
    const { meeting, step } = await notes(panel);
    // The meeting runs on the wall clock: two more of its ticks, and the step clock has not moved.
    await expect.poll(async () => (await notes(panel)).meeting.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(meeting.length + 2);
    expect((await notes(panel)).step).toEqual(step);
    expect(await clock(panel, 'Time left in step')).toBe(held);

    await button(panel, 'Resume timer').click();
    await expect.poll(() => caption.textContent()).toBe('Step');
    await expect.poll(async () => (await notes(panel)).step.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    const after = await clock(panel, 'Time left in step');
    expect(after).toBeLessThan(held);
    expect(after).toBeGreaterThanOrEqual(held - 5);
    await page.close();
  });
});

describe('in the moment', () => {
  it('Off track and Heated open the playbook, and Back returns to the step', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await startAs(panel, 'Kickoff');
    await button(panel, 'Heated').click();
    const playbook = panel.getByRole('region', { name: 'Playbook' });
    await playbook.waitFor();
    expect(await playbook.textContent()).toMatch(/name the tension/i);
    expect(await button(panel, 'Heated').getAttribute('aria-expanded')).toBe('true');
    await button(panel, 'Off track').click();
    await expect.poll(() => playbook.textContent()).toMatch(/next 1:1/);
    await button(panel, 'Back to the step').click();
    await expect.poll(() => playbook.count()).toBe(0);
    expect(await stepTitle(panel)).toBe('Welcome and introductions');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Off track');
    await page.close();
  });

  it('shows the meeting objectives in the set-context step, and the step’s own guardrails', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await startAs(panel, 'Kickoff');
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    await panel.getByText('Meeting objectives').click();
    expect(await panel.locator('.objectives').textContent()).toMatch(/say in the coaching goals/);
    await jumpTo(panel, /Manager’s feedback/);
    expect(await panel.getByRole('list', { name: 'Mind in this step' }).textContent()).toMatch(/never evaluate/);
    await page.close();
  });

  it('downloads the check-in reminder as a calendar file once a cadence is agreed', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await startAs(panel, 'Kickoff');
    await jumpTo(panel, /Ongoing feedback/);
    expect(await button(panel, 'Download check-in reminder').getAttribute('aria-disabled')).toBe('true');
    await panel.getByLabel('Check-in cadence', { exact: true }).selectOption({ label: 'Every two weeks' });
    await expect.poll(() => button(panel, 'Download check-in reminder').getAttribute('aria-disabled')).toBe('false');
    const [download] = await Promise.all([page.waitForEvent('download'), button(panel, 'Download check-in reminder').click()]);
    expect(download.suggestedFilename()).toBe('check-in-reminder.ics');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8\r\n');
    await page.close();
  });
});

describe('preparing the coachee', () => {
  it('keeps a preparation made on one call and links it to the conversation on another', async () => {
    const coaching = await openMeeting(ext, 'https://app.zoom.us/wc/987654321/join');
    await coaching.panel.getByRole('tab', { name: 'Prepare' }).click();
    await typeAndLeave(coaching.panel, 'Coachee (your label)', 'Sam');
    await coaching.panel.getByRole('checkbox', { name: /Coaching goals are clear/ }).check();
    await typeAndLeave(coaching.panel, 'Desired outcome', 'Manager backs the stretch goal');
    await typeAndLeave(coaching.panel, 'Preparation notes', 'Nervous about the 360');
    // The panel shows an edit at once; another meeting's panel reads what the background stored.
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await expect.poll(() => panel.getByLabel('Preparation', { exact: true }).textContent()).toContain('Sam');
    expect(await panel.getByLabel('Preparation', { exact: true }).inputValue()).not.toBe('');
    await coaching.page.close();
    await startAs(panel, 'Kickoff');
    const summary = panel.locator('.prep-summary');
    // Polled with its text, so a failure says what the panel showed instead of timing out blind.
    await expect.poll(() => summary.locator('summary').textContent(), { timeout: 5_000 }).toBe('Your preparation: Sam');
    await summary.locator('summary').click();
    await expect.poll(() => summary.textContent()).toContain('Manager backs the stretch goal');
    expect(await summary.textContent()).toContain('1 of 4 covered');
    await page.close();
  });
});

describe('keyboard shortcuts', () => {
  it('are registered with the browser, with their default keys', async () => {
    const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
    const commands: { name: string; shortcut: string }[] = await worker.evaluate(() => (globalThis as any).chrome.commands.getAll());
    // `_execute_action` is the browser's own command for the toolbar button, with no key by default.
    const keys = Object.fromEntries(commands.filter((c) => !c.name.startsWith('_execute')).map((c) => [c.name, c.shortcut]));
    // An empty shortcut would mean the browser refused the suggested key (taken, or invalid).
    expect(keys).toEqual({
      'next-step': 'Alt+Shift+Right Arrow',
      'previous-step': 'Alt+Shift+Left Arrow',
      'toggle-panel': 'Alt+Shift+K',
      'hide-notes': 'Alt+Shift+H',
    });
  });

  it('the meeting tab answers the background: which meeting it shows, and folding its dock', async () => {
    const { page, panel } = await openMeeting(ext, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_keys%40thread.v2/0');
    const frameElement = await panel.frameElement();
    const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
    // What the shortcut handler sends, sent by the real background to every tab.
    const answers = await worker.evaluate(async () => {
      const { tabs } = (globalThis as any).chrome;
      const all: { id: number }[] = await tabs.query({});
      return Promise.all(all.map((tab) => tabs.sendMessage(tab.id, { kind: 'which-meeting' }, { frameId: 0 }).catch(() => null)));
    });
    expect(answers).toContainEqual({ key: 'teams:19:meeting_keys@thread.v2', dockedHere: false });
    await worker.evaluate(async () => {
      const { tabs } = (globalThis as any).chrome;
      const all: { id: number }[] = await tabs.query({});
      await Promise.all(all.map((tab) => tabs.sendMessage(tab.id, { kind: 'toggle-panel' }, { frameId: 0 }).catch(() => null)));
    });
    await expect.poll(() => frameElement.isVisible()).toBe(false);
    await page.close();
  });
});

describe('settings', () => {
  it('list the shortcuts as the browser has them, and keep the chime off until the coach turns it on', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await panel.getByText('Settings and shortcuts').click();
    await expect.poll(() => panel.locator('.settings__keys').textContent()).toContain('Next stepAlt+Shift+Right Arrow');
    const chime = panel.getByRole('checkbox', { name: /Soft chime/ });
    expect(await chime.isChecked()).toBe(false);
    await chime.check();
    await page.reload();
    const reloaded = await panelFrame(page);
    await reloaded.getByText('Settings and shortcuts').click();
    await expect.poll(() => reloaded.getByRole('checkbox', { name: /Soft chime/ }).isChecked()).toBe(true);
    await reloaded.getByRole('checkbox', { name: /Soft chime/ }).uncheck();
    await expect.poll(() => reloaded.getByRole('checkbox', { name: /Soft chime/ }).isChecked()).toBe(false);
    await page.close();
  });
});
