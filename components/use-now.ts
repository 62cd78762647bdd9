import { useSignal, useSignalEffect, type Signal } from '@preact/signals';

/** Whose timers tick the clock; see useNow. */
export type TimerHost = Pick<Window, 'setInterval' | 'clearInterval'>;

/**
 * The wall clock as a signal, only while something is running. Timers render from stored
 * timestamps and this `now`; nothing counts down in memory. `host` is the window on screen: a
 * pop-out's timers keep their pace while the tab that opened it is hidden and throttled.
 */
export function useNow(running: Signal<boolean>, intervalMs = 250, host: TimerHost = globalThis as unknown as TimerHost): Signal<number> {
  const now = useSignal(Date.now());
  useSignalEffect(() => {
    now.value = Date.now();
    if (!running.value) return;
    const id = host.setInterval(() => (now.value = Date.now()), intervalMs);
    return () => host.clearInterval(id);
  });
  return now;
}
