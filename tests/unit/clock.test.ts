import { describe, expect, it } from 'vitest';
import { describeClock, formatClock } from '../../utils/clock';

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
