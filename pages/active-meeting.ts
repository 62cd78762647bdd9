/**
 * For our own pages that act on the coach's current tab (the toolbar view, the side panel): which
 * tab that is, and what its content script says. No `tabs` permission: the tab's id is enough, and
 * only our content script on a meeting site answers, with the meeting it shows.
 */
import { browser } from 'wxt/browser';
import { parseTabStatus, type TabMessage, type TabStatus } from '../utils/session/protocol';

export interface ActiveTab {
  tabId: number;
  /** Null when no content script answered: not a meeting site (or access not granted). */
  status: TabStatus | null;
}

/** The active tab of the focused normal window, other than the asking page's own tab. */
export async function activeTab(): Promise<ActiveTab | null> {
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const windowId = await normalWindowId();
  const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId });
  if (tab?.id === undefined || tab.id === own?.id) return null;
  return { tabId: tab.id, status: await tellTab(tab.id, { kind: 'which-meeting' }) };
}

/** Sends a message to the tab's top-frame content script; its status after, or null. */
export async function tellTab(tabId: number, message: TabMessage): Promise<TabStatus | null> {
  const answer = await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null);
  return parseTabStatus(answer);
}

/** The side panel's own window; a page in a popup window (as tests open it) follows the last normal one. */
async function normalWindowId(): Promise<number | undefined> {
  const current = await browser.windows.getCurrent().catch(() => undefined);
  if (current?.type === 'normal') return current.id;
  const last = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => undefined);
  return last?.id;
}

/** Calls `changed` whenever the coach may be looking at another tab or another meeting. */
export function onActiveTabChange(changed: () => void): () => void {
  const onUpdated = (_id: number, info: { status?: string }) => {
    if (info.status === 'complete') changed();
  };
  browser.tabs.onActivated.addListener(changed);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.windows.onFocusChanged.addListener(changed);
  // In-app navigation (lobby to call) reports no tab event without the `tabs` permission: look again now and then.
  const timer = setInterval(changed, 3_000);
  return () => {
    browser.tabs.onActivated.removeListener(changed);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.windows.onFocusChanged.removeListener(changed);
    clearInterval(timer);
  };
}

export const CALL_PAGE = '/call.html';
export const PRACTICE_PAGE = '/practice.html';

/** Opens one of our pages in a new tab. */
export function openPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/practice.html') });
}
