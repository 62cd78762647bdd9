import { useSignal, useSignalEffect, type ReadonlySignal } from '@preact/signals';
import type { Connection } from '../../entrypoints/panel/session-client';

interface Props {
  connection: ReadonlySignal<Connection>;
  problem: ReadonlySignal<string | null>;
}

/**
 * Chrome stops the background whenever it is idle, and the panel reconnects in a few
 * milliseconds; only a reconnection that lasts is worth the coach's attention.
 */
export const RECONNECTING_NOTICE_AFTER_MS = 800;

/**
 * Says plainly when a click may not have been saved yet; silent when all is well, and through
 * the brief reconnections, so the panel does not jump under the coach's pointer.
 */
export function ConnectionNotice({ connection, problem }: Props) {
  const slow = useSignal(false);
  useSignalEffect(() => {
    if (connection.value !== 'reconnecting') {
      slow.value = false;
      return;
    }
    const timer = setTimeout(() => (slow.value = true), RECONNECTING_NOTICE_AFTER_MS);
    return () => clearTimeout(timer);
  });
  const text = problem.value ?? (slow.value ? 'Reconnecting… your clicks will be saved.' : '');
  // Always in the page, empty when all is well: a live region that appears with its text is often
  // not read out, and a refused start is said only here.
  return (
    <p class={text ? 'notice' : 'visually-hidden'} role="status">
      {text}
    </p>
  );
}
