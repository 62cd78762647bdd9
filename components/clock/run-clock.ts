/** Whose timers tick the clock; see runClock. */
export type TimerHost = Pick<Window, 'setTimeout' | 'clearTimeout'> & { document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> };

/**
 * Calls `onTick` with the wall clock at each of `nextDelay`'s moments until the returned stop is
 * called. Timers render from stored timestamps and the time passed here; nothing counts down in
 * memory. The clock wakes only when what it shows would change (`nextDelay`, e.g.
 * msUntilNextWake), once a second, not on every frame. A tab shown again, or a
 * machine woken from sleep, reads the clock at once rather than at the next (throttled) timer:
 * every read is of Date.now(), never a count of ticks. `host` is the window on screen: a
 * pop-out's timers keep their pace while the tab that opened it is hidden and throttled.
 */
export function runClock(onTick: (now: number) => void, nextDelay: (now: number) => number, host: TimerHost): () => void {
  let timer: ReturnType<Window['setTimeout']>;
  // A few milliseconds past the change, so the text has surely moved when we look.
  const arm = (now: number) => (timer = host.setTimeout(tick, nextDelay(now) + 4));
  const tick = () => {
    const now = Date.now();
    onTick(now);
    arm(now);
  };
  const onVisible = () => {
    if (host.document?.visibilityState !== 'visible') return;
    host.clearTimeout(timer);
    tick();
  };
  arm(Date.now());
  host.document?.addEventListener('visibilitychange', onVisible);
  return () => {
    host.clearTimeout(timer);
    host.document?.removeEventListener('visibilitychange', onVisible);
  };
}
