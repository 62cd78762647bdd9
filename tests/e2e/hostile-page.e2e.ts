/**
 * A meeting page that turns against the dock. Whatever it does with its DOM and CSS, the dock
 * comes back on top, looks as it did, and takes a real click at its place on the screen.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, button, launch, meetingKeyOf, newMeetUrl, panelFrame, panelFrames, start, stepTitle } from './harness';
import { openDecoder, regionDifference } from './pixels';

let ext: Extension;
let decoder: Page;
beforeAll(async () => {
  ext = await launch();
  decoder = await openDecoder(ext.context);
});
afterAll(async () => {
  await ext?.close();
});

type HostileAction =
  | 'addStyle'
  | 'cover'
  | 'tamper'
  | 'remove'
  | 'moveIntoHiddenBox'
  | 'replaceDocumentChildren'
  | 'replaceRoot'
  | 'rewriteDocument'
  | 'forgeMessages';

/** Runs one of the fixture page's hostile actions (tests/e2e/fixtures.ts) in the page's own world. */
function hostile(page: Page, action: HostileAction, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(([name, rest]) => (window as any).hostile[name as string](...(rest as unknown[])), [action, args] as const);
}

async function centre(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** What the page's own hit test finds at a point: our dock shows as its host, the shadow root being closed. */
function dockIsTopmostAt(page: Page, x: number, y: number): Promise<boolean> {
  return page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.localName.startsWith('alignment-companion-dock') ?? false, [x, y]);
}

const ATTACKS: [string, (page: Page) => Promise<unknown>][] = [
  ['hides its tag with an !important rule', (page) => hostile(page, 'addStyle', 'alignment-companion-dock { display: none !important }')],
  ['hides every child of the root', (page) => hostile(page, 'addStyle', 'html > * { visibility: hidden !important }')],
  ['makes every element transparent, the root included', (page) => hostile(page, 'addStyle', '* { opacity: 0 !important }')],
  [
    'moves it off screen from a cascade layer',
    (page) => hostile(page, 'addStyle', '@layer page { html > * { transform: translateX(200vw) !important; clip-path: inset(50%) !important } }'),
  ],
  ['covers it with a full-screen element at the highest z-index, added after it', (page) => hostile(page, 'cover')],
  ['closes its popover and sets hidden, inert and a hiding style on it', (page) => hostile(page, 'tamper')],
  ['removes it', (page) => hostile(page, 'remove')],
  ['moves it into a hidden box', (page) => hostile(page, 'moveIntoHiddenBox')],
  ['replaces the children of the root element', (page) => hostile(page, 'replaceDocumentChildren')],
  ['replaces the root element itself', (page) => hostile(page, 'replaceRoot')],
  ['rewrites the whole document with document.open()', (page) => hostile(page, 'rewriteDocument')],
];

describe('a hostile meeting page', () => {
  it.each(ATTACKS)('cannot hide or block the dock: the page %s', async (_, attack) => {
    const page = await ext.context.newPage();
    await page.goto(newMeetUrl());
    const panel = await panelFrame(page);
    const startButton = button(panel, 'Start conversation');
    await startButton.waitFor();
    const { x, y, box } = await centre(startButton);
    const before = await page.screenshot();

    await attack(page);
    // The dock is back on top at once (its keeper reacts to the mutation, a slower check backs it up).
    await expect.poll(() => dockIsTopmostAt(page, x, y)).toBe(true);
    // The coach sees the button as before; a dock put back reloads its panel, so allow it to load.
    await expect
      .poll(async () => regionDifference(decoder, before, await page.screenshot(), box), { timeout: 10_000 })
      .toBeLessThan(0.01);
    // A real click at that place on the screen reaches the panel.
    await page.mouse.click(x, y);
    await (await panelFrame(page)).getByRole('timer', { name: 'Time left in step' }).waitFor();
    expect(panelFrames(page)).toHaveLength(1);
    await page.close();
  });

  it('keeps the dock’s shadow root out of reach when the page claimed our tag name first', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${newMeetUrl()}?claim-dock-tag`);
    const panel = await panelFrame(page);
    const seen = await page.evaluate(() => {
      const claimed = (window as any).claimed as { element: Element; internals: ElementInternals }[];
      const docks = (window as any).hostile.dockElements() as Element[];
      return {
        docks: docks.length,
        dockIsClaimed: claimed.some(({ element }) => docks.includes(element)),
        shadowRootsReached: claimed.filter(({ internals }) => internals.shadowRoot !== null).length,
      };
    });
    expect(seen).toEqual({ docks: 1, dockIsClaimed: false, shadowRootsReached: 0 });
    const { x, y } = await centre(button(panel, 'Start conversation'));
    await page.mouse.click(x, y);
    await panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
    await page.close();
  });

  it('docks with the parsed page even when the page stops the events that say so', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${newMeetUrl()}?stop-dom-ready`);
    const panel = await panelFrame(page);
    // Our listener came first, added before any of the page's scripts ran: the dock was up when the
    // page's own first listener stopped DOMContentLoaded (and every readystatechange).
    expect(await page.evaluate(() => ({ stopped: (window as any).stoppedDomReady > 0, docks: (window as any).docksAtDomReady }))).toEqual({ stopped: true, docks: 1 });
    await start(panel);
    await page.close();
  });

  it('docks when the page reopens its document before it is parsed, erasing every listener', async () => {
    const page = await ext.context.newPage();
    // The parser waits on this script while the page's timer reopens the document.
    let answered = () => {};
    const slow = new Promise<void>((resolve) => (answered = resolve));
    await page.route('**/slow-parse.js', async (route) => {
      await slow;
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
    try {
      await page.goto(`${newMeetUrl()}?reopen-while-parsing`, { waitUntil: 'commit' });
      await page.getByRole('heading', { name: 'reopened' }).waitFor();
      await start(await panelFrame(page));
    } finally {
      answered();
      await page.close();
    }
  });

  it('changes nothing by posting or dispatching look-alikes of WXT’s and our own messages', async () => {
    const url = newMeetUrl();
    const key = meetingKeyOf(url);
    const page = await ext.context.newPage();
    await page.goto(url);
    const panel = await panelFrame(page);
    await start(panel);
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Set the context');
    await page.evaluate(() => {
      (window as any).dockBefore = (window as any).hostile.dockElements()[0];
    });

    // With WXT's content-script context alone, the forged "script started" event removed the dock for good.
    const sent = await hostile(page, 'forgeMessages', ext.id, 'meet', key, 'https://meet.google.com/zzz-zzzz-zzz');
    // window.frames does not list a frame inside a shadow root: the page cannot even address the panel.
    expect(sent).toBe(5 + 3);
    // A real command after the forged ones: the background answers in order, so a forged command
    // that got through would show as a second step forward.
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Why the manager backed coaching');

    expect(await page.evaluate(() => (window as any).hostile.dockElements()[0] === (window as any).dockBefore)).toBe(true);
    expect(panelFrames(page)).toEqual([panel]);
    expect(new URL(panel.url()).searchParams.get('key')).toBe(key);
    const { x, y } = await centre(button(panel, 'Next step'));
    expect(await dockIsTopmostAt(page, x, y)).toBe(true);
    await page.close();
  });
});
