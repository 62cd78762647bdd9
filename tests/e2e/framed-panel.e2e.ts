/**
 * A meeting page can frame panel.html itself (the dock needs it web-accessible), to show it under
 * a decoy and lure the coach into clicks. Only a panel our dock opened shows or drives a session.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_POST } from '../../utils/session/protocol';
import type { Session } from '../../utils/session/session';
import {
  type Extension,
  button,
  dockTicketForTab,
  killServiceWorker,
  launch,
  meetingKeyOf,
  newMeetUrl,
  panelFrame,
  start,
  stepTitle,
  storedSession,
} from './harness';

let ext: Extension;
let reader: Page;
beforeAll(async () => {
  ext = await launch();
  reader = await ext.context.newPage();
  await reader.goto(`chrome-extension://${ext.id}/practice.html?rehearsal=reader`);
});
afterAll(async () => {
  await ext?.close();
});

const INERT = 'Open the panel from the meeting page';
/** Said once the background checked the ticket the panel was handed, and refused it. */
const REFUSED = 'This panel was not opened by Alignment Companion.';


/** The meeting page frames `panel.html?key=<its own meeting>` and returns that frame. */
async function frameOurPanel(page: Page, key: string): Promise<Frame> {
  const src = `chrome-extension://${ext.id}/panel.html?key=${encodeURIComponent(key)}`;
  await page.evaluate((url) => (window as any).hostile.framePanel(url), src);
  const handle = await page.$('#page-framed');
  const frame = await handle!.contentFrame();
  await frame!.getByText(INERT).waitFor();
  return frame!;
}

/** What the page's own panel offers: text only, and nothing to click or type into. */
async function expectInert(frame: Frame) {
  // A panel that got no ticket says so once it has waited for one (TICKET_WAIT_MS).
  await frame.getByText(INERT).waitFor({ timeout: 5_000 });
  expect(await frame.locator('button, input, select, textarea, a[href]').count()).toBe(0);
  expect(await frame.getByRole('timer').count()).toBe(0);
  expect(await frame.locator('body').innerText()).not.toMatch(/Welcome|Set the context|Start conversation/);
}

/** A real click on the page's panel, where a decoy would put it, at a few places. */
async function clickAround(page: Page) {
  for (const [x, y] of [[170, 100], [170, 300], [170, 560]] as const) await page.mouse.click(8 + x, 8 + y);
}

function shape(session: Session | null) {
  return session && { current: session.current, revision: session.revision, paused: session.runningSince === null };
}

describe('a panel the meeting page framed itself', () => {
  it('shows nothing and changes nothing, while our dock on the same page works; also after a worker stop and a reload', async () => {
    const url = newMeetUrl();
    const key = meetingKeyOf(url);
    const page = await ext.context.newPage();
    await page.goto(`${url}?frames-extensions`);
    const dock = await panelFrame(page);
    const framed = await frameOurPanel(page, key);
    await expectInert(framed);

    await start(dock);
    await button(dock, 'Next step').click();
    await expect.poll(() => stepTitle(dock)).toBe('Set the context');
    const stored = shape(await storedSession(reader, key));
    await clickAround(page);
    await expectInert(framed);
    expect(shape(await storedSession(reader, key))).toEqual(stored);

    // The worker stops, as Chrome stops it after 30 s idle: the page's panel is still inert, ours drives on.
    await killServiceWorker(page);
    await expectInert(framed);
    await button(dock, 'Next step').click();
    await expect.poll(() => stepTitle(dock)).toBe('Why the manager backed coaching');
    await clickAround(page);
    await expectInert(framed);

    await page.reload();
    const dockAfter = await panelFrame(page);
    await expect.poll(() => stepTitle(dockAfter)).toBe('Why the manager backed coaching');
    const framedAfter = await frameOurPanel(page, key);
    await expectInert(framedAfter);
    await clickAround(page);
    await button(dockAfter, 'Previous step').click();
    await expect.poll(() => stepTitle(dockAfter)).toBe('Set the context');
    expect(shape(await storedSession(reader, key))).toMatchObject({ current: 1 });
    await page.close();
  });

  it('stays inert when the page posts it a real ticket leaked from another tab, or a forged one', async () => {
    const url = newMeetUrl();
    const key = meetingKeyOf(url);
    // A genuine ticket, but for another tab (as if it had leaked).
    const elsewhere = await ext.context.newPage();
    const leaked = await dockTicketForTab(ext, elsewhere, key, 'about:blank');
    const page = await ext.context.newPage();
    await page.goto(`${url}?frames-extensions`);
    const dock = await panelFrame(page);
    await start(dock);
    const stored = shape(await storedSession(reader, key));
    for (const ticket of [leaked, 'A'.repeat(43)]) {
      const framed = await frameOurPanel(page, key);
      await page.evaluate(([kind, k, t]) => (window as any).hostile.forgeTicket(kind, k, t), [TICKET_POST, key, ticket] as const);
      // The panel takes the post, asks the background, and is told it is not ours: still nothing to show.
      await framed.getByText(REFUSED).waitFor({ timeout: 5_000 });
      await expectInert(framed);
      await clickAround(page);
    }
    expect(shape(await storedSession(reader, key))).toEqual(stored);
    expect(await stepTitle(dock)).toBe('Welcome and introductions');
    await page.close();
    await elsewhere.close();
  });

  it('is inert when opened as a page of its own, with any meeting key', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/panel.html?key=${encodeURIComponent(meetingKeyOf(newMeetUrl()))}`);
    await expectInert(page.mainFrame());
    await page.close();
  });
});
