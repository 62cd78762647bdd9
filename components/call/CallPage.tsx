import type { ReadonlySignal } from '@preact/signals';
import type { SessionClient } from '../../entrypoints/panel/session-client';
import type { RecentCall } from '../../utils/meeting/desk-call';
import { App } from '../panel/App';
import { PopOutButton } from './PopOutButton';
import { RecentCalls } from './RecentCalls';

interface Props {
  /** Null until the background has given this tab its ticket. */
  client: SessionClient | null;
  /** Why no session can be shown, when none can. */
  problem: string | null;
  recent: ReadonlySignal<RecentCall[] | null>;
}

const REFUSED = 'Alignment Companion did not accept this page. Reload it to try again.';

/**
 * A call in the Zoom or Teams app or on a phone: the docked panel's whole App, wider, in a tab of
 * its own, with the pop-out and the calls to resume around it.
 */
export function CallPage({ client, problem, recent }: Props) {
  const shown = client && !client.refused.value ? client : null;
  const notice = client?.refused.value ? REFUSED : problem;
  return (
    <div class="call">
      <header class="call__header">
        <div class="call__heading">
          <h1 class="call__title">Call outside the browser</h1>
          <p class="call__intro">For a call in the Zoom or Teams app, or on a phone.</p>
        </div>
        <div class="call__actions">
          {shown && <PopOutButton client={shown} />}
          <a class="call__new" href="/call.html">
            Start a new call
          </a>
        </div>
      </header>
      <div class="call__panel">
        {shown ? (
          <App client={shown} />
        ) : (
          <main class="panel" aria-label="Alignment Companion" aria-busy={notice ? undefined : 'true'}>
            {notice && <p class="notice">{notice}</p>}
          </main>
        )}
      </div>
      <RecentCalls calls={recent} />
    </div>
  );
}
