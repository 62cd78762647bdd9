import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, button, clock, jumpTo, launch, newMeetUrl, openMeeting, panelFrame, seconds, shownClock, start, stepTitle } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

describe('running the conversation', () => {
  it('starts with the chosen length and shows step, lead, points, timers and guardrails', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await expect.poll(() => panel.getByLabel('Meeting length').inputValue()).toBe('30');
    await start(panel, 45);
    expect(await stepTitle(panel)).toBe('Welcome and introductions');
    expect(await panel.getByRole('heading', { name: 'Welcome and introductions' }).count()).toBe(1);
    expect(await panel.getByText('Coach leads', { exact: true }).count()).toBe(1);
    expect(await panel.locator('.step__points li').count()).toBeGreaterThanOrEqual(2);
    const meeting = await clock(panel, 'Time left in meeting');
    expect(meeting).toBeLessThanOrEqual(45 * 60);
    expect(meeting).toBeGreaterThan(45 * 60 - 10);
    const step = await clock(panel, 'Time left in step');
    expect(step).toBeLessThanOrEqual(3 * 60);
    expect(step).toBeGreaterThan(3 * 60 - 10);
    const guardrails = panel.getByRole('region', { name: 'Guardrails' });
    expect(await guardrails.textContent()).toMatch(/Confidential/);
    expect(await panel.getByRole('main', { name: 'Alignment Companion' }).count()).toBe(1);
    await page.close();
  });

  it('moves with Next, Previous and the agenda, marking the current step', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    const current = panel.locator('[aria-current="step"]');
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    expect(await current.textContent()).toContain('Set the context');
    await button(panel, 'Previous step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Welcome and introductions');
    expect(await button(panel, 'Previous step').getAttribute('aria-disabled')).toBe('true');

    await jumpTo(panel, /Wrap up and next steps/);
    await expect.poll(() => stepTitle(panel)).toBe('Wrap up and next steps');
    expect(await current.textContent()).toContain('Wrap up');
    expect(await panel.locator('[aria-current="step"]').count()).toBe(1);
    expect(await button(panel, 'Next step').getAttribute('aria-disabled')).toBe('true');
    // A keyboard user can still reach and press it; it does nothing and keeps their focus.
    await button(panel, 'Next step').focus();
    await page.keyboard.press('Enter');
    expect(await stepTitle(panel)).toBe('Wrap up and next steps');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Next step');
    await page.close();
  });

  it('announces the new step to screen readers', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    await button(panel, 'Next step').click();
    await expect.poll(() => panel.locator('[aria-live="polite"]').textContent()).toBe('Step 2 of 7: Set the context. Coach leads.');
    await page.close();
  });

  it('pause freezes the step clock and resume continues it', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    await button(panel, 'Pause timer').click();
    await button(panel, 'Resume timer').waitFor();
    const frozen = await shownClock(panel, 'Time left in step');
    const meetingBefore = await clock(panel, 'Time left in meeting');
    // Time has to pass to show that it is not counted: wait for the meeting clock to tick twice.
    await expect.poll(() => clock(panel, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThanOrEqual(meetingBefore - 2);
    expect(await shownClock(panel, 'Time left in step')).toBe(frozen);
    await button(panel, 'Resume timer').click();
    await expect.poll(() => clock(panel, 'Time left in step'), { timeout: 5_000 }).toBeLessThan(seconds(frozen));
    await page.close();
  });

  it('runs the clock from stored time: a reload shows the time already spent', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    await expect.poll(() => clock(panel, 'Time left in step'), { timeout: 5_000 }).toBeLessThanOrEqual(2 * 60 - 2);
    await page.reload();
    const reloaded = await panelFrame(page);
    await reloaded.getByRole('timer', { name: 'Time left in step' }).waitFor();
    expect(await clock(reloaded, 'Time left in step')).toBeLessThanOrEqual(2 * 60 - 2);
    await page.close();
  });
});

describe('copying the next steps', () => {
  it('puts the message on the clipboard', async () => {
    const url = newMeetUrl();
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const { page, panel } = await openMeeting(ext, url);
    await start(panel);
    await jumpTo(panel, /Wrap up and next steps/);
    await expect.poll(() => stepTitle(panel)).toBe('Wrap up and next steps');
    await button(panel, 'Copy next steps').click();
    await panel.getByRole('status').filter({ hasText: 'Next steps copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Thank you both/);
    expect(copied).toContain('Check-ins on the coaching goals');
    expect(copied).toContain('second alignment conversation');
    await page.close();
  });

  it('shows the text selected, with a clear message, when the browser refuses the clipboard', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    // The refusal a browser gives when the page lacks focus or permission.
    await panel.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await button(panel, 'Copy next steps').click();
    await panel.getByRole('status').filter({ hasText: 'The browser blocked copying' }).waitFor();
    const box = panel.getByRole('textbox', { name: 'Next steps' });
    expect(await box.inputValue()).toMatch(/^Thank you both/);
    const text = await box.inputValue();
    const selection = () =>
      panel.evaluate(() => {
        const el = document.activeElement as HTMLTextAreaElement;
        return el.tagName === 'TEXTAREA' ? el.value.slice(el.selectionStart, el.selectionEnd) : '';
      });
    await expect.poll(selection).toBe(text);
    await page.close();
  });
});
