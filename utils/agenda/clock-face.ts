/**
 * What a running conversation's clocks show at one moment, worked out once a tick for every part
 * of the panel that shows time. Each field changes only when what a coach sees changes: the two
 * clock texts once a second, the time state a few times a step, the plan (shown to the minute) a
 * few times a minute at most, even while the step runs over and the plan moves every second. Kept
 * each in a signal of its own, a tick then touches the two clocks and nothing else: the rest of
 * the panel is not even asked whether it has changed.
 */
import { formatClock, formatMinutes, meetingRemaining, stepRemaining } from './clock';
import { MINUTE_MS, aheadSharesHold, elapsedInCurrent, plan as planOf, planHoldsStill, timeState, type PacedSession, type Plan, type TimeState } from './pacing';

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
  /** The time left in the step that `step` shows (negative once over). */
  stepMs: number;
  /** The time left in the meeting that `meeting` shows. */
  meetingMs: number;
  state: TimeState;
  /** The same object from one tick to the next while it shows the same, so nothing drawn from it is redrawn. */
  plan: PlanShown;
  /** The session the plan was worked out for, when, and until when it shows the same (planShownUntil). */
  planned: Planned;
}

interface Planned {
  session: PacedSession;
  at: number;
  until: number;
}

export function clockFace(session: PacedSession, now: number, previous: ClockFace | null = null): ClockFace {
  let plan: PlanShown;
  let planned: Planned;
  const last = previous?.planned;
  if (previous && last && last.session === session && now >= last.at && now < last.until) {
    // Until then, what the plan shows cannot change: it is not even worked out again.
    ({ plan, planned } = previous);
  } else {
    const made = planOf(session, now);
    plan = showPlan(made);
    if (previous !== null && samePlanShown(plan, previous.plan)) plan = previous.plan;
    planned = { session, at: now, until: planShownUntil(session, now, made) };
  }
  const stepMs = stepRemaining(session, now);
  const meetingMs = meetingRemaining(session, now);
  return {
    step: formatClock(stepMs),
    meeting: formatClock(meetingMs),
    stepMs,
    meetingMs,
    state: timeState(session.budgetMs[session.current] ?? 0, elapsedInCurrent(session, now)),
    plan,
    planned,
  };
}

/**
 * The first moment after `now` at which the plan, as shown, may differ from `plan` (the plan at
 * `now`), with the session unchanged. Within the step's budget nothing moves until the budget is
 * used up. Over it, or paused, the time left for the steps ahead shrinks a millisecond each
 * millisecond: the projected end and the drift gain exactly that, to their next minute, and the
 * steps ahead share the loss (aheadSharesHold) until one of them shows a minute less.
 */
export function planShownUntil(session: PacedSession, now: number, plan: Plan): number {
  const spent = session.spentMs[session.current] ?? 0;
  const budget = session.budgetMs[session.current] ?? 0;
  if (planHoldsStill(session, now)) return session.runningSince! + budget - spent + 1;
  // A clock behind the stored start: the step is about to start running, and the plan with it.
  if (session.runningSince !== null && now < session.runningSince) return now;
  const untilEndMinute = MINUTE_MS - mod(plan.projectedEnd, MINUTE_MS);
  const untilDriftMinute = (Math.round(plan.driftMs / MINUTE_MS) + 0.5) * MINUTE_MS - plan.driftMs;
  return now + Math.min(untilEndMinute, untilDriftMinute, aheadSharesHold(session, now, leastShownAlike));
}

/** The least share (ms) that formatMinutes shows as it shows `share`. */
function leastShownAlike(share: number): number {
  if (share <= 0) return -Infinity;
  if (share < MINUTE_MS) return 1;
  return Math.max(MINUTE_MS, (Math.round(share / MINUTE_MS) - 0.5) * MINUTE_MS);
}

const mod = (value: number, by: number) => ((value % by) + by) % by;

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
const toMinute = (at: number) => at - mod(at, MINUTE_MS);
