import { useComputed, type ReadonlySignal } from '@preact/signals';
import { meetingRemaining, stepRemaining } from '../utils/clock';
import { composeNextSteps } from '../utils/next-steps';
import type { Command, Session } from '../utils/session';
import { AgendaList } from './AgendaList';
import { CopyNextSteps } from './CopyNextSteps';
import { Countdown } from './Countdown';
import { CurrentStep } from './CurrentStep';
import { StepControls } from './StepControls';

interface Props {
  session: ReadonlySignal<Session | null>;
  now: ReadonlySignal<number>;
  send: (command: Command) => void;
}

export function Conversation({ session, now, send }: Props) {
  const stepLeft = useComputed(() => (session.value ? stepRemaining(session.value, now.value) : 0));
  const meetingLeft = useComputed(() => (session.value ? meetingRemaining(session.value, now.value) : 0));
  const s = session.value;
  const step = s?.agenda[s.current];
  if (!s || !step) return null;
  const isLast = s.current === s.agenda.length - 1;
  const paused = s.runningSince === null;
  const copy = <CopyNextSteps compose={() => composeNextSteps({ conversation: s.templateId })} emphasised={isLast} />;

  return (
    <div class="conversation">
      <div class="timers" data-paused={String(paused)}>
        <Countdown label="Time left in step" caption={paused ? 'Step (paused)' : 'Step'} remaining={stepLeft} size="large" />
        <Countdown label="Time left in meeting" caption="Meeting" remaining={meetingLeft} />
      </div>
      <CurrentStep step={step} index={s.current} total={s.agenda.length} />
      <StepControls
        isFirst={s.current === 0}
        isLast={isLast}
        paused={paused}
        onPrevious={() => send({ type: 'previous' })}
        onNext={() => send({ type: 'next' })}
        onTogglePause={() => send({ type: paused ? 'resume' : 'pause' })}
      />
      {/* At wrap-up, copying is the next thing to do: it moves up under the controls. */}
      {isLast && copy}
      <AgendaList agenda={s.agenda} current={s.current} onJump={(index) => send({ type: 'jump', index })} />
      {!isLast && copy}
    </div>
  );
}
