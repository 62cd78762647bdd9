/**
 * Access to the meeting sites. Firefox's Manifest V3 makes it the coach's to give and to take back
 * (about:addons → Permissions, or the Extensions menu); without it no meeting docks the panel, and
 * the practice page says so and offers to ask again.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { MEETING_ORIGINS } from '../../utils/meeting/meeting-hosts';
import { click, hasDock, openMeeting, panelFrame, until, useBrowser } from './browsers';
import { newMeetUrl } from './fixtures';

interface Permissions {
  getAll(): Promise<{ origins: string[] }>;
  contains(wanted: { origins: string[] }): Promise<boolean>;
  remove(unwanted: { origins: string[] }): Promise<boolean>;
}
type WithBrowser = typeof globalThis & { browser: { permissions: Permissions } };

describe('access to the meeting sites (Firefox only: Chrome grants host_permissions at install, and no extension page can revoke them)', () => {
  const driver = useBrowser('firefox', {
    // The test cannot click Firefox's own "Allow" prompt (browser chrome, out of WebDriver's
    // reach); with this pref Firefox grants what the extension asks from a click as if the coach
    // had allowed it. The click itself is still required: Firefox refuses a request without one.
    firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });

  const hasAccess = (page: Page) =>
    page.evaluate((origins) => (globalThis as WithBrowser).browser.permissions.contains({ origins }), MEETING_ORIGINS);
  const noticeShown = (page: Page) => page.$eval('#host-access', (el) => !(el as HTMLElement).hidden);

  it('is granted on install, all five meeting sites, with nothing for the coach to do', async () => {
    const { panel } = await openMeeting(driver(), newMeetUrl());
    const practice = await driver().openExtensionPage(panel, '/practice.html');
    const granted = await practice.evaluate(() => (globalThis as WithBrowser).browser.permissions.getAll());
    expect(granted.origins.toSorted()).toEqual(MEETING_ORIGINS.toSorted());
    expect(await hasAccess(practice)).toBe(true);
  });

  it('taken back: no meeting docks, the practice page says what to do, and Allow on meeting sites gives it back', async () => {
    const { panel } = await openMeeting(driver(), newMeetUrl());
    const practice = await driver().openExtensionPage(panel, '/practice.html');
    // What about:addons → Permissions does when the coach turns the sites off, done from an
    // extension page: Firefox has no WebDriver command for it.
    await practice.evaluate((origins) => (globalThis as WithBrowser).browser.permissions.remove({ origins }), MEETING_ORIGINS);
    await until('the practice page to show the notice', async () => ((await noticeShown(practice)) ? true : null));
    expect(await practice.$eval('#host-access', (el) => el.textContent)).toContain('the panel cannot appear in your meetings');

    const meeting = await driver().openTab(newMeetUrl());
    expect(await hasDock(meeting)).toBe(false);

    await click(practice.mainFrame(), 'Allow on meeting sites');
    await until('the notice to go', async () => ((await noticeShown(practice)) ? null : true));
    expect(await hasAccess(practice)).toBe(true);
    expect(await practice.$eval('#host-access-outcome', (el) => el.textContent)).toContain('Reload a meeting tab that is already open');
    // As the page says: a meeting opened meanwhile docks once reloaded.
    await meeting.reload();
    await panelFrame(meeting);
  });
});
