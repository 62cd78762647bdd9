import { useRef } from 'preact/hooks';
import type { ClockText } from './use-clock-face';
import { useSyncEffect } from './use-sync-effect';

interface Props {
  /** The accessible name, part of the interface contract. */
  label: string;
  /** The short visible caption. */
  caption: string;
  clock: ClockText;
  size?: 'large' | 'small';
}

/** `m:ss`, or `-m:ss` with the word "over" once past zero, so it never relies on colour alone. */
export function Countdown({ label, caption, clock, size = 'small' }: Props) {
  const value = useRef<HTMLSpanElement>(null);
  // The text is written in the task that ticks the clock. As a bound text node, @preact/signals
  // would write it two microtasks later, in a call of its own: a third of the panel's script
  // each second. A render (a new caption) writes the same text again. A node type, not
  // `instanceof Text`: the pop-out's nodes belong to another window, with a Text of its own.
  useSyncEffect(() => {
    const text = clock.text.value;
    const node = value.current?.firstChild as Text | null | undefined;
    if (node?.nodeType === Node.TEXT_NODE && node.data !== text) node.data = text;
  });
  return (
    <div class={`countdown countdown--${size}`} data-over={clock.over}>
      <span class="countdown__caption" aria-hidden="true">
        {caption}
      </span>
      <span ref={value} role="timer" aria-label={label} class="countdown__value">
        {clock.text.peek()}
      </span>
      {/* Shown by the stylesheet while data-over is true. */}
      {size === 'small' && <span class="countdown__over">over</span>}
    </div>
  );
}
