/**
 * Teams on the web can show a call at `/v2/`, an address without the meeting in it. The dock
 * stays with the call there: on the meeting the tab was last on, or, for a tab that was never on a
 * meeting address, on a session of its own while the page shows its hang-up control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, button, launch, openMeeting, panelFrame, panelFrames, start, stepTitle } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_v2move%40thread.v2/0';

describe('a Teams call at an address without the meeting', () => {
  it('keeps the dock on the meeting the tab was last on, and leaves with the call', async () => {
    const { page, panel } = await openMeeting(ext, MEETING);
    await start(panel);
    await button(panel, 'Next step').click();
    await page.evaluate(() => (window as any).fixture.joinCallAt('/v2/'));
    // The app routed on its own: the dock's regular look notices, within its 2 s check.
    await page.mouse.click(300, 400); // a click on the meeting page, as when the coach joins or leaves
    const after = await panelFrame(page);
    await expect.poll(() => stepTitle(after)).toBe('Set the context');
    expect(panelFrames(page)).toHaveLength(1);

    await page.evaluate(() => (window as any).fixture.leaveCall());
    await page.mouse.click(300, 400); // a click on the meeting page, as when the coach joins or leaves
    await expect.poll(() => panelFrames(page).length, { timeout: 5_000 }).toBe(0);
    await page.close();
  });

  it('docks on a call shown at /v2/ from the start, with a session of its own kept across a reload', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://teams.microsoft.com/v2/?in-call');
    const panel = await panelFrame(page);
    await start(panel);
    await button(panel, 'Next step').click();
    await page.reload();
    await expect.poll(async () => stepTitle(await panelFrame(page))).toBe('Set the context');
    await page.close();
  });

  it('does not dock at /v2/ without a call', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://teams.microsoft.com/v2/');
    await page.mouse.click(300, 400); // a click on the meeting page, as when the coach joins or leaves
    // The check after a click runs at once and again 400 ms later; the page has had both.
    await expect.poll(() => page.evaluate(() => (window as any).hostile.dockElements().length), { timeout: 2_000 }).toBe(0);
    expect(panelFrames(page)).toHaveLength(0);
    await page.close();
  });
});
