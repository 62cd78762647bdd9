/**
 * Chrome and Edge never inject content scripts into tabs that were already open when the
 * extension is installed or updated: without this, a coach who receives an update mid-call
 * loses the dock until they reload the meeting page. Firefox injects them itself.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { TabMessage } from '../../utils/session/protocol';

export interface OpenTab {
  id?: number;
  status?: string;
}

export interface ReinjectDeps {
  /** Open, not discarded tabs on these match patterns (discarded ones load the manifest's scripts when the coach returns). */
  openTabs(matches: string[]): Promise<OpenTab[]>;
  /** Whether a live copy of our script in the tab's top frame answers. An orphaned one cannot. */
  answers(tabId: number): Promise<boolean>;
  /** Resolves once the tab has finished loading, closed, or kept loading too long to wait for. */
  loaded(tabId: number): Promise<void>;
  inject(tabId: number, files: string[]): Promise<void>;
}

/**
 * Injects each content script into the open tabs it matches that have no live copy of it. A tab
 * loading while the extension installs may get the manifest's copy as well: that one answers once
 * the tab has loaded, and a second copy would only tear down its dock to put up the same again.
 * Every tab is handled on its own: one that never finishes loading holds up no other.
 */
export async function dockIntoOpenTabs(scripts: { js?: string[]; matches?: string[] }[], deps: ReinjectDeps): Promise<void> {
  await Promise.all(
    scripts.map(async ({ js: files, matches }) => {
      if (!files?.length || !matches?.length) return;
      const tabs = await deps.openTabs(matches);
      await Promise.all(
        tabs.map(async ({ id, status }) => {
          if (id === undefined) return;
          try {
            if (status === 'loading') {
              await deps.loaded(id);
              // It may have gone somewhere else on the host while it loaded.
              if (!(await deps.openTabs(matches)).some((tab) => tab.id === id)) return;
            }
            if (await deps.answers(id)) return;
            await deps.inject(id, files);
          } catch {
            // The tab closed, navigated off the meeting host, or shows an error page: nothing to dock into.
          }
        }),
      );
    }),
  );
}

/** Long enough for a meeting page to load on a busy laptop; a tab still loading then is docked as it is. */
const LOAD_WAIT_MS = 15_000;

const WHICH_MEETING: TabMessage = { kind: 'which-meeting' };

function whenLoaded(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      resolve();
    };
    const timer = setTimeout(done, LOAD_WAIT_MS);
    const onUpdated = (id: number, change: { status?: string }) => {
      // 'complete', or 'unloaded' for a tab discarded meanwhile.
      if (id === tabId && change.status !== undefined && change.status !== 'loading') done();
    };
    const onRemoved = (id: number) => {
      if (id === tabId) done();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    // It may have finished between the query and now.
    void browser.tabs.get(tabId).then((tab) => tab.status !== 'loading' && done(), done);
  });
}

export function dockIntoOpenMeetings() {
  // Injecting again on Firefox would run two copies of the script in each open meeting.
  if (import.meta.env.FIREFOX) return;
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void dockIntoOpenTabs(browser.runtime.getManifest().content_scripts ?? [], {
      openTabs: (matches) => browser.tabs.query({ url: matches, discarded: false }),
      answers: (tabId) =>
        browser.tabs.sendMessage(tabId, WHICH_MEETING, { frameId: 0 }).then(
          () => true,
          () => false,
        ),
      loaded: whenLoaded,
      inject: async (tabId, files) => {
        await browser.scripting.executeScript({ target: { tabId }, files: files as ScriptPublicPath[] });
      },
    });
  });
}
