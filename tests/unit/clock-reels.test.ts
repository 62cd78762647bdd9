/**
 * A running clock's reels (utils/agenda/clock-reels.ts): once set turning, the compositor moves
 * them with no script, so what they show at every later moment must be what formatClock shows
 * then, up to the moment the page is woken to build new ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockReels, msUntilNextWake, msUntilReelsChange, reelsShow } from '../../utils/agenda/clock-reels';
import { formatClock, meetingRemaining, msUntilNextTick, stepRemaining } from '../../utils/agenda/clock';
import { MIN, T0, conversation } from './conversation';

const HOUR = 60 * MIN;
/** What the reels of a clock with `remainingMs` left show `later` ms on, as text. */
const shown = (remainingMs: number, later: number) => {
  const reels = clockReels(remainingMs);
  return reelsShow(reels, reels.timeMs + later);
};

describe('clockReels', () => {
  it('show what the clock shows at every moment until their shape changes, counting down, through 0:00 and up', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), fc.double({ min: 0, max: 1, noNaN: true }), (remaining, share) => {
        const until = msUntilReelsChange(remaining);
        expect(until).toBeGreaterThan(0);
        const later = Math.min(until - 1, Math.floor(share * until), 2 * HOUR);
        expect(shown(remaining, later)).toBe(formatClock(remaining - later));
        // The next reels take over where these stop, showing the same.
        expect(clockReels(remaining - until).key).not.toBe(clockReels(remaining).key);
        expect(shown(remaining - until, 0)).toBe(formatClock(remaining - until));
      }),
      { numRuns: 2_000 },
    );
  });

  it('check every second of a countdown from 12:00 through 0:00 to -12:00, each reel at its cell', () => {
    let remaining = 12 * MIN + 500;
    let reels = clockReels(remaining);
    let start = remaining;
    const keys = new Set<string>();
    for (; remaining > -12 * MIN; remaining -= 1_000) {
      if (remaining <= start - msUntilReelsChange(start)) {
        start = remaining;
        reels = clockReels(remaining);
      }
      keys.add(reels.key);
      expect(reelsShow(reels, reels.timeMs + (start - remaining))).toBe(formatClock(remaining));
    }
    expect([...keys]).toEqual(['down2', 'down1', 'up1', 'up2']);
  });

  it('hold the last value of their shape until the page builds the next: 0:00, 10:00 and -9:59', () => {
    const reels = clockReels(3_000);
    expect(reelsShow(reels, reels.timeMs + 3_500)).toBe('0:00');
    expect(reelsShow(reels, reels.timeMs + 60_000)).toBe('0:00');
    expect(msUntilReelsChange(3_000)).toBe(4_000);
    const tens = clockReels(10 * MIN + 2_000);
    expect(reelsShow(tens, tens.timeMs + 2_500)).toBe('10:00');
    expect(reelsShow(tens, tens.timeMs + 9_000)).toBe('10:00');
    expect(msUntilReelsChange(10 * MIN + 2_000)).toBe(3_000);
    const over = clockReels(-(9 * MIN + 58_500));
    expect(reelsShow(over, over.timeMs + 1_000)).toBe('-9:59');
    expect(reelsShow(over, over.timeMs + 5_000)).toBe('-9:59');
    expect(msUntilReelsChange(-(9 * MIN + 58_500))).toBe(1_500);
    expect(shown(-(10 * MIN), 0)).toBe('-10:00');
  });

  it('lay the digits out as the text is: minutes, a colon, tens and ones of seconds; a sign once over', () => {
    const cells = (remaining: number) => clockReels(remaining).parts.map((part) => (typeof part === 'string' ? part : part.cells.join('')));
    expect(cells(4 * MIN + 59_000)).toEqual(['9876543210', ':', '543210', '9876543210']);
    expect(cells(25 * MIN)).toEqual(['9876543210', '9876543210', ':', '543210', '9876543210']);
    expect(cells(-61_000)).toEqual(['-', '0123456789', ':', '012345', '0123456789']);
    expect(clockReels(-(9 * MIN + 59_000)).key).toBe('up1');
    expect(clockReels(-(10 * MIN)).key).toBe('up2');
  });
});

describe('msUntilNextWake', () => {
  it('wakes at the next second shown, and sooner when the meeting clock reaches -0:01 between two', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(msUntilNextWake(c.session, T0 + 250)).toBe(msUntilNextTick(c.session, T0 + 250));
    // Paused for 600 ms: the step clock beats 600 ms after the meeting clock from then on.
    c.do({ type: 'pause' }, T0 + 1_400);
    c.do({ type: 'resume' }, T0 + 2_000);
    const s = c.session;
    const end = T0 + 30 * MIN;
    expect(meetingRemaining(s, end + 700)).toBe(-700);
    expect(msUntilNextTick(s, end + 700)).toBe(900);
    expect(msUntilNextWake(s, end + 700)).toBe(300);
    // Far from any change of shape, only the beat.
    expect(msUntilNextWake(s, T0 + 5 * MIN + 50)).toBe(msUntilNextTick(s, T0 + 5 * MIN + 50));
    expect(stepRemaining(s, end + 700) % 1_000).toBe(-100);
  });
});
