import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeClock, formatClock, meetingRemaining, msUntilNextTick, stepRemaining } from '../../utils/agenda/clock';
import type { Session } from '../../utils/session/session';
import { T0, conversation } from './conversation';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1_000, '0:01'],
    [1_001, '0:02'],
    [59_999, '1:00'],
    [90_000, '1:30'],
    [30 * 60_000, '30:00'],
    [75 * 60_000, '75:00'],
    [-1, '0:00'],
    [-999, '0:00'],
    [-1_000, '-0:01'],
    [-61_000, '-1:01'],
    [-10 * 60_000, '-10:00'],
  ])('%i ms shows %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it('never shows a negative zero', () => {
    for (let ms = -2_000; ms <= 2_000; ms += 7) expect(formatClock(ms)).not.toBe('-0:00');
  });
});

describe('describeClock', () => {
  it.each([
    [90_000, '1 min 30 s left'],
    [120_000, '2 min left'],
    [5_000, '5 s left'],
    [0, '0 s left'],
    [-65_000, '1 min 5 s over'],
  ])('%i ms reads "%s"', (ms, words) => {
    expect(describeClock(ms)).toBe(words);
  });
});

describe('msUntilNextTick: the panel wakes when a clock it shows changes, once a second', () => {
  const shown = (s: Session, at: number) => [formatClock(stepRemaining(s, at)), formatClock(meetingRemaining(s, at))];

  it('is exactly when the visible clock changes, for running and paused steps, before and after time is up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 4_000_000 }),
        (moveAt, moves, pause, later) => {
          const c = conversation();
          c.do({ type: 'start', minutes: 30 }, T0);
          let at = T0;
          for (let i = 0; i < moves; i++) c.do({ type: 'next' }, (at += moveAt / (moves + 1)));
          if (pause) c.do({ type: 'pause' }, (at += 777));
          const now = at + later;
          const s = c.session;
          const delay = msUntilNextTick(s, now);
          expect(delay).toBeGreaterThan(0);
          expect(delay).toBeLessThanOrEqual(1000);
          // The clock that drives the tick: the step's while it runs, the meeting's while paused.
          const clock = (t: number) => shown(s, t)[pause ? 1 : 0];
          expect(clock(now + delay - 1)).toBe(clock(now));
          expect(clock(now + delay)).not.toBe(clock(now));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps both clocks moving each second: a wake a second apart always shows new text in both', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'next' }, T0 + 61_234);
    let now = T0 + 100_000;
    for (let i = 0; i < 120; i++) {
      const next = now + msUntilNextTick(c.session, now);
      const [stepBefore, meetingBefore] = shown(c.session, now);
      const [stepAfter, meetingAfter] = shown(c.session, next + 1);
      expect(stepAfter).not.toBe(stepBefore);
      if (i > 0) expect(meetingAfter).not.toBe(meetingBefore);
      now = next + 1;
    }
  });

  it('without a conversation, wakes on the wall clock’s second', () => {
    expect(msUntilNextTick(null, 1_000_250)).toBe(750);
    expect(msUntilNextTick(null, 1_000_000)).toBe(1000);
  });
});
