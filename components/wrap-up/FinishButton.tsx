import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** At wrap-up finishing is the expected next move: one click. Before that, it asks first. */
  atWrapUp: boolean;
  onFinish: () => void;
}

export function FinishButton({ atWrapUp, onFinish }: Props) {
  const confirming = useSignal(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming.value) confirmRef.current?.focus();
  }, [confirming.value]);

  if (confirming.value) {
    return (
      <div class="finish finish--confirm" role="group" aria-labelledby="finish-question">
        <p id="finish-question" class="finish__question">
          Finish now? Both clocks stop; the next steps stay editable.
        </p>
        <button ref={confirmRef} type="button" class="button button--primary" onClick={onFinish}>
          Finish conversation
        </button>
        <button
          type="button"
          class="button"
          onClick={() => {
            confirming.value = false;
            requestAnimationFrame(() => openerRef.current?.focus());
          }}
        >
          Keep going
        </button>
      </div>
    );
  }
  return (
    <button
      ref={openerRef}
      type="button"
      class={`button button--wide ${atWrapUp ? 'button--primary' : 'finish__early'}`}
      onClick={() => (atWrapUp ? onFinish() : (confirming.value = true))}
    >
      Finish conversation
    </button>
  );
}
