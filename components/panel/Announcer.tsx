import { useSignal, type ReadonlySignal } from '@preact/signals';
import { LEAD_LABEL } from '../../utils/agenda/agenda';
import type { TimeState } from '../../utils/agenda/pacing';
import type { Session } from '../../utils/session/session';
import { useSyncEffect } from '../clock/use-sync-effect';

interface Props {
  session: ReadonlySignal<Session | null>;
  /** The current step and its time state, set together (ClockSignals). */
  stepKey: ReadonlySignal<string>;
  state: ReadonlySignal<TimeState>;
}

const STATE_ANNOUNCEMENT: Partial<Record<TimeState, string>> = {
  'half-used': 'Half the time for this step is used.',
  'last-minute': 'One minute left in this step.',
  over: 'Time is up for this step.',
};

/**
 * One polite live region for what a screen-reader user must not miss: a new step, and the step's
 * time passing half, one minute left and zero. Said once per change, not every second.
 */
export function Announcer({ session, stepKey, state }: Props) {
  const message = useSignal('');

  const lastStep = useSignal('');
  useSyncEffect(() => {
    const key = stepKey.value;
    const stateText = STATE_ANNOUNCEMENT[state.value] ?? '';
    const s = session.peek();
    if (!key || !s) return;
    if (key === lastStep.peek()) {
      if (stateText) message.value = stateText;
      return;
    }
    lastStep.value = key;
    const step = s.agenda[s.current];
    // A step entered already past half (a revisit) says so after its title, in one announcement.
    if (step) message.value = `Step ${s.current + 1} of ${s.agenda.length}: ${step.title}. ${LEAD_LABEL[step.lead]}.${stateText ? ` ${stateText}` : ''}`;
  });

  return (
    <p class="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
