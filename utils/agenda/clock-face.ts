/**
 * What a running conversation's clocks show at one moment, worked out once a tick for every part
 * of the panel that shows time. Each field changes only when what a coach sees changes: the two
 * clock texts once a second, the time state a few times a step, the plan while the step is over
 * its budget or paused. Kept each in a signal of its own, a tick then touches the two clocks and
 * nothing else: the rest of the panel is not even asked whether it has changed.
 */
import { formatClock, meetingRemaining, stepRemaining } from './clock';
import { elapsedInCurrent, plan as planOf, planHoldsStill, timeState, type PacedSession, type Plan, type TimeState } from './pacing';

export interface ClockFace {
  /** The step clock's text, `m:ss` or `-m:ss`. */
  step: string;
  /** The meeting clock's text. */
  meeting: string;
  state: TimeState;
  /** The same object from one tick to the next while it holds still, so nothing drawn from it is redrawn. */
  plan: Plan;
  /** The session and moment the plan was made for, to tell whether it can be held. */
  planned: { session: PacedSession; still: boolean };
}

export function clockFace(session: PacedSession, now: number, previous: ClockFace | null = null): ClockFace {
  const still = planHoldsStill(session, now);
  const held = still && previous !== null && previous.planned.session === session && previous.planned.still;
  return {
    step: formatClock(stepRemaining(session, now)),
    meeting: formatClock(meetingRemaining(session, now)),
    state: timeState(session.budgetMs[session.current] ?? 0, elapsedInCurrent(session, now)),
    plan: held ? previous.plan : planOf(session, now),
    planned: { session, still },
  };
}
