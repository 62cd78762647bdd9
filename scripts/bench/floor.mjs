/**
 * The floor for the panel's own main thread: the least any extension page can cost while a clock
 * on it visibly ticks, i.e. one text node changed once a second (each change is a frame: style,
 * layout, paint, commit). The panel is held to a multiple of it, measured side by side.
 *
 * Nothing of it ships. The built extension is copied to a temporary directory, `floor.html` and
 * `floor.js` (a file of its own: the extension's CSP allows no inline script) are written into the
 * copy, and its manifest lets the baseline host frame that page. The copy is loaded in a second
 * Chromium, next to the one the panel runs in, because all frames of one extension share one
 * renderer process, and CDP's thread time counts every task of that process's main thread: a
 * floor framed beside the panel in the same browser would be counted in the panel's figure and
 * the panel in the floor's. So each sits alone in its own extension process, in an iframe of the
 * same size on a stand-in page, as the docked panel does, over the same seconds.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, extensionId, launchWithExtension } from '../chromium.mjs';
import { BASELINE_ORIGIN, newMeetingPath, routeFixtures } from './fixture.mjs';

const FLOOR_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>
<body><p id="clock">30:00</p><script type="module" src="/floor.js"></script></body></html>
`;

/** A countdown as a plain clock would show it, woken just past each second, written into the text. */
const FLOOR_JS = `const text = document.getElementById('clock').firstChild;
const end = Date.now() + 30 * 60_000;
const tick = () => {
  const left = Math.ceil((end - Date.now()) / 1000);
  text.data = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
  setTimeout(tick, ((end - Date.now()) % 1000) + 4);
};
tick();
`;

/** The floor page itself. */
export const FLOOR_PAGE = { name: 'floor', html: FLOOR_HTML, js: FLOOR_JS, ready: '#clock' };

function floorCopy(page) {
  const dir = mkdtempSync(join(tmpdir(), `alignment-companion-${page.name}-`));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, `${page.name}.html`), page.html);
  writeFileSync(join(dir, `${page.name}.js`), page.js);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), { resources: [`${page.name}.html`], matches: [`${BASELINE_ORIGIN}/*`] }];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * The floor page (or another `page` of the same kind) running in its own browser, framed at
 * `size` ({ width, height }, the docked panel's frame) on the baseline stand-in page. Returns the
 * frame's CDP session, thread time on, and the browser's profile directory (its processes carry it).
 */
export async function openFloor(size, page = FLOOR_PAGE) {
  const { context, userDataDir } = await launchWithExtension({ extensionDir: floorCopy(page) });
  try {
    await routeFixtures(context);
    const id = await extensionId(context);
    const stand = await context.newPage();
    await stand.goto(BASELINE_ORIGIN + newMeetingPath());
    const url = `chrome-extension://${id}/${page.name}.html`;
    await stand.evaluate(
      ([src, { width, height }]) => {
        const frame = document.createElement('iframe');
        frame.title = 'Measured page';
        frame.style.cssText = `position: fixed; top: 8px; right: 8px; width: ${width}px; height: ${height}px; border: 0; background: #fff;`;
        frame.src = src;
        document.body.append(frame);
      },
      [url, size],
    );
    let frame;
    while (!(frame = stand.frames().find((f) => f.url() === url))) await stand.waitForTimeout(20);
    await frame.locator(page.ready).first().waitFor();
    const cdp = await context.newCDPSession(frame); // throws if the frame is not out of process
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    return { cdp, page: stand, frame, context, userDataDir, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}
