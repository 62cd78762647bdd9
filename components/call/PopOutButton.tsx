import { useSignal } from '@preact/signals';
import type { SessionClient } from '../../entrypoints/panel/session-client';
import { canPopOut, openPopOut } from './open-pop-out';

/** `Pop out` where the browser can keep a small window on top; elsewhere, a line that says why not. */
export function PopOutButton({ client }: { client: SessionClient }) {
  const problem = useSignal('');
  if (!canPopOut()) {
    return <p class="call__note">This browser cannot keep a small window on top of your call app. Keep this tab beside the call.</p>;
  }
  return (
    <div class="call__pop-out">
      <button
        type="button"
        class="button"
        onClick={() => {
          problem.value = '';
          openPopOut(client).catch(() => (problem.value = 'The pop-out could not open here. This tab works the same.'));
        }}
      >
        Pop out
      </button>
      <p class="call__note" role="status">
        {problem}
      </p>
    </div>
  );
}
