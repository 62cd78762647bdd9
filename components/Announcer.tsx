import { useComputed, useSignal, useSignalEffect, type ReadonlySignal } from '@preact/signals';
import { LEAD_LABEL } from '../utils/agenda';
import { stepRemaining } from '../utils/clock';
import type { Session } from '../utils/session';

interface Props {
  session: ReadonlySignal<Session | null>;
  now: ReadonlySignal<number>;
}

/**
 * One polite live region for what a screen-reader user must not miss: a new step, and a step
 * running out of time. Said once per change, not every second.
 */
export function Announcer({ session, now }: Props) {
  const message = useSignal('');
  const stepKey = useComputed(() => {
    const s = session.value;
    return s ? `${s.current}` : '';
  });
  const overTime = useComputed(() => (session.value ? stepRemaining(session.value, now.value) <= 0 : false));

  useSignalEffect(() => {
    const s = session.peek();
    if (!stepKey.value || !s) return;
    const step = s.agenda[s.current];
    if (step) message.value = `Step ${s.current + 1} of ${s.agenda.length}: ${step.title}. ${LEAD_LABEL[step.lead]}.`;
  });
  useSignalEffect(() => {
    if (overTime.value) message.value = 'Time is up for this step.';
  });

  return (
    <p class="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
