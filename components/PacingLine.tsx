import type { ReadonlySignal } from '@preact/signals';
import { formatTimeOfDay } from '../utils/clock';
import type { Plan } from '../utils/pacing';

/** Where the meeting is heading against where it should end, to the minute. */
export function PacingLine({ plan }: { plan: ReadonlySignal<Plan> }) {
  const { projectedEnd, scheduledEnd, driftMs } = plan.value;
  const drift = Math.round(driftMs / 60_000);
  const verdict = drift > 0 ? `${drift} min late` : drift < 0 ? `${-drift} min early` : 'on time';
  return (
    <p class="pacing" data-late={String(drift > 0)}>
      <span>
        Projected end <strong>{formatTimeOfDay(projectedEnd)}</strong> · {verdict}
      </span>
      {drift !== 0 && <span class="pacing__scheduled">Scheduled {formatTimeOfDay(scheduledEnd)}</span>}
    </p>
  );
}
