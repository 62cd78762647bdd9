import { useComputed } from '@preact/signals';
import { isStale } from '../utils/session';
import type { SessionClient } from '../entrypoints/panel/session-client';
import { Announcer } from './Announcer';
import { ConnectionNotice } from './ConnectionNotice';
import { Conversation } from './Conversation';
import { Guardrails } from './Guardrails';
import { MeetingSetup } from './MeetingSetup';
import { useNow } from './use-now';

export function App({ client }: { client: SessionClient }) {
  const { session, loaded, connection, problem, send } = client;
  const running = useComputed(() => session.value !== null);
  const now = useNow(running);
  const past = useComputed(() => (session.value && isStale(session.value, now.value) ? session.value : null));

  return (
    <main class="panel" aria-label="Alignment Companion">
      <header class="panel__header">
        <p class="panel__brand">Alignment Companion</p>
        <ConnectionNotice connection={connection} problem={problem} />
      </header>
      <div class="panel__body">
        {!loaded.value ? (
          <p class="panel__loading">Loading the session…</p>
        ) : session.value && !past.value ? (
          <Conversation session={session} now={now} send={(command) => void send(command)} />
        ) : (
          <MeetingSetup lastStartedAt={past.value?.startedAt} onStart={(minutes) => void send({ type: 'start', minutes })} />
        )}
      </div>
      <Guardrails />
      <Announcer session={session} now={now} />
    </main>
  );
}
