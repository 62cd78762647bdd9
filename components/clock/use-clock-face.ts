import { batch, effect, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { msUntilNextWake } from '../../utils/agenda/clock-reels';
import { clockFace, type ClockFace, type PlanShown } from '../../utils/agenda/clock-face';
import type { TimeState } from '../../utils/agenda/pacing';
import { isStale, type Session } from '../../utils/session/session';
import type { ClockView } from './reels-view';
import { runClock, type TimerHost } from './run-clock';

/**
 * One clock: its text (`m:ss`, `-m:ss` once over), shown by the views given it (reelsView), and
 * whether it is over. The text is not a signal: it changes every second, and a signal would wake
 * an effect per view each time. A view is told the time left too, and whether it moves: a running
 * clock turns by itself on the compositor, and its view only checks it at each tick. Whether it
 * is over changes a few times a step, and styles follow it: a signal.
 */
export class ClockText {
  private shown = '';
  private remainingMs = 0;
  private at = 0;
  private running = false;
  private readonly into = new Set<ClockView>();
  readonly over = signal(false);

  get text(): string {
    return this.shown;
  }

  /** `remainingMs` is the time left at `at` (the tick's wall clock). */
  set(text: string, remainingMs: number, running: boolean, at: number = Date.now()): void {
    this.shown = text;
    this.remainingMs = remainingMs;
    this.at = at;
    this.running = running;
    for (const view of this.into) view.show(text, this.remainingNow(), running);
    this.over.value = text.startsWith('-');
  }

  /**
   * A running clock's time left as of this moment, not of its tick: a view sets its reels against
   * its own clock now, and the first render, or a pause in between, would leave them that late.
   */
  private remainingNow(): number {
    return this.running ? this.remainingMs - (Date.now() - this.at) : this.remainingMs;
  }

  /** Shows the clock in `view` from now on, until the returned stop. */
  showIn(view: ClockView): () => void {
    view.show(this.shown, this.remainingNow(), this.running);
    this.into.add(view);
    return () => this.into.delete(view);
  }
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
 * The clock face, each field in a signal of its own but the clocks' texts (ClockText), and `show`
 * to set them for a session at a moment, `running` or stood still (a finished conversation). A
 * signal given the value it already holds tells no one, so a tick wakes no reader: it hands the
 * two clocks their time, where a computed per field would wake every reader of the clock each
 * second to ask. A null session leaves the last values, which nothing shows.
 */
export function clockSignals(): { clock: ClockSignals; show: Show } {
  const clock = { step: new ClockText(), meeting: new ClockText(), state: signal<TimeState>('on-track'), plan: signal<PlanShown | null>(null), stale: signal(false), stepKey: signal('') };
  let last: ClockFace | null = null;
  let shownFor: Session | null = null;
  const show: Show = (session, now, running) => {
    if (!session) return;
    const face = (last = clockFace(session, now, last));
    const stale = isStale(session, now);
    // The step clock stands while the step is paused; the meeting's runs on the wall clock.
    const setClocks = () => {
      clock.step.set(face.step, face.stepMs, running && session.runningSince !== null, now);
      clock.meeting.set(face.meeting, face.meetingMs, running, now);
    };
    if (session === shownFor && face.state === clock.state.peek() && face.plan === clock.plan.peek() && stale === clock.stale.peek()) {
      // A tick, most of the time: only the clocks move.
      setClocks();
      return;
    }
    shownFor = session;
    // One batch: readers run once, after every field is set.
    batch(() => {
      setClocks();
      clock.state.value = face.state;
      clock.plan.value = face.plan;
      clock.stale.value = stale;
      clock.stepKey.value = `${session.startedAt}:${session.current}`;
    });
  };
  return { clock, show };
}

type Show = (session: Session | null, now: number, running: boolean) => void;

/**
 * The clock face of `session`, kept by a clock of its own while `running` (keepClock). `host`:
 * see runClock.
 */
export function useClockFace(session: ReadonlySignal<Session | null>, running: ReadonlySignal<boolean>, host: TimerHost = globalThis as unknown as TimerHost): ClockSignals {
  // Filled in at once, not by the effect: that is armed after the first paint, and the first
  // paint must already show the right time.
  const { clock, show } = useMemo(() => {
    const made = clockSignals();
    made.show(session.peek(), Date.now(), running.peek());
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
 * It wakes too when a clock's reels change shape (msUntilNextWake), so a clock reaching 0:00 shows
 * -0:01 on time.
 */
export function keepClock(session: ReadonlySignal<Session | null>, running: ReadonlySignal<boolean>, show: Show, host: TimerHost): () => void {
  return effect(() => {
    const moving = running.value;
    show(session.value, Date.now(), moving);
    if (moving) return runClock((now) => show(session.peek(), now, true), (now) => msUntilNextWake(session.peek(), now), host);
  });
}
