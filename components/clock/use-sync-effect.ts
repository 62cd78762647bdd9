import { effect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/**
 * useSignalEffect, run in the task that changed its signals. @preact/signals defers a
 * useSignalEffect to the next animation frame (with a 35 ms timer as a fallback) and wakes it
 * whenever anything upstream moves, even when the signals it reads end up unchanged: downstream
 * of the clock, that was a frame callback, a timer and a second frame every second for an effect
 * that acts a few times a step. A plain effect runs only when a signal it reads has a new value.
 */
export function useSyncEffect(callback: () => void | (() => void)): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => effect(() => latest.current()), []);
}
