interface Props {
  hidden: boolean;
  onToggle: () => void;
}

/**
 * For screen sharing: one press hides every private and preparation note in every open panel.
 * The browser shortcut (Alt+Shift+H unless the coach changed it) does the same.
 */
export function HideNotesToggle({ hidden, onToggle }: Props) {
  return (
    <button type="button" class="button button--small hide-notes" aria-pressed={hidden} onClick={onToggle}>
      Hide private notes
    </button>
  );
}
