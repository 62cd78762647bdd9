import { useComputed, type ReadonlySignal } from '@preact/signals';
import { formatTimeOfDay } from '../../utils/agenda/clock';
import type { PlanShown } from '../../utils/agenda/clock-face';

/**
 * Where the meeting is heading against where it should end, to the minute. The plan changes
 * only when what it shows does (see clock-face.ts); each piece of text here is bound to its own
 * signal, so only the words that change are touched, and the component itself does not re-render.
 */
export function PacingLine({ plan }: { plan: ReadonlySignal<PlanShown> }) {
  const drift = useComputed(() => plan.value.driftMinutes);
  const projected = useComputed(() => formatTimeOfDay(plan.value.projectedEnd));
  const verdict = useComputed(() => (drift.value > 0 ? `${drift.value} min late` : drift.value < 0 ? `${-drift.value} min early` : 'on time'));
  const scheduled = useComputed(() => (drift.value === 0 ? '' : `Scheduled ${formatTimeOfDay(plan.value.scheduledEnd)}`));
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
