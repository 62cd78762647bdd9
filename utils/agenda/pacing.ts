/**
 * Pacing: each step has a budget, and the meeting must still end on time. When a step runs
 * over, the steps still ahead shrink in proportion (each keeps a floor; wrap-up keeps three
 * minutes); when the coach moves on early, the saved time flows to them. Pure: the session
 * and `now` in, the plan out, so every panel shows the same plan from the same stored times.
 */
import type { AgendaStep } from './agenda';

export const MINUTE_MS = 60_000;
/** Wrap-up is where the next steps are agreed: it is never squeezed below this. */
export const WRAP_UP_FLOOR_MS = 3 * MINUTE_MS;
export const STEP_FLOOR_MS = MINUTE_MS;

/** The part of a session pacing reads; see session.ts. */
export interface PacedSession {
  agenda: AgendaStep[];
  meetingMinutes: number;
  startedAt: number;
  current: number;
  spentMs: number[];
  runningSince: number | null;
  /** The budget each step got when it became current (plus added minutes). */
  budgetMs: number[];
}

export interface Plan {
  /** Per step: time spent for steps behind, the budget of the current one, the share of each step ahead. */
  budgetsMs: number[];
  /** Where the meeting ends if the current step keeps its budget and the rest take their planned time. */
  projectedEnd: number;
  scheduledEnd: number;
  /** projectedEnd - scheduledEnd: positive when late, negative when early. */
  driftMs: number;
}

export function plannedMs(step: AgendaStep): number {
  return step.minutes * MINUTE_MS;
}

export function floorMs(agenda: readonly AgendaStep[], index: number): number {
  const step = agenda[index];
  if (!step) return 0;
  const wrapUp = step.wrapUp ?? index === agenda.length - 1;
  return wrapUp ? WRAP_UP_FLOOR_MS : Math.min(STEP_FLOOR_MS, plannedMs(step));
}

export function scheduledEnd(session: Pick<PacedSession, 'startedAt' | 'meetingMinutes'>): number {
  return session.startedAt + session.meetingMinutes * MINUTE_MS;
}

/** Milliseconds the current step has run, including earlier visits to it. */
export function elapsedInCurrent(session: PacedSession, now: number): number {
  const before = session.spentMs[session.current] ?? 0;
  return before + (session.runningSince === null ? 0 : Math.max(0, now - session.runningSince));
}

/**
 * Shares `availableMs` among steps in proportion to their wants, none below its floor: the
 * steps that would fall under their floor get exactly the floor and the rest is shared again.
 * When there is not even enough for the floors, every step gets its floor (the meeting runs late).
 */
export function shareOut(wants: readonly number[], floors: readonly number[], availableMs: number): number[] {
  const shares = wants.map(() => 0);
  const atFloor = new Set<number>();
  for (;;) {
    const free = wants.map((_, i) => i).filter((i) => !atFloor.has(i));
    const rest = availableMs - [...atFloor].reduce((sum, i) => sum + floors[i]!, 0);
    const wanted = free.reduce((sum, i) => sum + wants[i]!, 0);
    let changed = false;
    for (const i of free) {
      // With nothing wanted (every step already used up), the time is shared evenly.
      const share = wanted > 0 ? (wants[i]! * rest) / wanted : rest / free.length;
      if (share < floors[i]!) {
        atFloor.add(i);
        changed = true;
      } else {
        shares[i] = share;
      }
    }
    if (!changed) break;
  }
  for (const i of atFloor) shares[i] = floors[i]!;
  return shares;
}

/** What each step from `from` on still wants: its plan less what it already used. */
function wantsFrom(session: PacedSession, from: number): { wants: number[]; floors: number[] } {
  const wants: number[] = [];
  const floors: number[] = [];
  for (let i = from; i < session.agenda.length; i++) {
    wants.push(Math.max(0, plannedMs(session.agenda[i]!) - (session.spentMs[i] ?? 0)));
    floors.push(floorMs(session.agenda, i));
  }
  return { wants, floors };
}

/**
 * The budget a step gets as it becomes current at `now`: its share of the time left, on top of
 * what it already used on an earlier visit. Called by the reducer on every move.
 */
export function budgetOnEntry(session: PacedSession, index: number, now: number): number {
  const { wants, floors } = wantsFrom(session, index);
  const shares = shareOut(wants, floors, scheduledEnd(session) - now);
  return (session.spentMs[index] ?? 0) + Math.round(shares[0] ?? 0);
}

/** The time the steps after the current one have at `now`, and what each wants of it. */
function stepsAhead(session: PacedSession, now: number) {
  const currentLeft = Math.max(0, (session.budgetMs[session.current] ?? 0) - elapsedInCurrent(session, now));
  const end = scheduledEnd(session);
  return { currentLeft, end, available: end - now - currentLeft, ...wantsFrom(session, session.current + 1) };
}

export function plan(session: PacedSession, now: number): Plan {
  const { current, agenda } = session;
  const { currentLeft, end, available, wants, floors } = stepsAhead(session, now);
  const ahead = shareOut(wants, floors, available);
  const budgetsMs = agenda.map((_, i) => {
    if (i < current) return session.spentMs[i] ?? 0;
    if (i === current) return session.budgetMs[current] ?? 0;
    return Math.round(ahead[i - current - 1]!);
  });
  const plannedAhead = wants.reduce((sum, want, i) => sum + Math.max(want, floors[i]!), 0);
  const projectedEnd = now + currentLeft + plannedAhead;
  return { budgetsMs, projectedEnd, scheduledEnd: end, driftMs: projectedEnd - end };
}

/**
 * While the time for the steps ahead shrinks a millisecond each millisecond (the current step over
 * its budget, or paused), how many milliseconds at least until one of their shares, rounded to the
 * millisecond, falls below `leastAlike(share)`: the least share shown as it is shown now.
 *
 * shareOut gives each step max(floor, λ·want) (λ·1 each when nothing is wanted), λ falling as the
 * time does. Each step's share reaches the threshold at a λ of its own; the first reached is the
 * largest, and the time until then is the time the steps ahead lose before it. A step whose floor
 * is above its threshold never gets there. A millisecond is kept back for rounding.
 */
export function aheadSharesHold(session: PacedSession, now: number, leastAlike: (shareMs: number) => number): number {
  const { available, wants, floors } = stepsAhead(session, now);
  const floorsTotal = floors.reduce((sum, floor) => sum + floor, 0);
  // Not even the floors fit: every step sits at its floor, and stays there.
  if (available <= floorsTotal) return Infinity;
  const shares = shareOut(wants, floors, available);
  const weights = wants.some((want) => want > 0) ? wants : wants.map(() => 1);
  let firstAt = -Infinity;
  shares.forEach((share, i) => {
    const threshold = leastAlike(Math.round(share)) - 0.5;
    if (floors[i]! < threshold && weights[i]! > 0) firstAt = Math.max(firstAt, threshold / weights[i]!);
  });
  if (firstAt === -Infinity) return Infinity;
  const availableThen = weights.reduce((sum, weight, i) => sum + Math.max(floors[i]!, firstAt * weight), 0);
  return Math.max(0, Math.floor(available - availableThen) - 1);
}

/**
 * Whether the plan at `now` is the plan at any other moment of the same stretch: while the current
 * step runs within its budget, the time it uses is the time the meeting loses, so nothing in the
 * plan moves with the clock. It moves once the step is over its budget, or paused.
 */
export function planHoldsStill(session: PacedSession, now: number): boolean {
  return session.runningSince !== null && now >= session.runningSince && elapsedInCurrent(session, now) <= (session.budgetMs[session.current] ?? 0);
}

export type TimeState = 'on-track' | 'half-used' | 'last-minute' | 'over';

/** The current step's state, from its budget and the time it has run. */
export function timeState(budgetMs: number, elapsedMs: number): TimeState {
  const left = budgetMs - elapsedMs;
  if (left <= 0) return 'over';
  if (left <= MINUTE_MS) return 'last-minute';
  if (elapsedMs >= budgetMs / 2) return 'half-used';
  return 'on-track';
}
