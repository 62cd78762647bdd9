import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_HOST } from './fixtures';
import { type Extension, button, launch, newMeetUrl, openMeeting, start, stepTitle } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

describe('the meeting page cannot reach the panel', () => {
  it('finds no way into the dock: closed shadow root, cross-origin frame', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('alignment-companion-dock') as HTMLElement | null;
      return {
        hostFound: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        framesInLightDom: document.querySelectorAll('iframe[title="Alignment Companion"]').length,
        // A frame inside a shadow root is not one of the page's frames: it has no handle on our window.
        framesListed: window.frames.length,
        pageText: document.body.innerText,
      };
    });
    expect(seen.hostFound).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.framesInLightDom).toBe(0);
    expect(seen.framesListed).toBe(0);
    expect(seen.pageText).not.toContain('Welcome and introductions');
    await page.close();
  });

  it('never sees a key typed in the panel', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    const select = panel.getByLabel('Meeting length');
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('secret');
    await button(panel, 'Start conversation').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepTitle(panel)).toBe('Welcome and introductions');
    await button(panel, 'Next step').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    expect(await page.evaluate(() => (window as unknown as { __pageSawKeys: string[] }).__pageSawKeys)).toEqual([]);
    // The logger works: a key typed on the page itself is seen.
    await page.locator('h1').click();
    await page.keyboard.press('x');
    expect(await page.evaluate(() => (window as unknown as { __pageSawKeys: string[] }).__pageSawKeys)).toContain('keydown:x');
    await page.close();
  });
});

describe('nothing leaves the browser', () => {
  it('makes no request beyond its own files through a whole conversation', async () => {
    const before = ext.requests.length;
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    for (let i = 0; i < 6; i++) await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Wrap up and next steps');
    await button(panel, 'Copy next steps').click();
    await panel.getByRole('status').filter({ hasText: /copied|blocked/ }).waitFor();
    await page.reload();
    await page.waitForLoadState('load');
    const made = ext.requests.slice(before).map((request) => ({
      url: request.url(),
      type: request.resourceType(),
      navigation: request.isNavigationRequest(),
    }));
    // The meeting page itself (and Zoom's frame) are the test's navigations; all else is the extension's own files.
    const foreign = made.filter((r) => !r.url.startsWith(`chrome-extension://${ext.id}/`) && !(FIXTURE_HOST.test(r.url) && r.navigation));
    expect(foreign).toEqual([]);
    expect(made.some((r) => r.url.startsWith(`chrome-extension://${ext.id}/`))).toBe(true);
    await page.close();
  });
});
