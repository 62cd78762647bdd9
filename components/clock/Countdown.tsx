import { useLayoutEffect, useRef } from 'preact/hooks';
import { reelsView } from './reels-view';
import type { ClockText } from './use-clock-face';

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
  // The clock shows itself in this element (reelsView), before the first paint; Preact renders
  // nothing into it.
  useLayoutEffect(() => {
    const view = reelsView(value.current!);
    const stop = clock.showIn(view);
    return () => {
      stop();
      view.dispose();
    };
  }, [clock]);
  return (
    <div class={`countdown countdown--${size}`} data-over={clock.over}>
      <span class="countdown__caption" aria-hidden="true">
        {caption}
      </span>
      <span ref={value} role="timer" aria-label={label} class="countdown__value" />
      {/* Shown by the stylesheet while data-over is true. */}
      {/* Not read out: the timer's description already ends in "over". */}
      {size === 'small' && (
        <span class="countdown__over" aria-hidden="true">
          over
        </span>
      )}
    </div>
  );
}
