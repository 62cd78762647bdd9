import { useComputed, type ReadonlySignal } from '@preact/signals';
import { formatClock } from '../../utils/agenda/clock';

interface Props {
  /** The accessible name, part of the interface contract. */
  label: string;
  /** The short visible caption. */
  caption: string;
  /** Remaining milliseconds; negative once over time. */
  remaining: ReadonlySignal<number>;
  size?: 'large' | 'small';
}

/** `m:ss`, or `-m:ss` with the word "over" once past zero, so it never relies on colour alone. */
export function Countdown({ label, caption, remaining, size = 'small' }: Props) {
  const text = useComputed(() => formatClock(remaining.value));
  const over = useComputed(() => text.value.startsWith('-'));
  return (
    <div class={`countdown countdown--${size}`} data-over={useComputed(() => String(over.value))}>
      <span class="countdown__caption" aria-hidden="true">
        {caption}
      </span>
      <span role="timer" aria-label={label} class="countdown__value">
        {text}
      </span>
      {size === 'small' && (
        <span class="countdown__over" hidden={useComputed(() => !over.value)}>
          over
        </span>
      )}
    </div>
  );
}
