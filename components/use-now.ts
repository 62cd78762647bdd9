import { useSignal, useSignalEffect, type Signal } from '@preact/signals';

/**
 * The wall clock as a signal, only while something is running. Timers render from stored
 * timestamps and this `now`; nothing counts down in memory.
 */
export function useNow(running: Signal<boolean>, intervalMs = 250): Signal<number> {
  const now = useSignal(Date.now());
  useSignalEffect(() => {
    now.value = Date.now();
    if (!running.value) return;
    const id = setInterval(() => (now.value = Date.now()), intervalMs);
    return () => clearInterval(id);
  });
  return now;
}
