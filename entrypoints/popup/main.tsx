/** The toolbar button's view: thin wiring of ToolbarMenu to the active tab and the browser. */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ToolbarMenu, type ToolbarActions } from '../../components/toolbar/ToolbarMenu';
import { CALL_PAGE, PRACTICE_PAGE, activeTab, openPage, tellTab } from '../../pages/active-meeting';
import { MEETING_ORIGINS } from '../../utils/meeting/meeting-hosts';
import type { TabStatus } from '../../utils/session/protocol';
import '../panel/style.css';

const status = signal<TabStatus | null | undefined>(undefined);
const hostsGranted = signal<boolean | null>(null);
let tabId: number | null = null;
let windowId: number | undefined;

async function look() {
  windowId = (await browser.windows.getCurrent().catch(() => undefined))?.id;
  const tab = await activeTab();
  tabId = tab?.tabId ?? null;
  status.value = tab?.status ?? null;
  hostsGranted.value = await browser.permissions.contains({ origins: MEETING_ORIGINS }).catch(() => null);
}

const act = (message: Parameters<typeof tellTab>[1]) => () => {
  if (tabId !== null) void tellTab(tabId, message).then((after) => (status.value = after));
};

// Both APIs need the click's user gesture: they are called straight from the handler.
const sidePanel = (browser as unknown as { sidePanel?: { open(options: { windowId: number }): Promise<void> } }).sidePanel;
const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
const openSidePanel = sidePanel
  ? () => {
      if (windowId !== undefined) void sidePanel.open({ windowId }).then(() => window.close());
    }
  : sidebar
    ? () => void sidebar.open().then(() => window.close())
    : null;

const actions: ToolbarActions = {
  showPanel: () => {
    act({ kind: 'show-panel' })();
    window.close();
  },
  dockHere: act({ kind: 'dock-here' }),
  undockHere: act({ kind: 'undock-here' }),
  openSidePanel,
  callOutside: () => openPage(CALL_PAGE),
  practice: () => openPage(PRACTICE_PAGE),
  conversations: () => void browser.runtime.openOptionsPage(),
  allowHosts: () => void browser.permissions.request({ origins: MEETING_ORIGINS }).then(look),
};

function Popup() {
  return <ToolbarMenu status={status.value} hostsGranted={hostsGranted.value} actions={actions} />;
}

render(<Popup />, document.getElementById('app')!);
void look();
