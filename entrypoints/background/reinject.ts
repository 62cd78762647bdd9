/**
 * Chrome and Edge never inject content scripts into tabs that were already open when the
 * extension is installed or updated: without this, a coach who receives an update mid-call
 * loses the dock until they reload the meeting page. Firefox injects them itself.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

export function dockIntoOpenMeetings() {
  // Injecting again on Firefox would run two copies of the script in each open meeting.
  if (import.meta.env.FIREFOX) return;
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  });
}

async function injectIntoOpenTabs() {
  for (const script of browser.runtime.getManifest().content_scripts ?? []) {
    if (!script.js?.length || !script.matches?.length) continue;
    // Discarded tabs load the manifest's scripts when the coach returns to them.
    const tabs = await browser.tabs.query({ url: script.matches, discarded: false });
    await Promise.all(
      tabs.map(async ({ id }) => {
        if (id === undefined) return;
        try {
          await browser.scripting.executeScript({ target: { tabId: id }, files: script.js as ScriptPublicPath[] });
        } catch {
          // The tab closed, navigated off the meeting host, or shows an error page: nothing to dock into.
        }
      }),
    );
  }
}
