import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../utils/agenda/agenda';
import fc from 'fast-check';
import { WRAP_UP_FLOOR_MS, aheadSharesHold, floorMs, plan, planHoldsStill, shareOut, timeState } from '../../utils/agenda/pacing';
import { MIN, T0, conversation } from './conversation';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** The planned minutes of a 30-minute Kickoff: 2, 3, 4, 7, 7, 4, 3. */
const KICKOFF_30 = buildAgenda('kickoff', 30).map((step) => step.minutes);

describe('sharing time out', () => {
  it('gives each step its want when there is exactly enough', () => {
    expect(shareOut([4, 6], [1, 1], 10)).toEqual([4, 6]);
  });

  it('scales in proportion when there is less or more', () => {
    expect(shareOut([4, 6], [1, 1], 5)).toEqual([2, 3]);
    expect(shareOut([4, 6], [1, 1], 20)).toEqual([8, 12]);
  });

  it('keeps floors, sharing the rest among the others', () => {
    // 10% of 12 would leave the first step under its floor of 2.
    expect(shareOut([1, 9], [2, 1], 6)).toEqual([2, 4]);
  });

  it('gives every step its floor when even the floors do not fit', () => {
    expect(shareOut([5, 5], [1, 3], 2)).toEqual([1, 3]);
    expect(shareOut([5, 5], [1, 3], -10)).toEqual([1, 3]);
  });

  it('shares evenly when every step has used its plan', () => {
    expect(shareOut([0, 0], [1, 1], 6)).toEqual([3, 3]);
  });

  it('never hands out more than there is, above the floors', () => {
    for (const available of [0, 3, 7.5, 11, 40]) {
      const shares = shareOut([3, 1, 7, 2], [1, 1, 1, 3], available);
      expect(sum(shares)).toBeCloseTo(Math.max(available, 6));
    }
  });
});

describe('the plan over a whole conversation', () => {
  it('at the start, every step has its planned minutes and the meeting ends on time', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    const p = plan(c.session, T0);
    expect(p.budgetsMs).toEqual(KICKOFF_30.map((m) => m * MIN));
    expect(p.projectedEnd).toBe(T0 + 30 * MIN);
    expect(p.driftMs).toBe(0);
  });

  it('within its budget, the current step changes nothing ahead', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(plan(c.session, T0 + 90_000).budgetsMs).toEqual(plan(c.session, T0).budgetsMs);
    expect(plan(c.session, T0 + 90_000).driftMs).toBe(0);
  });

  it('an overrun shrinks every step ahead in proportion and shows the projected end moving late', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    // Welcome was planned for 2 minutes and is still going at 6.
    const p = plan(c.session, T0 + 6 * MIN);
    const ahead = p.budgetsMs.slice(1);
    expect(sum(ahead)).toBe(24 * MIN);
    // Wrap-up, planned at its 3-minute floor, keeps it; the others shrink.
    expect(p.budgetsMs[6]).toBe(WRAP_UP_FLOOR_MS);
    for (const [i, ms] of ahead.slice(0, 5).entries()) expect(ms).toBeLessThan(KICKOFF_30[i + 1]! * MIN);
    // In proportion: the two 7-minute steps stay equal and the 4-minute one keeps its ratio.
    expect(ahead[2]).toBe(ahead[3]);
    expect(ahead[1]! / ahead[2]!).toBeCloseTo(4 / 7, 2);
    expect(p.projectedEnd).toBe(T0 + 6 * MIN + 28 * MIN);
    expect(p.driftMs).toBe(4 * MIN);
  });

  it('the shrunk budget is what the next step gets on entry', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    const before = c.session;
    const expected = plan(before, T0 + 6 * MIN).budgetsMs[1]!;
    c.do({ type: 'next' }, T0 + 6 * MIN);
    expect(c.session.budgetMs[1]).toBe(expected);
    // Moving on does not reshuffle the rest: the plan ahead stays as it was shown.
    expect(plan(c.session, T0 + 6 * MIN).budgetsMs.slice(2)).toEqual(plan(before, T0 + 6 * MIN).budgetsMs.slice(2));
  });

  it('wrap-up keeps three minutes however late the meeting runs', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    const p = plan(c.session, T0 + 29 * MIN);
    expect(p.budgetsMs[6]).toBe(3 * MIN);
    expect(p.budgetsMs.slice(1, 6).every((ms) => ms === MIN)).toBe(true);
    expect(floorMs(c.session.agenda, 6)).toBe(3 * MIN);
  });

  it('moving on early hands the saved time to the steps ahead', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'next' }, T0 + 30_000); // 90 s saved on Welcome
    const p = plan(c.session, T0 + 30_000);
    expect(c.session.budgetMs[1]).toBeGreaterThan(3 * MIN);
    expect(sum(p.budgetsMs.slice(1))).toBe(30 * MIN - 30_000);
    for (const [i, ms] of p.budgetsMs.slice(2).entries()) expect(ms).toBeGreaterThan(KICKOFF_30[i + 2]! * MIN);
  });

  it('a pause stops the step clock but not the meeting: the time paused comes out of the steps ahead', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'pause' }, T0 + MIN);
    const p = plan(c.session, T0 + 5 * MIN);
    expect(p.budgetsMs[0]).toBe(2 * MIN);
    // 4 minutes paused: the current step still has its minute, the rest share 30 - 5 - 1.
    expect(sum(p.budgetsMs.slice(1))).toBe(24 * MIN);
    expect(p.driftMs).toBe(4 * MIN);
  });

  it('going back to a finished step gives it a fair share, not its whole plan again', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'next' }, T0 + 2 * MIN);
    c.do({ type: 'next' }, T0 + 5 * MIN);
    c.do({ type: 'next' }, T0 + 9 * MIN); // on the goals step, exactly on time
    c.do({ type: 'jump', index: 1 }, T0 + 10 * MIN); // back to context, which used its 3 minutes
    const budget = c.session.budgetMs[1]!;
    // Its plan is used up, so it gets its floor on top of what it spent.
    expect(budget).toBe(3 * MIN + MIN);
    const p = plan(c.session, T0 + 10 * MIN);
    // Every step after it is ahead again and shares the rest; the goals step keeps credit for its minute.
    expect(sum(p.budgetsMs.slice(2))).toBe(30 * MIN - 10 * MIN - MIN);
    expect(p.budgetsMs[0]).toBe(2 * MIN);
  });

  it('Add one minute extends the current step and takes it from the steps ahead', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'add-minute' }, T0 + MIN);
    const p = plan(c.session, T0 + MIN);
    expect(p.budgetsMs[0]).toBe(3 * MIN);
    expect(sum(p.budgetsMs.slice(1))).toBe(27 * MIN);
    expect(p.driftMs).toBe(MIN);
  });

  it('a whole conversation that overruns early and catches up ends on time', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    let at = T0 + 5 * MIN; // Welcome 3 minutes over
    c.do({ type: 'next' }, at);
    // Every later step keeps exactly to its adjusted budget.
    for (let i = 1; i < 6; i++) {
      at += c.session.budgetMs[i]!;
      c.do({ type: 'next' }, at);
    }
    expect(at + c.session.budgetMs[6]!).toBeCloseTo(T0 + 30 * MIN, -3);
    expect(plan(c.session, at).driftMs).toBeLessThanOrEqual(1_000);
  });
});

describe('the step’s time state', () => {
  it.each([
    [10 * MIN, 0, 'on-track'],
    [10 * MIN, 4 * MIN, 'on-track'],
    [10 * MIN, 5 * MIN, 'half-used'],
    [10 * MIN, 9 * MIN - 1, 'half-used'],
    [10 * MIN, 9 * MIN, 'last-minute'],
    [10 * MIN, 10 * MIN - 1, 'last-minute'],
    [10 * MIN, 10 * MIN, 'over'],
    [10 * MIN, 30 * MIN, 'over'],
    // A short step goes straight from on track to its last minute.
    [MIN + 30_000, 20_000, 'on-track'],
    [MIN + 30_000, 40_000, 'last-minute'],
  ] as const)('budget %i ms, %i ms in: %s', (budget, elapsed, state) => {
    expect(timeState(budget, elapsed)).toBe(state);
  });
});

describe('planHoldsStill: the panel reuses the plan while it cannot move', () => {
  it('is the same plan at every moment the step runs within its budget, and moves once it is over or paused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1_000, max: 400_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (moves, gap, a, b) => {
        const c = conversation();
        c.do({ type: 'start', minutes: 30 }, T0);
        let at = T0;
        for (let i = 0; i < moves; i++) c.do({ type: 'next' }, (at += gap));
        const s = c.session;
        const budget = s.budgetMs[s.current]! - (s.spentMs[s.current] ?? 0);
        const t1 = Math.floor(at + a * budget);
        const t2 = Math.floor(at + b * budget);
        expect(planHoldsStill(s, t1) && planHoldsStill(s, t2)).toBe(true);
        expect(plan(s, t1)).toEqual(plan(s, t2));
        const over = at + budget + 1 + Math.floor(a * 60_000);
        expect(planHoldsStill(s, over)).toBe(false);
        expect(plan(s, over + 1_000).projectedEnd).toBeGreaterThan(plan(s, over).projectedEnd);
      }),
      { numRuns: 300 },
    );
  });

  it('does not hold while paused: the meeting runs on', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'pause' }, T0 + MIN);
    expect(planHoldsStill(c.session, T0 + 2 * MIN)).toBe(false);
  });
});

describe('aheadSharesHold: how long the steps ahead keep their shares, to what is shown', () => {
  /** Shares shown to the whole minute, as the agenda rounds them. */
  const toMinuteShown = (share: number) => Math.max(MIN, (Math.round(share / MIN) - 0.5) * MIN);
  const aheadShown = (s: ReturnType<typeof conversation>['session'], at: number) => plan(s, at).budgetsMs.slice(s.current + 1).map((ms) => Math.round(ms / MIN));

  it('holds exactly until a step ahead shows a minute less, over budget and paused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 * MIN }), fc.boolean(), (over, paused) => {
        const c = conversation();
        c.do({ type: 'start', minutes: 30 }, T0);
        const budget = c.session.budgetMs[0]!;
        if (paused) c.do({ type: 'pause' }, T0 + MIN);
        const s = c.session;
        const now = T0 + budget + over;
        const hold = aheadSharesHold(s, now, toMinuteShown);
        if (hold === Infinity) {
          // Every step ahead is at its floor, or will get there still showing what it shows.
          expect(aheadShown(s, now + 60 * MIN)).toEqual(aheadShown(s, now));
          return;
        }
        expect(aheadShown(s, now + hold)).toEqual(aheadShown(s, now));
        // Not a guess on the safe side: the step changes within a few milliseconds of it.
        expect(aheadShown(s, now + hold + 3)).not.toEqual(aheadShown(s, now));
      }),
      { numRuns: 300 },
    );
  });

  it('is endless once every step ahead sits at its floor', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(aheadSharesHold(c.session, T0 + 40 * MIN, toMinuteShown)).toBe(Infinity);
  });
});
