/**
 * What a running conversation's clocks show at one moment, worked out once a tick for every part
 * of the panel that shows time. Each field changes only when what a coach sees changes: the two
 * clock texts once a second, the time state a few times a step, the plan (shown to the minute) a
 * few times a minute at most, even while the step runs over and the plan moves every second. Kept
 * each in a signal of its own, a tick then touches the two clocks and nothing else: the rest of
 * the panel is not even asked whether it has changed.
 */
import { formatClock, formatMinutes, meetingRemaining, stepRemaining } from './clock';
import { MINUTE_MS, elapsedInCurrent, plan as planOf, planHoldsStill, timeState, type PacedSession, type Plan, type TimeState } from './pacing';

/** The plan as the panel shows it: to the minute. */
export interface PlanShown {
  /** Each step's minutes as the agenda lists them (formatMinutes of its budget in the plan). */
  minutes: string[];
  /** The start of the minute the meeting is projected to end in. */
  projectedEnd: number;
  /** The start of the minute it is scheduled to end in. */
  scheduledEnd: number;
  /** Whole minutes late (positive) or early (negative). */
  driftMinutes: number;
}

export interface ClockFace {
  /** The step clock's text, `m:ss` or `-m:ss`. */
  step: string;
  /** The meeting clock's text. */
  meeting: string;
  state: TimeState;
  /** The same object from one tick to the next while it shows the same, so nothing drawn from it is redrawn. */
  plan: PlanShown;
  /** The session and moment the plan was made for, to tell whether it can be held. */
  planned: { session: PacedSession; still: boolean };
}

export function clockFace(session: PacedSession, now: number, previous: ClockFace | null = null): ClockFace {
  const still = planHoldsStill(session, now);
  // Within the step's budget nothing in the plan moves: it is not even worked out again.
  const held = still && previous !== null && previous.planned.session === session && previous.planned.still;
  let plan = held ? previous.plan : showPlan(planOf(session, now));
  if (!held && previous !== null && samePlanShown(plan, previous.plan)) plan = previous.plan;
  return {
    step: formatClock(stepRemaining(session, now)),
    meeting: formatClock(meetingRemaining(session, now)),
    state: timeState(session.budgetMs[session.current] ?? 0, elapsedInCurrent(session, now)),
    plan,
    planned: { session, still },
  };
}

export function showPlan(plan: Plan): PlanShown {
  return {
    minutes: plan.budgetsMs.map(formatMinutes),
    projectedEnd: toMinute(plan.projectedEnd),
    scheduledEnd: toMinute(plan.scheduledEnd),
    driftMinutes: Math.round(plan.driftMs / MINUTE_MS),
  };
}

export function samePlanShown(a: PlanShown, b: PlanShown): boolean {
  return (
    a.projectedEnd === b.projectedEnd &&
    a.scheduledEnd === b.scheduledEnd &&
    a.driftMinutes === b.driftMinutes &&
    a.minutes.length === b.minutes.length &&
    a.minutes.every((minutes, i) => minutes === b.minutes[i])
  );
}

/** The start of the minute `at` is in, which a time of day to the minute shows the same as `at`. */
const toMinute = (at: number) => at - (((at % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
