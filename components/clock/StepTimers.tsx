import { Countdown } from './Countdown';
import { TimeStateBadge } from './TimeStateBadge';
import type { ClockSignals } from './use-clock-face';

interface Props {
  paused: boolean;
  clock: ClockSignals;
}

/** The step's clock with its time state, and the meeting's: the same in the panel and the pop-out. */
export function StepTimers({ paused, clock }: Props) {
  return (
    <div class="timers" data-paused={String(paused)}>
      <div class="timers__step">
        <Countdown label="Time left in step" caption={paused ? 'Step (paused)' : 'Step'} clock={clock.step} size="large" />
        <TimeStateBadge state={clock.state} />
      </div>
      <Countdown label="Time left in meeting" caption="Meeting" clock={clock.meeting} />
    </div>
  );
}
