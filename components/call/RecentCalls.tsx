import type { ReadonlySignal } from '@preact/signals';
import { callPath, recentCallLabel, type RecentCall } from '../../utils/meeting/desk-call';

/** Earlier calls outside the browser, each a link that resumes it in this tab. Null while read. */
export function RecentCalls({ calls }: { calls: ReadonlySignal<RecentCall[] | null> }) {
  const list = calls.value;
  return (
    <nav class="call__recent" aria-labelledby="recent-calls-title">
      <h2 id="recent-calls-title" class="section__title">
        Recent calls
      </h2>
      {list === null ? null : list.length === 0 ? (
        <p class="muted">No earlier calls yet.</p>
      ) : (
        <ul class="call__recent-list">
          {list.map((call) => (
            <li key={call.id}>
              <a href={callPath(call.id)}>{recentCallLabel(call)}</a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
