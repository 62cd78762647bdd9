/**
 * A running clock drawn as reels, like an odometer: each digit is a column of cells that the
 * browser's compositor steps along by itself, one cell each time the digit changes. Once set
 * turning, a clock shows `m:ss` second by second with no script, style, layout or paint on the
 * page's main thread: a text changed once a second costs a whole frame there, and on a laptop busy
 * with a video call that was most of what the panel cost.
 *
 * Every reel turns from one shared origin, so the digits of one clock change together, and the
 * reels show what formatClock shows at each moment. They are built again only when the shape of
 * the text changes: the sign (counting down to 0:00, then up from -0:01) or the number of minute
 * digits. `msUntilReelsChange` says when, so the page wakes then and not later.
 */

import { meetingRemaining, msUntilNextTick, stepRemaining } from './clock';
import type { PacedSession } from './pacing';

/** One digit's column: `cells[i]` shows from `i * holdMs` into each turn of `cells.length * holdMs`. */
export interface Reel {
  cells: string[];
  holdMs: number;
}

export interface ClockReels {
  /** The shape: the same key means the same reels, and only the time has moved. */
  key: string;
  /** Left to right: fixed text (the sign, the colon) and reels. */
  parts: (string | Reel)[];
  /** The reels' shared time at the moment they were worked out for. */
  timeMs: number;
  /**
   * Where the reels stop and hold: counting down they stop on 0:00 (the next shape, -0:01,
   * replaces them); counting up they never stop.
   */
  endMs: number;
}

/** Shown for a leading minute digit of 0 in a reel wide enough for a minute more: a digit's width, blank. */
export const BLANK_DIGIT = '\u2007';
const SECOND = 1000;

/**
 * The reels for a clock with `remainingMs` left (negative once over), as they stand at that moment.
 * Counting down, the reels' time is how far the clock has come down from the largest value its
 * digits hold (9:59, 99:59, ...); counting up, how far it has come up from 0:00.
 */
export function clockReels(remainingMs: number): ClockReels {
  // `0:00` belongs to the countdown: formatClock shows it for (-1 s, 0].
  if (remainingMs > -SECOND) {
    const minutes = Math.floor(Math.ceil(remainingMs / SECOND) / 60);
    const digits = digitCount(minutes);
    const top = 60 * 10 ** digits - 1; // the largest seconds these digits show: 9:59, 99:59, ...
    return {
      key: `down${digits}`,
      parts: layout(digits, 'down'),
      timeMs: top * SECOND - remainingMs,
      endMs: (top + 1) * SECOND - 1,
    };
  }
  // A second ahead: a reel for the next minute digit is in place before the clock reaches it.
  const ahead = Math.floor(-remainingMs / SECOND) + 1;
  const digits = digitCount(Math.floor(ahead / 60));
  return { key: `up${digits}`, parts: ['-', ...layout(digits, 'up')], timeMs: -remainingMs, endMs: Infinity };
}

/**
 * How long until the reels of a clock with `remainingMs` left change shape (clockReels' key), so
 * that the page builds the new ones in time. Always above 0.
 */
export function msUntilReelsChange(remainingMs: number): number {
  if (remainingMs > -SECOND) {
    const seconds = Math.ceil(remainingMs / SECOND);
    const digits = digitCount(Math.floor(seconds / 60));
    // Down to -0:01, or down to the first value with a minute digit fewer (9:59, 99:59, ...).
    const next = digits > 1 ? 60 * 10 ** (digits - 1) - 1 : -1;
    return remainingMs - next * SECOND;
  }
  const ahead = Math.floor(-remainingMs / SECOND) + 1;
  const digits = digitCount(Math.floor(ahead / 60));
  // Up to the second before the first value that needs a minute digit more.
  const next = 60 * 10 ** digits - 1;
  return next * SECOND + remainingMs;
}

/** What reels show at their time `timeMs`, as text: the parts, each reel at its cell then. */
export function reelsShow(reels: ClockReels, timeMs: number): string {
  const at = Math.min(timeMs, reels.endMs);
  return reels.parts.map((part) => (typeof part === 'string' ? part : part.cells[Math.floor(at / part.holdMs) % part.cells.length])).join('');
}

function digitCount(n: number): number {
  return Math.max(1, String(n).length);
}

/** Minute digits, the colon, then the seconds' tens and ones. */
function layout(minuteDigits: number, direction: 'down' | 'up'): (string | Reel)[] {
  const reel = (count: number, holdSeconds: number, blankZero = false): Reel => {
    const up = Array.from({ length: count }, (_, i) => (i === 0 && blankZero ? BLANK_DIGIT : String(i)));
    return { cells: direction === 'up' ? up : up.reverse(), holdMs: holdSeconds * SECOND };
  };
  const minutes = Array.from({ length: minuteDigits }, (_, i) => {
    const place = minuteDigits - 1 - i; // 0 for the ones
    return reel(10, 60 * 10 ** place, i === 0 && minuteDigits > 1);
  });
  return [...minutes, ':', reel(6, 10), reel(10, 1)];
}

/**
 * When the panel's clock next wakes: at the next second the coach sees (msUntilNextTick), or
 * sooner where a running clock's reels change shape before then.
 */
export function msUntilNextWake(session: PacedSession | null, now: number): number {
  const tick = msUntilNextTick(session, now);
  if (!session) return tick;
  const step = session.runningSince !== null ? msUntilReelsChange(stepRemaining(session, now)) : Infinity;
  return Math.min(tick, step, msUntilReelsChange(meetingRemaining(session, now)));
}
