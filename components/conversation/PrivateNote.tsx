import { LIMITS } from '../../utils/session/limits';
import { SyncedText } from './SyncedText';

interface Props {
  stepId: string;
  value: string;
  hidden: boolean;
  onCommit: (text: string) => Promise<string | null>;
}

/** The coach's own notes for this step. Never shared; out of sight while notes are hidden. */
export function PrivateNote({ stepId, value, hidden, onCommit }: Props) {
  if (hidden) return <p class="notes-hidden">Private notes hidden.</p>;
  return (
    <SyncedText
      key={stepId}
      class="private-note"
      label="Private notes"
      hint="Only you see these. Never in the next steps."
      value={value}
      limit={LIMITS.note}
      rows={3}
      onCommit={onCommit}
    />
  );
}
