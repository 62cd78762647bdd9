import { PREP_CHECKLIST, type Preparation } from '../../utils/session/preparation';
import { prepTitle } from '../../utils/session/preparation';

interface Props {
  prep: Preparation | undefined;
  hidden: boolean;
}

/** The coach's preparation, at hand during the meeting; private, so it hides with the notes. */
export function PreparationSummary({ prep, hidden }: Props) {
  if (!prep) return null;
  return (
    <details class="prep-summary">
      <summary>Your preparation: {hidden ? 'hidden' : prepTitle(prep)}</summary>
      {hidden ? (
        <p class="notes-hidden">Private notes hidden.</p>
      ) : (
        <div class="prep-summary__body">
          <p class="prep-summary__label">Desired outcome</p>
          <p class="prep-summary__text">{prep.outcome || '—'}</p>
          <p class="prep-summary__label">Preparation notes</p>
          <p class="prep-summary__text">{prep.notes || '—'}</p>
          <p class="prep-summary__label">
            Checklist: {prep.checked.length} of {PREP_CHECKLIST.length} covered
          </p>
        </div>
      )}
    </details>
  );
}
