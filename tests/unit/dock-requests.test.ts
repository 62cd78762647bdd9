import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDockRequests } from '../../entrypoints/background/dock-requests';
import type { TicketSender } from '../../entrypoints/background/dock-tickets';
import { SessionDb } from '../../entrypoints/background/session-db';

const OURS = 'our-extension-id';
const V2 = 'https://teams.microsoft.com/v2/?ctx=chat#/calls';
const contentScript = (url = V2, tab = 4): TicketSender => ({ id: OURS, url, tab: { id: tab }, frameId: 0 });

let db: SessionDb;
let answer: ReturnType<typeof createDockRequests>;
let n = 0;
beforeEach(() => {
  db = new SessionDb(`dock-requests-${++n}`);
  answer = createDockRequests({
    db,
    extensionId: OURS,
    settings: async () => ({ position: 'left', compact: true }),
    newId: () => `id-${n}`,
    now: () => 1,
  });
});
afterEach(async () => {
  await db.delete();
});

describe('what the dock asks the background', () => {
  it('Dock the panel here: one session per address, the same after a reload in any tab, gone once removed', async () => {
    expect(await answer({ kind: 'docked-here' }, contentScript())).toEqual({ key: null });
    const { key } = (await answer({ kind: 'dock-here' }, contentScript())) as { key: string };
    expect(key).toMatch(/^teams:here-/);
    // Another visit to the same page (its query and hash differ), in another tab.
    expect(await answer({ kind: 'docked-here' }, contentScript('https://teams.microsoft.com/v2/', 9))).toEqual({ key });
    expect(await answer({ kind: 'dock-here' }, contentScript())).toEqual({ key });
    await answer({ kind: 'undock-here' }, contentScript());
    expect(await answer({ kind: 'docked-here' }, contentScript())).toEqual({ key: null });
  });

  it('the panel position and width, for the dock to follow', async () => {
    expect(await answer({ kind: 'dock-settings' }, contentScript())).toEqual({ position: 'left', compact: true });
  });

  it.each([
    ['another extension', { ...contentScript(), id: 'someone-else' }],
    ['a subframe', { ...contentScript(), frameId: 3 }],
    ['a page off the meeting sites', contentScript('https://example.com/v2/')],
    ['one of our pages (no tab, not a meeting site)', { id: OURS, url: 'chrome-extension://our-extension-id/panel.html' }],
  ] as [string, TicketSender][])('%s is not answered and changes nothing', async (_, sender) => {
    expect(await answer({ kind: 'dock-here' }, sender)).toBeNull();
    expect(await db.dockedHere.count()).toBe(0);
  });
});
