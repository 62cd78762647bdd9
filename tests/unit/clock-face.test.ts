/**
 * The clock face (utils/agenda/clock-face.ts): what the panel's clocks show at a moment, and the
 * plan, to the minute, held as the same object while it shows the same, so the panel redraws only
 * what changed.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { effect } from '@preact/signals';
import type { ClockView } from '../../components/clock/reels-view';
import { ClockText, clockSignals } from '../../components/clock/use-clock-face';
import { clockFace, planShownUntil, samePlanShown, showPlan, type ClockFace } from '../../utils/agenda/clock-face';
import { formatClock, meetingRemaining, stepRemaining } from '../../utils/agenda/clock';
import { elapsedInCurrent, plan, timeState } from '../../utils/agenda/pacing';
import type { Command } from '../../utils/session/session';
import { MIN, T0, conversation } from './conversation';

function started() {
  const c = conversation();
  c.do({ type: 'start', minutes: 30 }, T0);
  return c;
}

describe('clockFace', () => {
  it('shows what each part of the panel would work out on its own, at any moment of any conversation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1_000, max: 600_000 }), fc.integer({ min: 0, max: 40 * MIN }), fc.boolean(), (moves, gap, later, paused) => {
        const c = started();
        let at = T0;
        for (let i = 0; i < moves; i++) c.do({ type: 'next' }, (at += gap));
        if (paused) c.do({ type: 'pause' }, (at += 1_000));
        const s = c.session;
        const now = at + later;
        const face = clockFace(s, now);
        expect(face.step).toBe(formatClock(stepRemaining(s, now)));
        expect(face.meeting).toBe(formatClock(meetingRemaining(s, now)));
        expect(face.state).toBe(timeState(s.budgetMs[s.current]!, elapsedInCurrent(s, now)));
        expect(face.plan).toEqual(showPlan(plan(s, now)));
      }),
      { numRuns: 300 },
    );
  });

  it('never shows a held plan that differs from the plan worked out afresh, whatever face came before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1_000, max: 600_000 }), fc.array(fc.integer({ min: 0, max: 3 * MIN }), { minLength: 1, maxLength: 8 }), fc.boolean(), (moves, gap, steps, paused) => {
        const c = started();
        let at = T0;
        for (let i = 0; i < moves; i++) c.do({ type: 'next' }, (at += gap));
        if (paused) c.do({ type: 'pause' }, (at += 1_000));
        const s = c.session;
        let face: ClockFace | null = null;
        for (const step of steps) {
          const previous: ClockFace | null = face;
          face = clockFace(s, (at += step), previous);
          const fresh = showPlan(plan(s, at));
          expect(face.plan).toEqual(fresh);
          if (previous) expect(face.plan === previous.plan).toBe(samePlanShown(fresh, previous.plan));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('planShownUntil: up to that moment the plan shows exactly what it shows now, in any conversation, over time or paused', () => {
    const moves = fc.constantFrom<Command>({ type: 'next' }, { type: 'previous' }, { type: 'jump', index: 4 }, { type: 'pause' }, { type: 'resume' }, { type: 'add-minute' });
    fc.assert(
      fc.property(
        fc.constantFrom<30 | 45 | 60>(30, 45, 60),
        fc.constantFrom<'kickoff' | 'closing'>('kickoff', 'closing'),
        fc.array(fc.tuple(moves, fc.integer({ min: 1_000, max: 8 * MIN })), { maxLength: 8 }),
        fc.integer({ min: 0, max: 50 * MIN }),
        (minutes, template, commands, later) => {
          const c = conversation();
          c.do({ type: 'start', minutes, template }, T0);
          let at = T0;
          for (const [command, gap] of commands) c.try(command, (at += gap));
          const s = c.session;
          const now = at + later;
          const until = planShownUntil(s, now, plan(s, now));
          expect(until).toBeGreaterThanOrEqual(now);
          const shown = showPlan(plan(s, now));
          // Every second up to it, and its last millisecond.
          for (let t = now; t < Math.min(until, now + 20 * MIN); t += 1_000) expect(showPlan(plan(s, t))).toEqual(shown);
          if (until > now && until < Infinity) expect(showPlan(plan(s, until - 1))).toEqual(shown);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('works the plan out again a few times a minute, over budget or paused, not every second', () => {
    const c = started();
    const budget = c.session.budgetMs[0]!;
    let face: ClockFace = clockFace(c.session, T0 + budget + 1_000);
    const made = new Set([face.planned]);
    // The projected end's minute, the drift's (half a minute apart) and a step's minutes: 300 ticks.
    for (let t = budget + 2_000; t <= budget + 5 * MIN; t += 1_000) made.add((face = clockFace(c.session, T0 + t, face)).planned);
    expect(made.size).toBeLessThanOrEqual(20);

    c.do({ type: 'pause' }, T0 + budget + 5 * MIN);
    face = clockFace(c.session, T0 + budget + 5 * MIN);
    made.clear();
    for (let t = budget + 5 * MIN; t <= budget + 10 * MIN; t += 1_000) made.add((face = clockFace(c.session, T0 + t, face)).planned);
    expect(made.size).toBeLessThanOrEqual(20);
    expect(face.plan).toEqual(showPlan(plan(c.session, T0 + budget + 10 * MIN)));
  });

  it('keeps the same plan object tick after tick while the step runs within its budget', () => {
    const c = started();
    const s = c.session;
    let face = clockFace(s, T0 + 1_000);
    const first = face.plan;
    for (let t = 2_000; t < 60_000; t += 1_000) {
      face = clockFace(s, T0 + t, face);
      expect(face.plan).toBe(first);
    }
    expect(face.step).toBe(formatClock(stepRemaining(s, T0 + 59_000)));
  });

  it('over budget or paused, makes a new plan only when what it shows changes: about once a minute', () => {
    const c = started();
    const s = c.session;
    const within = clockFace(s, T0 + 1_000);
    let face = within;
    const plans = new Set([face.plan]);
    const budget = s.budgetMs[0]!;
    // Two minutes over the step's budget, a tick a second: the projected end moves a minute a minute.
    for (let t = budget + 1_000; t <= budget + 2 * MIN; t += 1_000) plans.add((face = clockFace(s, T0 + t, face)).plan);
    expect(face.plan).toEqual(showPlan(plan(s, T0 + budget + 2 * MIN)));
    expect(face.plan.projectedEnd).toBeGreaterThanOrEqual(within.plan.projectedEnd + 2 * MIN);
    // Each change is something shown: the projected end's minute, the drift, a step's minutes.
    expect(plans.size).toBeGreaterThanOrEqual(3);
    expect(plans.size).toBeLessThan(20);

    c.do({ type: 'next' }, T0 + 2 * MIN);
    const next = clockFace(c.session, T0 + 2 * MIN + 1_000, within);
    expect(next.plan).toEqual(showPlan(plan(c.session, T0 + 2 * MIN + 1_000)));

    c.do({ type: 'pause' }, T0 + 3 * MIN);
    const pausedA = clockFace(c.session, T0 + 4 * MIN, next);
    const pausedB = clockFace(c.session, T0 + 4 * MIN + 1_000, pausedA);
    const pausedC = clockFace(c.session, T0 + 5 * MIN, pausedB);
    expect(pausedC.plan.projectedEnd).toBe(pausedA.plan.projectedEnd + MIN);
    expect(pausedC.plan).not.toBe(pausedA.plan);
  });

  it('does not hold a plan made before the step started running (a clock a little behind the stored start)', () => {
    const c = started();
    const s = c.session;
    const early = clockFace(s, T0 - 500);
    const onTime = clockFace(s, T0 + 1_000, early);
    expect(early.planned.until).toBe(early.planned.at);
    expect(onTime.planned).not.toBe(early.planned);
    expect(onTime.plan).toEqual(showPlan(plan(s, T0 + 1_000)));
    expect(clockFace(s, T0 + 2_000, onTime).plan).toBe(onTime.plan);
  });
});

describe('clockSignals: what a tick wakes in the panel', () => {
  /** A view of a clock, as reelsView is: it counts the texts it is given and keeps the last. */
  function shownIn() {
    let text = '';
    let writes = 0;
    let moving = false;
    const view: ClockView = {
      show(next, _remainingMs, running) {
        if (next !== text) writes++;
        text = next;
        moving = running;
      },
      dispose() {},
    };
    return { view, writes: () => writes, shows: () => text, moving: () => moving };
  }

  /**
   * Counts each signal's readers being woken, as a text binding or a component would be, and
   * each clock's text written into the element that shows it.
   */
  function watched() {
    const { clock, show } = clockSignals();
    const woken: Record<string, number> = {};
    const watch = (name: string, read: () => unknown) =>
      effect(() => {
        read();
        woken[name] = (woken[name] ?? 0) + 1;
      });
    const into = { step: shownIn(), meeting: shownIn() };
    clock.step.showIn(into.step.view);
    clock.meeting.showIn(into.meeting.view);
    const stops = [
      watch('stepOver', () => clock.step.over.value),
      watch('meetingOver', () => clock.meeting.over.value),
      watch('state', () => clock.state.value),
      watch('plan', () => clock.plan.value),
      watch('stale', () => clock.stale.value),
    ];
    let writesBefore = { step: 0, meeting: 0 };
    const written = () => ({ step: into.step.writes() - writesBefore.step, meeting: into.meeting.writes() - writesBefore.meeting });
    const reset = () => {
      Object.keys(woken).forEach((name) => (woken[name] = 0));
      writesBefore = { step: into.step.writes(), meeting: into.meeting.writes() };
    };
    return { clock, show, woken, written, into, reset, stop: () => stops.forEach((stop) => stop()) };
  }

  it('wakes only the two clock texts on a tick within the step, and the rest only when it changes', () => {
    const c = started();
    const s = c.session;
    const w = watched();
    w.show(s, T0 + 1_000, true);
    w.reset();
    for (let t = 2_000; t <= 20_000; t += 1_000) w.show(s, T0 + t, true);
    expect(w.written()).toEqual({ step: 19, meeting: 19 });
    expect(w.woken).toEqual({ stepOver: 0, meetingOver: 0, state: 0, plan: 0, stale: 0 });
    expect(w.into.step.shows()).toBe(formatClock(stepRemaining(s, T0 + 20_000)));
    expect(w.into.meeting.shows()).toBe(formatClock(meetingRemaining(s, T0 + 20_000)));

    // Past the last minute: the state moves, once.
    const budget = s.budgetMs[0]!;
    w.reset();
    w.show(s, T0 + budget - MIN + 500, true);
    w.show(s, T0 + budget - MIN + 1_500, true);
    expect(w.woken.state).toBe(1);
    expect(w.clock.state.value).toBe('last-minute');

    // Over: the step clock says so once. The plan moves every second from then on, but what it
    // shows, to the minute, changes only a few times a minute, and only that wakes its readers.
    w.reset();
    for (let t = budget + 1_000; t <= budget + MIN; t += 1_000) w.show(s, T0 + t, true);
    expect(w.woken.stepOver).toBe(1);
    expect(w.clock.step.over.value).toBe(true);
    expect(w.written().step).toBe(60);
    expect(w.into.step.shows()).toMatch(/^-/);
    expect(w.woken.plan).toBeGreaterThanOrEqual(1);
    expect(w.woken.plan).toBeLessThanOrEqual(6);
    expect(w.woken.meetingOver).toBe(0);
    w.stop();
  });

  it('stands the step clock still while its step is paused, the meeting clock moving on; and both once the conversation stops', () => {
    const c = started();
    const w = watched();
    w.show(c.session, T0 + 5_000, true);
    expect([w.into.step.moving(), w.into.meeting.moving()]).toEqual([true, true]);
    c.do({ type: 'pause' }, T0 + 6_000);
    w.show(c.session, T0 + 7_000, true);
    expect([w.into.step.moving(), w.into.meeting.moving()]).toEqual([false, true]);
    w.show(c.session, T0 + 8_000, false);
    expect([w.into.step.moving(), w.into.meeting.moving()]).toEqual([false, false]);
    w.stop();
  });

  it('never shows a new step with the time state of the step before: the step and its state change together', () => {
    const c = started();
    const { clock, show } = clockSignals();
    const seen: string[] = [];
    const stop = effect(() => {
      seen.push(`${clock.stepKey.value} ${clock.state.value}`);
    });
    const overAt = T0 + c.session.budgetMs[0]! + 5_000;
    show(c.session, overAt, true);
    c.do({ type: 'next' }, overAt + 1_000);
    show(c.session, overAt + 1_000, true);
    stop();
    expect(seen.slice(1)).toEqual([`${T0}:0 over`, `${T0}:1 on-track`]);
  });

  it('marks a conversation left long ago as stale, and a missing session leaves what was shown', () => {
    const c = started();
    const w = watched();
    w.show(c.session, T0 + MIN, true);
    expect(w.clock.stale.value).toBe(false);
    w.show(c.session, T0 + 24 * 60 * MIN, true);
    expect(w.clock.stale.value).toBe(true);
    const text = w.clock.meeting.text;
    w.reset();
    w.show(null, T0 + 25 * 60 * MIN, true);
    expect(w.clock.meeting.text).toBe(text);
    expect(w.written()).toEqual({ step: 0, meeting: 0 });
    expect(Object.values(w.woken).every((n) => n === 0)).toBe(true);
    w.stop();
  });
});

describe('ClockText: a clock, shown by each view given it', () => {
  /** A view that keeps what it was last told. */
  function view() {
    const last = { text: '', remainingMs: 0, running: false, calls: 0 };
    const shows: ClockView = {
      show(text, remainingMs, running) {
        Object.assign(last, { text, remainingMs, running, calls: last.calls + 1 });
      },
      dispose() {},
    };
    return { shows, last };
  }

  it('shows the clock at once in a view given it, and each new time from then on, until stopped', () => {
    const clock = new ClockText();
    clock.set('4:00', 240_000, false);
    const first = view();
    const stop = clock.showIn(first.shows);
    expect(first.last).toMatchObject({ text: '4:00', remainingMs: 240_000, running: false });
    const second = view();
    clock.showIn(second.shows);
    clock.set('3:59', 239_000, true);
    expect([first.last.text, second.last.text]).toEqual(['3:59', '3:59']);
    stop();
    clock.set('3:58', 238_000, true);
    expect([first.last.text, second.last.text]).toEqual(['3:59', '3:58']);
  });

  it('gives a view that comes after the tick, or a tick that reaches it late, the running time as it is then, and a stopped one as it was', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const clock = new ClockText();
      clock.set('4:00', 240_000, true);
      vi.setSystemTime(Date.now() + 30); // the first render, after the tick
      const late = view();
      clock.showIn(late.shows);
      expect(late.last).toMatchObject({ text: '4:00', remainingMs: 239_970, running: true });
      // A tick that took 25 ms to reach the clock: its views are given the time as it is now.
      clock.set('3:59', 239_000, true, Date.now() - 25);
      expect(late.last).toMatchObject({ text: '3:59', remainingMs: 238_975 });
      clock.set('3:50', 230_000, false);
      vi.setSystemTime(Date.now() + 5_000);
      const paused = view();
      clock.showIn(paused.shows);
      expect(paused.last).toMatchObject({ text: '3:50', remainingMs: 230_000, running: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells its views when it stops moving with the same text, so a paused clock stands still', () => {
    const clock = new ClockText();
    const shown = view();
    clock.showIn(shown.shows);
    clock.set('2:10', 130_000, true);
    clock.set('2:10', 129_600, false);
    expect(shown.last).toMatchObject({ text: '2:10', remainingMs: 129_600, running: false });
  });

  it('says it is over from the first negative second, once', () => {
    const clock = new ClockText();
    let woken = 0;
    const stop = effect(() => {
      clock.over.value;
      woken++;
    });
    clock.set('0:01', 1_000, true);
    clock.set('0:00', 0, true);
    clock.set('-0:01', -1_000, true);
    clock.set('-0:02', -2_000, true);
    stop();
    expect(clock.over.value).toBe(true);
    expect(woken).toBe(2);
  });
});
