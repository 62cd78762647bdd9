import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launch, newMeetUrl, panelFrame, panelFrames } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

async function dockBox(page: Page) {
  const frame = await panelFrame(page);
  return (await frame.frameElement()).boundingBox();
}

async function controlsBox(page: Page) {
  return page.locator('#call-controls').boundingBox();
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The page stays free of our panel: checked after its scripts ran and the content script had its turn. */
async function expectNoDock(page: Page) {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  expect(panelFrames(page)).toHaveLength(0);
  expect(await page.evaluate(() => document.querySelector('alignment-companion-dock'))).toBeNull();
}

describe('the dock on each platform', () => {
  it.each([
    ['Meet', 'https://meet.google.com/abc-defg-hij', 'meet:abc-defg-hij'],
    ['Zoom app', 'https://app.zoom.us/wc/123456789/join', 'zoom:123456789'],
    ['Zoom join link', 'https://zoom.us/wc/join/1234567890', 'zoom:1234567890'],
    ['Teams meetup-join', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ0ZjE3%40thread.v2/0?context=%7b%7d', 'teams:19:meeting_NjQ0ZjE3@thread.v2'],
    ['Teams v2 hash route', 'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_abc@thread.v2/0', 'teams:19:meeting_abc@thread.v2'],
    ['Teams personal', 'https://teams.live.com/meet/9381234567890?p=xyz', 'teams:9381234567890'],
    ['Teams cloud.microsoft', 'https://teams.cloud.microsoft/l/meetup-join/19%3ameeting_cloud%40thread.v2/0', 'teams:19:meeting_cloud@thread.v2'],
  ])('docks on %s for its own meeting', async (_, url, key) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    const panel = await panelFrame(page);
    expect(new URL(panel.url()).searchParams.get('key')).toBe(key);
    expect(await (await panel.frameElement()).getAttribute('title')).toBe('Alignment Companion');
    await page.close();
  });

  it.each([
    ['Meet home', 'https://meet.google.com/'],
    ['Meet landing', 'https://meet.google.com/landing'],
    ['Zoom home', 'https://app.zoom.us/wc/home'],
    ['Teams chat', 'https://teams.microsoft.com/v2/#/conversations/19:abc@thread.v2?ctx=chat'],
    ['Teams start page', 'https://teams.microsoft.com/v2/'],
  ])('stays off %s', async (_, url) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    await expectNoDock(page);
    await page.close();
  });

  it('docks in Zoom’s top page only, never inside its iframe#webclient', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://app.zoom.us/wc/123456789/join');
    const panel = await panelFrame(page);
    const webclient = page.frames().find((f) => f.url().includes('frame=webclient'))!;
    expect(webclient).toBeTruthy();
    expect(panel.parentFrame()).toBe(page.mainFrame());
    expect(await webclient.evaluate(() => document.querySelector('alignment-companion-dock'))).toBeNull();
    expect(panelFrames(page)).toHaveLength(1);
    await page.close();
  });

  it.each([
    ['Meet', 'https://meet.google.com/abc-defg-hij'],
    ['Zoom', 'https://app.zoom.us/wc/123456789/join'],
    ['Teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ0ZjE3%40thread.v2/0'],
  ])('sits at the right edge of %s, clear of the call controls', async (_, url) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    const dock = (await dockBox(page))!;
    const controls = (await controlsBox(page))!;
    const viewport = page.viewportSize()!;
    expect(viewport.width - (dock.x + dock.width)).toBeLessThanOrEqual(16);
    expect(dock.height).toBeGreaterThan(400);
    expect(overlaps(dock, controls)).toBe(false);
    await page.close();
  });
});

describe('the dock through the platform’s life', () => {
  it('collapses to a tab and expands again', async () => {
    const page = await ext.context.newPage();
    await page.goto(newMeetUrl());
    const panel = await panelFrame(page);
    const frameElement = await panel.frameElement();
    // The tab lives in a closed shadow root: reach it as a keyboard user does. The fixture has
    // nothing else to focus, so the first Tab lands on the dock's tab.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ALIGNMENT-COMPANION-DOCK');
    await page.keyboard.press('Enter');
    await expect.poll(() => frameElement.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => frameElement.isVisible()).toBe(true);
    await page.close();
  });

  it('stays docked from lobby to call, when the page removes it, and when the page re-renders its body', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://teams.microsoft.com/l/meetup-join/19%3ameeting_life%40thread.v2/0');
    const first = await panelFrame(page);
    await page.evaluate(() => (window as any).fixture.navigate('/v2/?meetingjoin=true#/l/meetup-join/19:meeting_life@thread.v2/0'));
    await expect.poll(() => page.url()).toContain('/v2/');
    expect(panelFrames(page)).toEqual([first]);

    await page.evaluate(() => (window as any).fixture.removeForeignElements());
    const again = await panelFrame(page);
    expect(new URL(again.url()).searchParams.get('key')).toBe('teams:19:meeting_life@thread.v2');

    await page.evaluate(() => (window as any).fixture.replaceBody());
    await expect.poll(() => page.locator('h1').textContent()).toBe('re-rendered');
    expect(panelFrames(page)).toHaveLength(1);
    await page.close();
  });

  it('leaves when the coach leaves the meeting, and returns on the next one', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    await panelFrame(page);
    // As on the real sites, the app routes in answer to the coach's click.
    await page.evaluate(() => document.querySelector('h1')!.addEventListener('click', () => (window as any).fixture.navigate('/landing'), { once: true }));
    await page.locator('h1').click();
    await expect.poll(() => panelFrames(page).length).toBe(0);
    await page.evaluate(() => document.querySelector('h1')!.addEventListener('click', () => (window as any).fixture.navigate('/xyz-wxyz-xyz'), { once: true }));
    await page.locator('h1').click();
    const panel = await panelFrame(page);
    expect(new URL(panel.url()).searchParams.get('key')).toBe('meet:xyz-wxyz-xyz');
    await page.close();
  });

  it('leaves within seconds when the app navigates on its own (the host ended the call)', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    await panelFrame(page);
    await page.evaluate(() => (window as any).fixture.navigate('/landing'));
    await expect.poll(() => panelFrames(page).length, { timeout: 5_000 }).toBe(0);
    await page.close();
  });

  it('docks on the practice page', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/practice.html`);
    const panel = await panelFrame(page);
    expect(new URL(panel.url()).searchParams.get('key')).toBe('practice:rehearsal');
    await page.close();
  });
});
