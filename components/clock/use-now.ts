import { useSignal, useSignalEffect, type Signal } from '@preact/signals';

/** Whose timers tick the clock; see useNow. */
export type TimerHost = Pick<Window, 'setTimeout' | 'clearTimeout'> & { document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> };

/**
 * The wall clock as a signal, only while something is running. Timers render from stored
 * timestamps and this `now`; nothing counts down in memory. It moves only when a clock's text
 * would change (`nextDelay`, e.g. msUntilNextTick), so the panel draws one frame a second, not
 * four. `host` is the window on screen: a pop-out's timers keep their pace while the tab that
 * opened it is hidden and throttled.
 */
export function useNow(
  running: Signal<boolean>,
  nextDelay: (now: number) => number = (now) => 1000 - (now % 1000),
  host: TimerHost = globalThis as unknown as TimerHost,
): Signal<number> {
  const now = useSignal(Date.now());
  useSignalEffect(() => {
    now.value = Date.now();
    if (running.value) return runClock(now, nextDelay, host);
  });
  return now;
}

/**
 * Sets `now` to the wall clock at each of `nextDelay`'s moments until the returned stop is
 * called. A tab shown again, or a machine woken from sleep, reads the clock at once rather than
 * at the next (throttled) timer: every read is of Date.now(), never a count of ticks.
 */
export function runClock(now: Signal<number>, nextDelay: (now: number) => number, host: TimerHost): () => void {
  let timer: ReturnType<Window['setTimeout']>;
  // A few milliseconds past the change, so the text has surely moved when we look. `peek`: run
  // inside an effect, a read of `now` would make it re-run (and re-arm) on every tick it causes.
  const arm = () => (timer = host.setTimeout(tick, nextDelay(now.peek()) + 4));
  const tick = () => {
    now.value = Date.now();
    arm();
  };
  const onVisible = () => {
    if (host.document?.visibilityState !== 'visible') return;
    host.clearTimeout(timer);
    tick();
  };
  arm();
  host.document?.addEventListener('visibilitychange', onVisible);
  return () => {
    host.clearTimeout(timer);
    host.document?.removeEventListener('visibilitychange', onVisible);
  };
}
