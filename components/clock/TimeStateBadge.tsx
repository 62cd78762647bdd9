import type { ReadonlySignal } from '@preact/signals';
import type { TimeState } from '../../utils/agenda/pacing';

export const TIME_STATE_TEXT: Record<TimeState, string> = {
  'on-track': 'On track',
  'half-used': 'Half used',
  'last-minute': '1 min left',
  over: 'Over time',
};

/**
 * The step's time state in words, with a shape as well as a colour, so it reads the same for
 * colour-blind coaches and in greyscale.
 */
export function TimeStateBadge({ state }: { state: ReadonlySignal<TimeState> }) {
  return (
    <span class="time-state" data-state={state.value}>
      <span class="time-state__mark" aria-hidden="true" />
      {TIME_STATE_TEXT[state.value]}
    </span>
  );
}
