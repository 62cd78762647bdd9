/**
 * Time is always derived from stored timestamps and the `now` passed in, never counted in
 * memory: a killed service worker, a reloaded tab or a restarted browser shows the same clock.
 */
import type { Session } from './session';

const MINUTE = 60_000;

/** Milliseconds the current step has run, including earlier visits to it. */
export function stepElapsed(session: Session, now: number): number {
  const before = session.spentMs[session.current] ?? 0;
  return before + (session.runningSince === null ? 0 : Math.max(0, now - session.runningSince));
}

export function stepRemaining(session: Session, now: number): number {
  const budget = (session.agenda[session.current]?.minutes ?? 0) * MINUTE;
  return budget - stepElapsed(session, now);
}

/** The meeting runs on the wall clock: pausing a step does not move the scheduled end. */
export function meetingRemaining(session: Session, now: number): number {
  return session.meetingMinutes * MINUTE - Math.max(0, now - session.startedAt);
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
