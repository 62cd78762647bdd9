/**
 * A running clock drawn as reels, like an odometer: each digit is a column of cells that the
 * browser's compositor steps along by itself, one cell each time the digit changes. Once set
 * turning, a clock shows `m:ss` second by second with no script, style, layout or paint on the
 * page's main thread: a text changed once a second costs a whole frame there, and on a laptop busy
 * with a video call that was most of what the panel cost.
 *
 * Every reel turns from one shared origin, so the digits of one clock change together, and until
 * the shape of the text changes they show what formatClock shows. The shape changes with the sign
 * (counting down to 0:00, then up from -0:01) or the number of minute digits; `msUntilReelsChange`
 * says when, and the page wakes then (a few milliseconds after) to build the next reels.
 */

import { meetingRemaining, msUntilNextTick, stepRemaining } from './clock';
import type { PacedSession } from './pacing';

/** One digit's column: `cells[i]` shows from `i * holdMs` into each turn of `cells.length * holdMs`. */
export interface Reel {
  cells: string[];
  holdMs: number;
}

/** Which reels a clock needs, and where they stand: all but the reels themselves. */
export interface ReelsShape {
  /** The same key means the same reels, and only the time has moved. */
  key: string;
  direction: 'down' | 'up';
  minuteDigits: number;
  /** The reels' shared time at the moment they were worked out for. */
  timeMs: number;
  /** Where the reels stop and hold their shape's last value, until the next shape replaces them. */
  endMs: number;
}

export interface ClockReels extends ReelsShape {
  /** Left to right: fixed text (the sign, the colon) and reels. */
  parts: (string | Reel)[];
}

const SECOND = 1000;

/**
 * The shape of the reels for a clock with `remainingMs` left (negative once over), as they stand
 * at that moment: worked out at every tick, so it builds no reels. Counting down, the reels' time
 * is how far the clock has come down from the largest value its digits hold (9:59, 99:59, ...);
 * counting up, how far it has come up from 0:00. Each set of reels stops on the last value of its
 * shape (0:00 or 10:00 counting down, -9:59 counting up) and holds it until the page builds the
 * next: a second shown a few milliseconds late, never a wrong one.
 */
export function reelsShape(remainingMs: number): ReelsShape {
  // `0:00` belongs to the countdown: formatClock shows it for (-1 s, 0].
  if (remainingMs > -SECOND) {
    const minuteDigits = digitCount(Math.floor(Math.ceil(remainingMs / SECOND) / 60));
    const top = 60 * 10 ** minuteDigits - 1; // the largest seconds these digits show: 9:59, 99:59, ...
    return { key: `down${minuteDigits}`, direction: 'down', minuteDigits, timeMs: top * SECOND - remainingMs, endMs: (top - lastDown(minuteDigits) + 1) * SECOND - 1 };
  }
  const minuteDigits = digitCount(Math.floor(Math.floor(-remainingMs / SECOND) / 60));
  return { key: `up${minuteDigits}`, direction: 'up', minuteDigits, timeMs: -remainingMs, endMs: (lastUp(minuteDigits) + 1) * SECOND - 1 };
}

/** The reels for a clock with `remainingMs` left: its shape (reelsShape) and the reels to build. */
export function clockReels(remainingMs: number): ClockReels {
  const shape = reelsShape(remainingMs);
  const parts = layout(shape.minuteDigits, shape.direction);
  return { ...shape, parts: shape.direction === 'up' ? ['-', ...parts] : parts };
}

/**
 * How long until the reels of a clock with `remainingMs` left change shape, so that the page
 * builds the new ones then: a millisecond past where they stop. Always above 0.
 */
export function msUntilReelsChange(remainingMs: number): number {
  const { timeMs, endMs } = reelsShape(remainingMs);
  return endMs + 1 - timeMs;
}

/** The last seconds a countdown's reels of `digits` minute digits show: 0:00, 10:00, 100:00, ... */
const lastDown = (digits: number) => (digits > 1 ? 60 * 10 ** (digits - 1) : 0);
/** The last seconds a count up's reels show: 9:59, 99:59, ... */
const lastUp = (digits: number) => 60 * 10 ** digits - 1;

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
  const reel = (count: number, holdSeconds: number): Reel => {
    const up = Array.from({ length: count }, (_, i) => String(i));
    return { cells: direction === 'up' ? up : up.reverse(), holdMs: holdSeconds * SECOND };
  };
  // A leading 0 is never shown: each shape stops before its leading digit would be 0.
  const minutes = Array.from({ length: minuteDigits }, (_, i) => reel(10, 60 * 10 ** (minuteDigits - 1 - i)));
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
