/**
 * The browser's own side panel (Chrome and Edge: sidePanel; Firefox: sidebar_action): the same
 * panel as the dock, for the meeting in the active tab, following the coach from tab to tab.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { App } from '../../components/panel/App';
import { NotOpenedByDock } from '../../components/panel/NotOpenedByDock';
import { NoMeetingHere } from '../../components/toolbar/NoMeetingHere';
import { requestTicket } from '../../dock/request-ticket';
import { CALL_PAGE, PRACTICE_PAGE, activeTab, onActiveTabChange, openPage, tellTab, type ActiveTab } from '../../pages/active-meeting';
import { createSessionClient, type SessionClient } from '../panel/session-client';
import '../panel/style.css';

type View = { kind: 'looking' } | { kind: 'meeting'; key: string; client: SessionClient } | { kind: 'none'; tab: ActiveTab | null };

const view = signal<View>({ kind: 'looking' });
let looking = false;

async function follow() {
  if (looking) return;
  looking = true;
  try {
    const tab = await activeTab();
    // Our own tab in front (the page opened as a tab): keep showing what it showed.
    if (tab === null && view.value.kind !== 'looking') return;
    const key = tab?.status?.key ?? null;
    const current = view.value;
    if (current.kind === 'meeting' && current.key === key) return;
    if (current.kind === 'meeting') current.client.close();
    if (!key) {
      view.value = { kind: 'none', tab };
      return;
    }
    const ticket = await requestTicket(key);
    view.value = ticket ? { kind: 'meeting', key, client: createSessionClient(key, ticket) } : { kind: 'none', tab };
  } finally {
    looking = false;
  }
}

function SidePanel() {
  const current = view.value;
  if (current.kind === 'looking') return <main class="panel" aria-label="Alignment Companion" aria-busy="true" />;
  if (current.kind === 'meeting') {
    return current.client.refused.value ? <NotOpenedByDock refused /> : <App key={current.key} client={current.client} />;
  }
  const { tab } = current;
  return (
    <main class="panel" aria-label="Alignment Companion">
      <div class="panel__body">
        <NoMeetingHere
          onMeetingSite={tab?.status !== null && tab?.status !== undefined}
          onDockHere={() => tab && void tellTab(tab.tabId, { kind: 'dock-here' }).then(follow)}
          onCallOutside={() => openPage(CALL_PAGE)}
          onPractice={() => openPage(PRACTICE_PAGE)}
        />
      </div>
    </main>
  );
}

render(<SidePanel />, document.getElementById('app')!);
void follow();
onActiveTabChange(() => void follow());
