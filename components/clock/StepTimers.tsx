import type { ReadonlySignal } from '@preact/signals';
import type { TimeState } from '../../utils/agenda/pacing';
import { Countdown } from './Countdown';
import { TimeStateBadge } from './TimeStateBadge';

interface Props {
  paused: boolean;
  stepLeft: ReadonlySignal<number>;
  meetingLeft: ReadonlySignal<number>;
  state: ReadonlySignal<TimeState>;
}

/** The step's clock with its time state, and the meeting's: the same in the panel and the pop-out. */
export function StepTimers({ paused, stepLeft, meetingLeft, state }: Props) {
  return (
    <div class="timers" data-paused={String(paused)}>
      <div class="timers__step">
        <Countdown label="Time left in step" caption={paused ? 'Step (paused)' : 'Step'} remaining={stepLeft} size="large" />
        <TimeStateBadge state={state} />
      </div>
      <Countdown label="Time left in meeting" caption="Meeting" remaining={meetingLeft} />
    </div>
  );
}
