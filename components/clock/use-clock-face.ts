import { batch, effect, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { msUntilNextTick } from '../../utils/agenda/clock';
import { clockFace, type ClockFace, type PlanShown } from '../../utils/agenda/clock-face';
import type { TimeState } from '../../utils/agenda/pacing';
import { isStale, type Session } from '../../utils/session/session';
import { runClock, type TimerHost } from './run-clock';

/** One clock: its text (`m:ss`, `-m:ss` once over) and whether it is over. */
export interface ClockText {
  text: ReadonlySignal<string>;
  over: ReadonlySignal<boolean>;
}

export interface ClockSignals {
  step: ClockText;
  meeting: ClockText;
  state: ReadonlySignal<TimeState>;
  /** The plan to the minute; null until there is a session. */
  plan: ReadonlySignal<PlanShown | null>;
  /** The conversation was left long ago (isStale): it is no longer shown as running. */
  stale: ReadonlySignal<boolean>;
  /**
   * Which step of which conversation the face is of (`startedAt:current`), set in the same batch
   * as `state`: a reader of both never sees a new step with the last step's state.
   */
  stepKey: ReadonlySignal<string>;
}

/**
 * The clock face, each field in a signal of its own, and `show` to set them for a session at a
 * moment. A signal given the value it already holds tells no one, so a tick wakes only what
 * shows a changed value (the two clock texts), where a computed per field would wake every
 * reader of the clock each second to ask. A null session leaves the last values, which nothing shows.
 */
export function clockSignals(): { clock: ClockSignals; show: (session: Session | null, now: number) => void } {
  const clock = { step: clockText(), meeting: clockText(), state: signal<TimeState>('on-track'), plan: signal<PlanShown | null>(null), stale: signal(false), stepKey: signal('') };
  let last: ClockFace | null = null;
  const show = (session: Session | null, now: number) => {
    if (!session) return;
    const face = (last = clockFace(session, now, last));
    // One batch: readers run once, after every field is set.
    batch(() => {
      setClock(clock.step, face.step);
      setClock(clock.meeting, face.meeting);
      clock.state.value = face.state;
      clock.plan.value = face.plan;
      clock.stale.value = isStale(session, now);
      clock.stepKey.value = `${session.startedAt}:${session.current}`;
    });
  };
  return { clock, show };
}

/**
 * The clock face of `session`, kept by a clock of its own while `running` (keepClock). `host`:
 * see runClock.
 */
export function useClockFace(session: ReadonlySignal<Session | null>, running: ReadonlySignal<boolean>, host: TimerHost = globalThis as unknown as TimerHost): ClockSignals {
  // Filled in at once, not by the effect: that is armed after the first paint, and the first
  // paint must already show the right time.
  const { clock, show } = useMemo(() => {
    const made = clockSignals();
    made.show(session.peek(), Date.now());
    return made;
  }, []);
  useEffect(() => keepClock(session, running, show, host), []);
  return clock;
}

/**
 * Shows `session` with `show` now and at each tick while `running`, until the returned stop.
 * Each tick calls `show` directly: there is no `now` signal whose change would wake an effect to
 * read the session again and track what it read. A new session is shown at once and the clock
 * re-armed for its beat: a step moved on mid-second ticks on its own whole seconds from then on.
 */
export function keepClock(session: ReadonlySignal<Session | null>, running: ReadonlySignal<boolean>, show: (session: Session | null, now: number) => void, host: TimerHost): () => void {
  return effect(() => {
    show(session.value, Date.now());
    if (running.value) return runClock((now) => show(session.peek(), now), (now) => msUntilNextTick(session.peek(), now), host);
  });
}

const clockText = () => ({ text: signal(''), over: signal(false) });

function setClock(clock: ReturnType<typeof clockText>, text: string) {
  clock.text.value = text;
  clock.over.value = text.startsWith('-');
}
