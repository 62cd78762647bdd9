/**
 * The extension updated mid-call. Chrome loads the new version without touching open tabs: the old
 * content script is orphaned, and Chrome never injects the new one into a page already open. The
 * background does (entrypoints/background/reinject.ts); the session carries on from storage.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with npm start and the benchmark.
import { EXTENSION_DIR } from '../../scripts/chromium.mjs';
import { type Extension, button, launch, newMeetUrl, openMeeting, panelFrame, panelFrames, start, stepTitle } from './harness';

// The extension is loaded from a copy, so the test can publish a new version of it.
const extensionDir = mkdtempSync(join(tmpdir(), 'alignment-companion-build-'));
let ext: Extension;
beforeAll(async () => {
  cpSync(EXTENSION_DIR as string, extensionDir, { recursive: true });
  ext = await launch({ extensionDir });
});
afterAll(async () => {
  await ext?.close();
});

/**
 * Installs the build in extensionDir over the running one, as an update from the store does:
 * same id, the old version's scripts orphaned. (chrome.runtime.reload() leaves an extension
 * loaded from the command line disabled in this Chromium, so the test loads it through CDP.)
 */
async function publishUpdate(version: string) {
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const { id } = await cdp.send('Extensions.loadUnpacked' as any, { path: extensionDir } as any) as unknown as { id: string };
  await cdp.detach();
  expect(id).toBe(ext.id);
}

/** Remembers the page's current dock element, to see it go once its script is orphaned. */
async function markDock(page: Page) {
  await page.evaluate(() => {
    (window as any).oldDock = (window as any).hostile.dockElements()[0];
  });
}

async function oldDockGone(page: Page) {
  await expect.poll(() => page.evaluate(() => (window as any).oldDock.isConnected), { timeout: 10_000 }).toBe(false);
}

function dockCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as any).hostile.dockElements().length);
}

async function runningVersion(): Promise<string> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.id}/panel.html`);
    return await page.evaluate(() => (globalThis as any).chrome.runtime.getManifest().version);
  } finally {
    await page.close();
  }
}

describe('an extension update mid-session', () => {
  it('docks again in the open meeting, alone, and the conversation carries on where it was', async () => {
    const meeting = await openMeeting(ext, newMeetUrl());
    await start(meeting.panel);
    await button(meeting.panel, 'Next step').click();
    await expect.poll(() => stepTitle(meeting.panel)).toBe('Set the context');
    const zoom = await openMeeting(ext, 'https://app.zoom.us/wc/246813579/join');
    const home = await ext.context.newPage();
    await home.goto('https://meet.google.com/landing');
    await markDock(meeting.page);
    await markDock(zoom.page);

    await publishUpdate('0.1.1');

    // The orphaned script took its dock away; the injected one docked a new one.
    await oldDockGone(meeting.page);
    const panel = await panelFrame(meeting.page);
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    expect(await dockCount(meeting.page)).toBe(1);
    expect(panelFrames(meeting.page)).toEqual([panel]);
    expect(await runningVersion()).toBe('0.1.1');

    // The new panel drives the same session.
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Why the manager backed coaching');

    // Zoom: the top page only, never its call iframe. A page that is not a meeting: no dock.
    await oldDockGone(zoom.page);
    const zoomPanel = await panelFrame(zoom.page);
    await button(zoomPanel, 'Start conversation').waitFor();
    expect(await dockCount(zoom.page)).toBe(1);
    expect(panelFrames(zoom.page)).toHaveLength(1);
    expect(await dockCount(home)).toBe(0);

    // The old version's dock stays gone: nothing fights over the page.
    await expect.poll(() => panelFrames(meeting.page).length).toBe(1);
    for (const page of [meeting.page, zoom.page, home]) await page.close();
  });

  it('survives a second update in a row, with a page reload in between', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await start(panel);
    await markDock(page);
    await publishUpdate('0.1.2');
    await oldDockGone(page);
    const afterFirst = await panelFrame(page);
    await expect.poll(() => afterFirst.getByRole('timer', { name: 'Time left in step' }).count()).toBe(1);
    await page.reload();
    const reloaded = await panelFrame(page);
    await button(reloaded, 'Next step').click();
    await expect.poll(() => stepTitle(reloaded)).toBe('Set the context');
    await markDock(page);
    await publishUpdate('0.1.3');
    await oldDockGone(page);
    expect(await runningVersion()).toBe('0.1.3');
    const afterSecond = await panelFrame(page);
    await expect.poll(() => stepTitle(afterSecond)).toBe('Set the context');
    expect(await dockCount(page)).toBe(1);
    await page.close();
  });
});
