// `npm start`: builds the extension, then opens a Chromium-family browser with it loaded on the
// built-in practice meeting, so a coach can rehearse without a call.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { extensionId, findChromium, launchWithExtension } from './chromium.mjs';

try {
  findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found (DISPLAY is not set). Run `npm start` from a desktop session.');
  process.exit(1);
}

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

// A profile of its own, kept between runs so rehearsals are still there next time.
const userDataDir = join(tmpdir(), 'alignment-companion-practice-profile');
const { context } = await launchWithExtension({ userDataDir, headless: false });
const id = await extensionId(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${id}/practice.html`);
console.log('Practice meeting open. Close the browser window to finish.');
context.on('close', () => process.exit(0));
