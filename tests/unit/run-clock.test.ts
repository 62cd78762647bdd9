/**
 * The panel's clock (components/clock/run-clock.ts): woken once for each change of the text a
 * coach sees, and right at once after the tab was hidden or the machine slept. Time is moved with
 * fake timers and a fake host document, never waited for.
 */
import { computed, effect, signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runClock, type TimerHost } from '../../components/clock/run-clock';
import { clockSignals, keepClock } from '../../components/clock/use-clock-face';
import type { Session } from '../../utils/session/session';
import { formatClock, meetingRemaining, msUntilNextTick, stepRemaining } from '../../utils/agenda/clock';
import { MIN, T0, conversation } from './conversation';

/** A window whose document can be hidden and shown, and which counts the timers it is asked for. */
function fakeHost() {
  const events = new EventTarget();
  const document = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  const counts = { set: 0, cleared: 0 };
  const host = {
    setTimeout: (handler: () => void, ms: number) => (counts.set++, setTimeout(handler, ms)),
    clearTimeout: (id: number) => (counts.cleared++, clearTimeout(id)),
    document,
  } as unknown as TimerHost;
  const show = (state: DocumentVisibilityState) => {
    document.visibilityState = state;
    events.dispatchEvent(new Event('visibilitychange'));
  };
  return { host, counts, show };
}

/** A started conversation, its clock running as the panel runs it, and what the panel would show. */
function panelClock() {
  const c = conversation();
  c.do({ type: 'start', minutes: 30 }, Date.now());
  const session = c.session;
  const now = signal(Date.now());
  const { host, counts, show } = fakeHost();
  const shown = computed(() => formatClock(stepRemaining(session, now.value)));
  const meeting = computed(() => formatClock(meetingRemaining(session, now.value)));
  const changes: string[] = [];
  const stopWatching = effect(() => void changes.push(shown.value));
  // Run inside an effect, as useClockFace runs it: the clock must not make its own effect re-run.
  let runs = 0;
  const stop = effect(() => {
    runs++;
    return runClock((at) => (now.value = at), (at) => msUntilNextTick(session, at), host);
  });
  const truth = () => formatClock(stepRemaining(session, Date.now()));
  return { session, now, shown, meeting, changes, counts, show, truth, runs: () => runs, stop: () => (stop(), stopWatching()) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0 + 123); // not on a whole second, as a real start never is
});
afterEach(() => vi.useRealTimers());

describe('runClock', () => {
  it('wakes once for each second the clocks show, with both clocks moving each time', () => {
    const clock = panelClock();
    const meetings = [clock.meeting.value];
    for (let i = 0; i < 90; i++) {
      vi.advanceTimersToNextTimer();
      meetings.push(clock.meeting.value);
      expect(clock.shown.value).toBe(clock.truth());
    }
    expect(clock.changes).toHaveLength(91); // the first text and 90 changes: one per wake, none missed
    expect(new Set(clock.changes).size).toBe(91);
    expect(new Set(meetings).size).toBe(91);
    expect(Date.now() - T0).toBeGreaterThan(89_000);
    expect(Date.now() - T0).toBeLessThan(91_000);
    expect(clock.counts.set).toBe(91); // one timer per tick: the effect around it never re-arms it
    expect(clock.counts.cleared).toBe(0);
    expect(clock.runs()).toBe(1);
    clock.stop();
  });

  it('shows the right time at once when its tab is shown again, without waiting for the throttled timer', () => {
    const clock = panelClock();
    vi.advanceTimersToNextTimer();
    clock.show('hidden');
    // Hidden, Chrome throttles the page's timers to once a minute or less: none fires here.
    vi.setSystemTime(Date.now() + 7 * MIN + 321);
    expect(clock.shown.value).not.toBe(clock.truth());
    clock.show('visible');
    expect(clock.now.value).toBe(Date.now());
    expect(clock.shown.value).toBe(clock.truth());
    // And it keeps the beat from there: the next wake is the next change, not a second later.
    const before = clock.shown.value;
    vi.advanceTimersToNextTimer();
    expect(clock.shown.value).not.toBe(before);
    expect(clock.shown.value).toBe(clock.truth());
    const intoSecond = ((stepRemaining(clock.session, Date.now()) % 1000) + 1000) % 1000;
    expect(intoSecond).toBeGreaterThan(1000 - 10); // just past the change
    clock.stop();
  });

  it('shows the right time after the machine slept: the late timer reads the clock, it does not count ticks', () => {
    const clock = panelClock();
    for (let i = 0; i < 3; i++) vi.advanceTimersToNextTimer();
    vi.setSystemTime(Date.now() + 25 * MIN + 456); // asleep: the clock moved, no timer ran
    vi.advanceTimersToNextTimer(); // the one pending timer, run on waking
    expect(clock.shown.value).toBe(clock.truth());
    expect(clock.shown.value.startsWith('-')).toBe(true); // the step's time ran out while asleep
    for (let i = 0; i < 5; i++) {
      const before = clock.shown.value;
      vi.advanceTimersToNextTimer();
      expect(clock.shown.value).not.toBe(before);
      expect(clock.shown.value).toBe(clock.truth());
    }
    clock.stop();
  });

  it('stops: no timer left, and a hidden-then-shown tab no longer moves the clock', () => {
    const clock = panelClock();
    clock.stop();
    expect(vi.getTimerCount()).toBe(0);
    const at = clock.now.value;
    vi.setSystemTime(Date.now() + MIN);
    clock.show('visible');
    expect(clock.now.value).toBe(at);
  });
});

describe('keepClock: the clock face kept by its own clock', () => {
  function kept() {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, Date.now());
    const session = signal<Session | null>(c.session);
    const running = signal(true);
    const { clock, show } = clockSignals();
    const { host, counts } = fakeHost();
    const stop = keepClock(session, running, show, host);
    const truth = () => formatClock(stepRemaining(session.value!, Date.now()));
    return { c, session, running, clock, counts, stop, truth };
  }

  it('shows each second as it comes, one timer a tick', () => {
    const k = kept();
    for (let i = 0; i < 30; i++) {
      vi.advanceTimersToNextTimer();
      expect(k.clock.step.text).toBe(k.truth());
    }
    expect(k.counts.set).toBe(31);
    expect(k.counts.cleared).toBe(0);
    k.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows a new session at once, and ticks on that step’s own whole seconds from then on', () => {
    const k = kept();
    vi.advanceTimersToNextTimer();
    vi.setSystemTime(Date.now() + 437); // mid-second, between two ticks of the old step
    k.c.do({ type: 'next' }, Date.now());
    k.session.value = k.c.session;
    expect(k.clock.step.text).toBe(k.truth());
    expect(k.clock.stepKey.value).toBe(`${k.c.session.startedAt}:1`);
    const before = k.clock.step.text;
    vi.advanceTimersToNextTimer();
    expect(k.clock.step.text).not.toBe(before);
    expect(k.clock.step.text).toBe(k.truth());
    const intoSecond = ((stepRemaining(k.c.session, Date.now()) % 1000) + 1000) % 1000;
    expect(intoSecond).toBeGreaterThan(1000 - 10); // just past the new step's change
    k.stop();
  });

  it('stops ticking when the conversation stops running, and shows its last face', () => {
    const k = kept();
    vi.advanceTimersToNextTimer();
    k.running.value = false;
    expect(vi.getTimerCount()).toBe(0);
    const shown = k.clock.step.text;
    vi.setSystemTime(Date.now() + MIN);
    expect(k.clock.step.text).toBe(shown);
    k.stop();
  });
});
