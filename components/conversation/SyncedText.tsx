import { useSignal } from '@preact/signals';
import type { Ref } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  label: string;
  /** The stored value, as the background last sent it. */
  value: string;
  limit: number;
  /** Stores the text; resolves with null once stored, or the reason it was refused. */
  onCommit: (text: string) => Promise<string | null>;
  rows?: number;
  placeholder?: string;
  hint?: string;
  class?: string;
  /** For a caller that acts on exactly what is shown, draft included (copying, say). */
  inputRef?: Ref<HTMLTextAreaElement>;
}

const SAVE_AFTER_MS = 600;

/**
 * A textbox whose text lives in the background. While the coach types, their draft is what
 * shows; it is stored a moment after they pause and when they leave the box, and another tab's
 * change shows here as soon as this box is not being edited. A counter shows the room left.
 */
export function SyncedText({ label, value, limit, onCommit, rows = 3, placeholder, hint, class: className, inputRef }: Props) {
  const draft = useSignal<string | null>(null);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = useId();
  const shown = draft.value ?? value;

  useEffect(() => () => clearTimeout(timer.current), []);
  // Once stored (or refused) and no longer being edited, follow the stored value again.
  useEffect(() => {
    if (!focused.current && draft.value !== null && draft.value === value) draft.value = null;
  }, [value]);

  function commit(text: string) {
    clearTimeout(timer.current);
    if (text === value) return;
    void onCommit(text).then((refused) => {
      if (refused !== null && !focused.current) draft.value = null;
    });
  }

  const left = limit - shown.length;
  return (
    <div class={`field ${className ?? ''}`}>
      <label for={id}>{label}</label>
      <textarea
        ref={inputRef}
        id={id}
        rows={rows}
        maxLength={limit}
        placeholder={placeholder}
        aria-describedby={`${id}-count${hint ? ` ${id}-hint` : ''}`}
        value={shown}
        onFocus={() => (focused.current = true)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          draft.value = text;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(text), SAVE_AFTER_MS);
        }}
        onBlur={(event) => {
          focused.current = false;
          commit(event.currentTarget.value);
          if (draft.value === value) draft.value = null;
        }}
      />
      <p class="field__meta">
        {hint && (
          <span id={`${id}-hint`} class="field__hint">
            {hint}
          </span>
        )}
        <span id={`${id}-count`} class={`field__count ${left <= limit * 0.1 ? 'field__count--low' : ''}`}>
          {left <= 0 ? 'Limit reached' : `${shown.length}/${limit}`}
          <span class="visually-hidden">{left <= 0 ? `: ${limit} characters` : ' characters'}</span>
        </span>
      </p>
    </div>
  );
}
