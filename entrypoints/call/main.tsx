import { signal } from '@preact/signals';
import { render } from 'preact';
import { CallPage } from '../../components/call/CallPage';
import { requestTicket } from '../../dock/request-ticket';
import { callIdFrom, callKey, callPath, newCallId, recentCalls, type RecentCall } from '../../utils/meeting/desk-call';
import { createSessionClient, type SessionClient } from '../panel/session-client';
import { readDeskSessions } from './recent-calls';
import '../panel/style.css';
import '../../components/call/pop-out.css';
import './call.css';

// The id goes into the address at once, so a reload or a bookmark comes back to this call.
const id = callIdFrom(location.search) ?? newCallId(Date.now(), crypto.getRandomValues(new Uint8Array(6)));
history.replaceState(history.state, '', callPath(id));
const key = callKey(id);

const client = signal<SessionClient | null>(null);
const problem = signal<string | null>(null);
const recent = signal<RecentCall[] | null>(null);

// A worker still starting may not answer the first ask.
const RETRY_MS = [250, 1000, 2000];
async function connect(attempt = 0): Promise<void> {
  const ticket = await requestTicket(key).catch(() => null);
  if (ticket) {
    client.value = createSessionClient(key, ticket);
  } else if (attempt < RETRY_MS.length) {
    setTimeout(() => void connect(attempt + 1), RETRY_MS[attempt]);
  } else {
    problem.value = 'Alignment Companion could not open this call. Reload the page to try again.';
  }
}

function refreshRecent() {
  readDeskSessions()
    .then((sessions) => (recent.value = recentCalls(sessions, id)))
    .catch(() => (recent.value = []));
}

void connect();
refreshRecent();
// Another tab may have started a call meanwhile.
document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && refreshRecent());

const Root = () => <CallPage client={client.value} problem={problem.value} recent={recent} />;
render(<Root />, document.getElementById('app')!);
