import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { actualMs, conversationName, toMinutes } from '../../utils/records/conversation';
import type { Preferences } from '../../utils/session/preferences';
import type { LibraryCommand } from '../../utils/session/protocol';
import type { Command, Session } from '../../utils/session/session';
import { WrapUp } from './WrapUp';

interface Props {
  session: Session;
  preferences: ReadonlySignal<Preferences>;
  send: (command: Command) => Promise<string | null>;
  sendLibrary: (command: LibraryCommand) => Promise<string | null>;
  onStartNew: () => void;
}

/** After the finish: the clocks are gone, the message to send is what matters now. */
export function FinishedConversation({ session, preferences, send, sendLibrary, onStartNew }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The view changed under the coach's click: put the focus and the screen reader on its heading.
  useEffect(() => heading.current?.focus(), []);
  const ended = session.endedAt ?? session.updatedAt;
  // Start to finish, pauses included: the same figure the Conversations page and the export give.
  const took = toMinutes(actualMs(session));
  return (
    <div class="finished">
      <h2 ref={heading} tabIndex={-1} class="step__title">
        Conversation finished
      </h2>
      <p class="finished__meta">
        {conversationName(session)}, ended at {new Date(ended).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}:{' '}
        {session.meetingMinutes} min planned, {took} min taken.
      </p>
      <WrapUp session={session} preferences={preferences.value} send={send} sendLibrary={sendLibrary} emphasised />
      <button type="button" class="button button--wide" onClick={onStartNew}>
        Start a new conversation
      </button>
    </div>
  );
}
