import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Extension,
  button,
  clock,
  killServiceWorker,
  launch,
  newMeetUrl,
  openMeeting,
  panelFrame,
  start,
  stepTitle,
} from './harness';

describe('one meeting, one session', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launch();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('keeps two tabs on the same meeting in step', async () => {
    const url = newMeetUrl();
    const a = await openMeeting(ext, url);
    const b = await openMeeting(ext, url);
    await start(a.panel);
    await b.panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
    await button(a.panel, 'Next step').click();
    await expect.poll(() => stepTitle(b.panel)).toBe('Set the context');
    await button(b.panel, 'Next step').click();
    await expect.poll(() => stepTitle(a.panel)).toBe('Why the manager backed coaching');
    await button(b.panel, 'Pause timer').click();
    await button(a.panel, 'Resume timer').waitFor();
    await a.page.close();
    await b.page.close();
  });

  it('gives another meeting its own session, and resumes a meeting when it is rejoined', async () => {
    const first = newMeetUrl();
    const a = await openMeeting(ext, first);
    await start(a.panel);
    await button(a.panel, 'Next step').click();
    await expect.poll(() => stepTitle(a.panel)).toBe('Set the context');
    await a.page.close();

    const other = await openMeeting(ext, 'https://app.zoom.us/wc/555666777/join');
    await button(other.panel, 'Start conversation').waitFor();
    await other.page.close();

    const rejoined = await openMeeting(ext, `${first}?authuser=0`);
    await expect.poll(() => stepTitle(rejoined.panel)).toBe('Set the context');
    await rejoined.page.close();
  });

  it('loses nothing when the service worker is stopped mid-session', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');

    await killServiceWorker(page);
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Why the manager backed coaching');
    await killServiceWorker(page);
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Coachee’s goals and 360 themes');

    // Let the meeting clock visibly run, so a clock restarted from zero would show.
    await expect.poll(() => clock(panel, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThanOrEqual(30 * 60 - 2);
    await killServiceWorker(page);
    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => stepTitle(reloaded)).toBe('Coachee’s goals and 360 themes');
    expect(await clock(reloaded, 'Time left in meeting')).toBeLessThanOrEqual(30 * 60 - 2);
    await page.close();
  });
});

describe('a browser restart', () => {
  it('reopens the meeting exactly where it was, clock included', async () => {
    const url = newMeetUrl();
    const first = await launch();
    const { panel } = await openMeeting(first, url);
    await start(panel, 60);
    await button(panel, 'Next step').click();
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Why the manager backed coaching');
    // Let the clock visibly run, so a clock restarted from zero would show.
    await expect.poll(() => clock(panel, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThanOrEqual(60 * 60 - 2);
    const meetingBefore = await clock(panel, 'Time left in meeting');
    await first.close();

    const second = await launch({ userDataDir: first.userDataDir });
    try {
      const reopened = await openMeeting(second, url);
      await expect.poll(() => stepTitle(reopened.panel)).toBe('Why the manager backed coaching');
      const meetingAfter = await clock(reopened.panel, 'Time left in meeting');
      expect(meetingAfter).toBeLessThanOrEqual(meetingBefore);
      expect(meetingAfter).toBeGreaterThan(60 * 60 - 120);
      // Real time passes on from the stored start.
      await expect.poll(() => clock(reopened.panel, 'Time left in meeting'), { timeout: 5_000 }).toBeLessThan(meetingBefore);
      expect(await reopened.panel.locator('[aria-current="step"]').textContent()).toContain('Why the manager');
    } finally {
      await second.close();
    }
  });
});
