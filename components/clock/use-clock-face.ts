import { batch, effect, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { msUntilNextTick } from '../../utils/agenda/clock';
import { clockFace, type ClockFace, type PlanShown } from '../../utils/agenda/clock-face';
import type { TimeState } from '../../utils/agenda/pacing';
import { isStale, type Session } from '../../utils/session/session';
import { runClock, type TimerHost } from './run-clock';

/**
 * One clock: its text (`m:ss`, `-m:ss` once over), written straight into the elements that show
 * it, and whether it is over. The text changes every second, so it is not a signal: a signal
 * wakes an effect per element to write it, and that machinery was a fifth of the panel's script
 * each second. Whether it is over changes a few times a step, and styles follow it: a signal.
 */
export class ClockText {
  private shown = '';
  private readonly into = new Set<Pick<Element, 'firstChild'>>();
  readonly over = signal(false);

  get text(): string {
    return this.shown;
  }

  set(text: string): void {
    if (text === this.shown) return;
    this.shown = text;
    for (const element of this.into) write(element, text);
    this.over.value = text.startsWith('-');
  }

  /** Shows the text in `element` from now on, until the returned stop. */
  showIn(element: Pick<Element, 'firstChild'>): () => void {
    write(element, this.shown);
    this.into.add(element);
    return () => this.into.delete(element);
  }
}

/**
 * Into the element's own text node, kept in place for the next render (a node type, not
 * `instanceof Text`: the pop-out's nodes belong to another window, with a Text of its own). Not
 * read first: `set` writes only a changed text, and a render shows the text the clock holds.
 */
function write(element: Pick<Element, 'firstChild'>, text: string) {
  const node = element.firstChild as CharacterData | null;
  if (node?.nodeType === 3) node.data = text;
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
 * to set them for a session at a moment. A signal given the value it already holds tells no one,
 * so a tick wakes no reader: it writes the two texts, where a computed per field would wake every
 * reader of the clock each second to ask. A null session leaves the last values, which nothing shows.
 */
export function clockSignals(): { clock: ClockSignals; show: (session: Session | null, now: number) => void } {
  const clock = { step: new ClockText(), meeting: new ClockText(), state: signal<TimeState>('on-track'), plan: signal<PlanShown | null>(null), stale: signal(false), stepKey: signal('') };
  let last: ClockFace | null = null;
  let shownFor: Session | null = null;
  const show = (session: Session | null, now: number) => {
    if (!session) return;
    const face = (last = clockFace(session, now, last));
    const stale = isStale(session, now);
    if (session === shownFor && face.state === clock.state.peek() && face.plan === clock.plan.peek() && stale === clock.stale.peek()) {
      // A tick, most of the time: only the clocks' texts move.
      clock.step.set(face.step);
      clock.meeting.set(face.meeting);
      return;
    }
    shownFor = session;
    // One batch: readers run once, after every field is set.
    batch(() => {
      clock.step.set(face.step);
      clock.meeting.set(face.meeting);
      clock.state.value = face.state;
      clock.plan.value = face.plan;
      clock.stale.value = stale;
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
