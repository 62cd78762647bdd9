import { useComputed, useSignal, type ReadonlySignal } from '@preact/signals';
import type { PlanShown } from '../../utils/agenda/clock-face';
import type { PlaybookId } from '../../utils/agenda/playbooks';
import type { Preferences } from '../../utils/session/preferences';
import type { Preparation } from '../../utils/session/preparation';
import type { LibraryCommand } from '../../utils/session/protocol';
import { conversationKindOf, stepNote, type Command, type Session } from '../../utils/session/session';
import type { KickoffRecap } from '../../utils/records/at-kickoff';
import { AgendaList } from './AgendaList';
import { AtKickoff } from './AtKickoff';
import { CaptureFields } from './CaptureFields';
import { CurrentStep } from './CurrentStep';
import { FinishButton } from '../wrap-up/FinishButton';
import { PacingLine } from '../clock/PacingLine';
import { ParkingLot } from './ParkingLot';
import { PlaybookButtons, PlaybookRegion } from './Playbook';
import { PreparationSelect } from '../setup/PreparationSelect';
import { PreparationSummary } from '../setup/PreparationSummary';
import { PrivateNote } from './PrivateNote';
import { StepControls } from './StepControls';
import { StepTimers } from '../clock/StepTimers';
import { useChime } from '../clock/use-chime';
import type { ClockSignals } from '../clock/use-clock-face';
import { WrapUp } from '../wrap-up/WrapUp';

interface Props {
  session: ReadonlySignal<Session | null>;
  /** The clocks, ticked by the App for the conversation shown. */
  clock: ClockSignals;
  preferences: ReadonlySignal<Preferences>;
  preparations: ReadonlySignal<Preparation[]>;
  atKickoff: ReadonlySignal<KickoffRecap | null>;
  send: (command: Command) => Promise<string | null>;
  sendLibrary: (command: LibraryCommand) => Promise<string | null>;
}

export function Conversation({ session, clock, preferences, preparations, atKickoff, send, sendLibrary }: Props) {
  // Rendered only with a session, whose clock face the App has already worked out.
  const plan = clock.plan as ReadonlySignal<PlanShown>;
  // The plan also changes for its projected end; the list re-renders only when its minutes do.
  const minutesKey = useComputed(() => plan.value.minutes.join(' '));
  const playbook = useSignal<PlaybookId | null>(null);
  useChime(clock.state, useComputed(() => preferences.value.chime));

  const s = session.value;
  const step = s?.agenda[s.current];
  if (!s || !step) return null;
  const isLast = s.current === s.agenda.length - 1;
  const paused = s.runningSince === null;
  const { hideNotes } = preferences.value;

  const closePlaybook = () => {
    const opened = playbook.value;
    playbook.value = null;
    // Back to the button that opened it, for keyboard users.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-playbook="${opened}"]`)?.focus());
  };

  const wrapUp = <WrapUp session={s} preferences={preferences.value} send={send} sendLibrary={sendLibrary} emphasised={isLast} />;
  const finish = <FinishButton atWrapUp={isLast} onFinish={() => void send({ type: 'finish' })} />;

  return (
    <div class="conversation">
      <StepTimers paused={paused} clock={clock} />
      <PacingLine plan={plan} />
      {playbook.value ? (
        <PlaybookRegion id={playbook.value} onClose={closePlaybook} />
      ) : (
        <CurrentStep step={step} index={s.current} total={s.agenda.length} />
      )}
      <StepControls
        isFirst={s.current === 0}
        isLast={isLast}
        paused={paused}
        onPrevious={() => void send({ type: 'previous' })}
        onNext={() => void send({ type: 'next' })}
        onTogglePause={() => void send({ type: paused ? 'resume' : 'pause' })}
        onAddMinute={() => void send({ type: 'add-minute' })}
      />
      <PlaybookButtons open={playbook.value} onOpen={(id) => (playbook.value = playbook.value === id ? null : id)} />
      {/* At wrap-up, the message is the next thing to do: it moves up under the controls. */}
      {isLast && wrapUp}
      {isLast && finish}
      {s.current === 0 && <AtKickoff recap={atKickoff.value} />}
      <CaptureFields fields={step.capture} capture={s.capture} conversation={conversationKindOf(s)} send={send} />
      <PrivateNote
        stepId={step.id}
        value={stepNote(s, step.id)}
        hidden={hideNotes}
        onCommit={(text) => send({ type: 'note', stepId: step.id, text })}
      />
      <ParkingLot topics={s.parked} onPark={(text) => send({ type: 'park', text })} onUnpark={(topicId) => void send({ type: 'unpark', topicId })} />
      <AgendaList agenda={s.agenda} current={s.current} minutes={minutesKey} onJump={(index) => void send({ type: 'jump', index })} />
      <PreparationSummary prep={preparations.value.find((prep) => prep.id === s.preparationId)} hidden={hideNotes} />
      {(preparations.value.length > 0 || s.preparationId !== null) && (
        <PreparationSelect
          id="linked-preparation"
          label="Linked preparation"
          inline
          preparations={preparations.value}
          value={s.preparationId ?? ''}
          onChange={(id) => void send({ type: 'link-preparation', preparationId: id || null })}
        />
      )}
      {s.current !== 0 && <AtKickoff recap={atKickoff.value} />}
      {!isLast && wrapUp}
      {!isLast && finish}
    </div>
  );
}
