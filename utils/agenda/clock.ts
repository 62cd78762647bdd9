/**
 * Time is always derived from stored timestamps and the `now` passed in, never counted in
 * memory: a killed service worker, a reloaded tab or a restarted browser shows the same clock.
 */
import { elapsedInCurrent, scheduledEnd, type PacedSession } from './pacing';

/** Milliseconds the current step has run, including earlier visits to it. */
export const stepElapsed = elapsedInCurrent;

export function stepRemaining(session: PacedSession, now: number): number {
  return (session.budgetMs[session.current] ?? 0) - stepElapsed(session, now);
}

/** The meeting runs on the wall clock: pausing a step does not move the scheduled end. */
export function meetingRemaining(session: PacedSession, now: number): number {
  return scheduledEnd(session) - Math.max(now, session.startedAt);
}

/**
 * How long until a clock the coach sees changes its text: the step clock while it runs, else the
 * meeting clock. The panel wakes then, once a second (the digits turn by themselves: see
 * clock-reels.ts), to say the time in words and to work out what else the time changes. Always in
 * (0, 1000].
 */
export function msUntilNextTick(session: PacedSession | null, now: number): number {
  if (!session) return 1000 - (now % 1000);
  const remaining = session.runningSince !== null ? stepRemaining(session, now) : meetingRemaining(session, now);
  // The text is ceil(remaining / 1 s): it changes when `remaining` reaches the next lower whole second.
  const untilChange = ((remaining % 1000) + 1000) % 1000;
  return untilChange === 0 ? 1000 : untilChange;
}

/**
 * `m:ss`, rounding up while time is left (a countdown shows 0:01 until the last second is gone)
 * and `-m:ss` once over.
 */
export function formatClock(remainingMs: number): string {
  const seconds = Math.ceil(remainingMs / 1000);
  const abs = Math.abs(seconds);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return seconds < 0 ? `-${text}` : text;
}

/** Words for a screen reader, where `-4:05` would be read as a subtraction. */
export function describeClock(remainingMs: number): string {
  const seconds = Math.ceil(remainingMs / 1000);
  const abs = Math.abs(seconds);
  const minutes = Math.floor(abs / 60);
  const rest = abs % 60;
  const parts = [minutes ? `${minutes} min` : '', rest || !minutes ? `${rest} s` : ''].filter(Boolean);
  return seconds < 0 ? `${parts.join(' ')} over` : `${parts.join(' ')} left`;
}

/** A wall-clock time as the coach reads it, `10:34`, in their own locale and time zone. */
export function formatTimeOfDay(at: number, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** Whole minutes for an agenda line: `<1` for a step barely touched, never 0 for one that has time. */
export function formatMinutes(ms: number): string {
  if (ms <= 0) return '0';
  if (ms < 60_000) return '<1';
  return String(Math.round(ms / 60_000));
}
