import { useComputed, useSignal } from '@preact/signals';
import { isFinished } from '../../utils/session/session';
import type { SessionClient } from '../../entrypoints/panel/session-client';
import { Announcer } from './Announcer';
import { ConnectionNotice } from './ConnectionNotice';
import { Conversation } from '../conversation/Conversation';
import { FinishedConversation } from '../wrap-up/FinishedConversation';
import { Guardrails } from './Guardrails';
import { HideNotesToggle } from './HideNotesToggle';
import { MeetingSetup } from '../setup/MeetingSetup';
import { PrepareView } from '../setup/PrepareView';
import { SetupTabs, type SetupTab } from '../setup/SetupTabs';
import { Settings } from './Settings';
import { useClockFace } from '../clock/use-clock-face';

export function App({ client }: { client: SessionClient }) {
  const { session, loaded, connection, problem, preferences, preparations, shortcuts, atKickoff, send, sendLibrary } = client;
  // A finished conversation's clocks have stopped: nothing on screen moves with time.
  const running = useComputed(() => session.value !== null && !isFinished(session.value));
  const clock = useClockFace(session, running);
  const past = useComputed(() => (session.value && clock.stale.value ? session.value : null));
  const tab = useSignal<SetupTab>('start');
  /** The coach chose `Start a new conversation` after a finished one: the set-up shows again. */
  const startingAnew = useSignal<number | null>(null);
  const finished = session.value && isFinished(session.value) ? session.value : null;
  const showFinished = finished !== null && startingAnew.value !== finished.startedAt;
  const hideNotes = preferences.value.hideNotes;

  return (
    <main class="panel" aria-label="Alignment Companion">
      <header class="panel__header">
        <div class="panel__bar">
          <p class="panel__brand">Alignment Companion</p>
          <HideNotesToggle hidden={hideNotes} onToggle={() => void sendLibrary({ type: 'preference', name: 'hideNotes', value: !hideNotes })} />
        </div>
        <ConnectionNotice connection={connection} problem={problem} />
      </header>
      <div class="panel__body">
        {!loaded.value ? (
          <p class="panel__loading">Loading the session…</p>
        ) : showFinished ? (
          <FinishedConversation
            session={finished}
            preferences={preferences}
            send={send}
            sendLibrary={sendLibrary}
            onStartNew={() => (startingAnew.value = finished.startedAt)}
          />
        ) : session.value && !past.value && !finished ? (
          <Conversation
            session={session}
            clock={clock}
            preferences={preferences}
            preparations={preparations}
            atKickoff={atKickoff}
            send={send}
            sendLibrary={sendLibrary}
          />
        ) : (
          <SetupTabs tab={tab}>
            {tab.value === 'start' ? (
              <MeetingSetup
                preparations={preparations.value}
                templates={client.templates.value}
                lastStartedAt={past.value?.startedAt}
                onStart={(minutes, from, preparationId) => send({ type: 'start', minutes, ...from, preparationId })}
              />
            ) : (
              <PrepareView preparations={preparations.value} hideNotes={hideNotes} sendLibrary={sendLibrary} />
            )}
          </SetupTabs>
        )}
        {loaded.value && <Settings preferences={preferences.value} shortcuts={shortcuts} sendLibrary={sendLibrary} />}
        {loaded.value && (
          <a
            class="panel__link"
            href={client.conversationsUrl}
            target="_blank"
            rel="noopener"
            onClick={(event) => {
              event.preventDefault();
              client.openConversations();
            }}
          >
            Conversations
          </a>
        )}
      </div>
      <Guardrails session={session.value} />
      <Announcer session={session} stepKey={clock.stepKey} state={clock.state} />
    </main>
  );
}
