import type { ReadonlySignal } from '@preact/signals';
import type { Connection } from '../entrypoints/panel/session-client';

interface Props {
  connection: ReadonlySignal<Connection>;
  problem: ReadonlySignal<string | null>;
}

/** Says plainly when a click may not have been saved yet; silent when all is well. */
export function ConnectionNotice({ connection, problem }: Props) {
  const text = problem.value ?? (connection.value === 'reconnecting' ? 'Reconnecting… your clicks will be saved.' : '');
  return (
    <p class="notice" role="status" hidden={!text}>
      {text}
    </p>
  );
}
