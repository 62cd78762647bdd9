interface Props {
  isFirst: boolean;
  isLast: boolean;
  paused: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onTogglePause: () => void;
  /** Left out where there is no room for it (the pop-out). */
  onAddMinute?: () => void;
}

/**
 * aria-disabled rather than disabled: a disabled button drops keyboard focus to the page,
 * and a coach pressing Next on the last step should stay where they are.
 */
export function StepControls({ isFirst, isLast, paused, onPrevious, onNext, onTogglePause, onAddMinute }: Props) {
  return (
    <div class="controls" role="group" aria-label="Step controls">
      <button type="button" class="button" aria-disabled={isFirst} onClick={() => !isFirst && onPrevious()}>
        Previous step
      </button>
      <button type="button" class="button" onClick={onTogglePause}>
        {paused ? 'Resume timer' : 'Pause timer'}
      </button>
      <button type="button" class="button button--primary" aria-disabled={isLast} onClick={() => !isLast && onNext()}>
        Next step
      </button>
      {onAddMinute && (
        <button type="button" class="button controls__wide" onClick={onAddMinute}>
          Add one minute
        </button>
      )}
    </div>
  );
}
