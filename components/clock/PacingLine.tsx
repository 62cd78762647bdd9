import { useComputed, type ReadonlySignal } from '@preact/signals';
import { formatTimeOfDay } from '../../utils/agenda/clock';
import type { Plan } from '../../utils/agenda/pacing';

/**
 * Where the meeting is heading against where it should end, to the minute. The plan changes on
 * every tick; each piece of text here is bound to its own signal, so only the words that change
 * are touched, and the component itself does not re-render. Times are cut to the minute before
 * they are formatted: the locale's time format costs more than the rest of a tick together, and
 * its text moves once a minute.
 */
export function PacingLine({ plan }: { plan: ReadonlySignal<Plan> }) {
  const drift = useComputed(() => Math.round(plan.value.driftMs / 60_000));
  const projectedMinute = useComputed(() => toMinute(plan.value.projectedEnd));
  const scheduledMinute = useComputed(() => (drift.value === 0 ? null : toMinute(plan.value.scheduledEnd)));
  const projected = useComputed(() => formatTimeOfDay(projectedMinute.value));
  const verdict = useComputed(() => (drift.value > 0 ? `${drift.value} min late` : drift.value < 0 ? `${-drift.value} min early` : 'on time'));
  const scheduled = useComputed(() => (scheduledMinute.value === null ? '' : `Scheduled ${formatTimeOfDay(scheduledMinute.value)}`));
  const late = useComputed(() => String(drift.value > 0));
  return (
    <p class="pacing" data-late={late}>
      <span>
        Projected end <strong>{projected}</strong> · {verdict}
      </span>
      <span class="pacing__scheduled">{scheduled}</span>
    </p>
  );
}

/** The start of the minute `at` is in, which a time of day to the minute shows the same as `at`. */
const toMinute = (at: number) => at - (((at % 60_000) + 60_000) % 60_000);
