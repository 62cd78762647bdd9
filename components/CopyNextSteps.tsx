import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** Composed on demand so it always reflects the latest capture. */
  compose: () => string;
  emphasised: boolean;
}

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string };

/** Copies the next-steps text; where the browser refuses, shows it selected for a manual copy. */
export function CopyNextSteps({ compose, emphasised }: Props) {
  const outcome = useSignal<Outcome>({ kind: 'idle' });
  const manualRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (outcome.value.kind === 'manual') {
      manualRef.current?.focus();
      manualRef.current?.select();
    }
  }, [outcome.value]);

  async function copy() {
    const text = compose();
    try {
      await navigator.clipboard.writeText(text);
      outcome.value = { kind: 'copied' };
    } catch {
      outcome.value = { kind: 'manual', text };
    }
  }

  return (
    <div class="copy">
      <button type="button" class={`button button--wide ${emphasised ? 'button--primary' : ''}`} onClick={copy}>
        Copy next steps
      </button>
      <p class="copy__status" role="status">
        {outcome.value.kind === 'copied' ? 'Next steps copied. Paste them into your email or chat.' : ''}
        {outcome.value.kind === 'manual' ? 'The browser blocked copying. The text below is selected: press Ctrl+C (⌘C on a Mac).' : ''}
      </p>
      {outcome.value.kind === 'manual' && (
        <label class="field">
          <span>Next steps</span>
          <textarea ref={manualRef} readOnly rows={10} value={outcome.value.text} />
        </label>
      )}
    </div>
  );
}
