// Regenerates docs/screenshot.png: the panel docked on a Google Meet stand-in, mid-conversation.
// Run after `npm run build`: node scripts/readme-screenshot.mjs
import { resolve } from 'node:path';
import { launchWithExtension } from './chromium.mjs';

const MEET = `<!doctype html><html><head><title>Meet</title><style>
body{margin:0;background:#202124;color:#e8eaed;font:15px system-ui,sans-serif;height:100vh}
.grid{position:absolute;inset:16px 372px 96px 16px;display:grid;grid-template-columns:1fr 1fr;gap:10px}
.tile{background:#3c4043;border-radius:10px;display:flex;align-items:flex-end;padding:12px}
.bar{position:fixed;left:0;right:0;bottom:0;height:80px;display:flex;gap:14px;justify-content:center;align-items:center}
.bar span{width:44px;height:44px;border-radius:50%;background:#3c4043}.bar .end{width:60px;border-radius:22px;background:#ea4335}
</style></head><body><div class="grid"><div class="tile">Coach</div><div class="tile">Coachee</div>
<div class="tile">Manager</div></div><div class="bar"><span></span><span></span><span></span><span class="end"></span></div></body></html>`;

const { context } = await launchWithExtension({});
await context.route('https://meet.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: MEET }));
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 800 });
await page.goto('https://meet.google.com/abc-defg-hij');
const panel = await waitForPanel(page);
await panel.getByRole('button', { name: 'Start conversation' }).click();
for (let i = 0; i < 3; i++) await panel.getByRole('button', { name: 'Next step', exact: true }).click();
await panel.locator('#step-title').filter({ hasText: 'goals' }).waitFor();
await page.screenshot({ path: resolve(import.meta.dirname, '..', 'docs', 'screenshot.png') });
await context.close();

async function waitForPanel(page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The panel did not dock.');
}
