import { useSignal } from '@preact/signals';
import { LIMITS } from '../../utils/session/limits';
import { PREP_CHECKLIST, PREP_QUESTIONS, prepTitle, type Preparation } from '../../utils/session/preparation';
import type { LibraryCommand } from '../../utils/session/protocol';
import { SyncedText } from '../conversation/SyncedText';

interface Props {
  preparations: Preparation[];
  hideNotes: boolean;
  sendLibrary: (command: LibraryCommand) => Promise<string | null>;
}

/**
 * For the coaching session before the meeting, often a call with the coachee alone: the
 * checklist, the sample questions, the desired outcome and private notes. A preparation belongs
 * to the coach, so it can be linked to the alignment conversation on another meeting link.
 */
export function PrepareView({ preparations, hideNotes, sendLibrary }: Props) {
  const selected = useSignal<string | null>(null);
  const confirmDelete = useSignal(false);
  // Before the first preparation exists the view still shows what preparing means; the coach's
  // first tick or word makes it real, under this id.
  const draft = useSignal<Preparation>(emptyPreparation(crypto.randomUUID()));
  const prep = preparations.find((p) => p.id === selected.value) ?? preparations[0] ?? draft.value;
  const isDraft = prep === draft.value;

  async function create() {
    const prepId = crypto.randomUUID();
    if ((await sendLibrary({ type: 'prep-create', prepId, label: '' })) === null) selected.value = prepId;
  }

  /**
   * Sends a change to this preparation, creating it first if it is still the draft. Both go at
   * once: the port keeps their order, and the panel shows both applied straight away, so a tick
   * never flickers back while the creation is being stored.
   */
  function change(command: LibraryCommand): Promise<string | null> {
    if (isDraft) {
      void sendLibrary({ type: 'prep-create', prepId: prep.id, label: '' });
      selected.value = prep.id;
      draft.value = emptyPreparation(crypto.randomUUID());
    }
    return sendLibrary(command);
  }

  return (
    <section class="prepare" aria-labelledby="prepare-title">
      <h2 id="prepare-title" class="step__title">
        Prepare the coachee
      </h2>
      <p class="setup__intro">In the session before the meeting. Everything here is private to you.</p>
      <div class="prepare__pick">
        {preparations.length > 0 && (
          <div class="field">
            <label for="prepare-for">Preparation for</label>
            <select id="prepare-for" value={prep?.id} onChange={(event) => (selected.value = event.currentTarget.value)}>
              {preparations.map((p) => (
                <option key={p.id} value={p.id}>
                  {prepTitle(p)}
                </option>
              ))}
            </select>
          </div>
        )}
        {!isDraft && (
          <button type="button" class="button" onClick={create}>
            New preparation
          </button>
        )}
      </div>
      {isDraft && <p class="field__hint">Tick an item or type below: the preparation is saved as you go.</p>}
      {prep && (
        <div class="prepare__body" key={prep.id}>
          <SyncedText
            label="Coachee (your label)"
            hint="A first name or initials, to find it again."
            value={prep.label}
            limit={LIMITS.prepLabel}
            rows={1}
            onCommit={(text) => change({ type: 'prep-text', prepId: prep.id, field: 'label', text })}
          />
          <fieldset class="checklist">
            <legend>Checklist</legend>
            {PREP_CHECKLIST.map((item) => (
              <label key={item.id} class="choice">
                <input
                  type="checkbox"
                  checked={prep.checked.includes(item.id)}
                  onChange={(event) =>
                    void change({ type: 'prep-check', prepId: prep.id, item: item.id, checked: event.currentTarget.checked })
                  }
                />
                {item.text}
              </label>
            ))}
          </fieldset>
          <div>
            <p class="section__title">Questions to ask</p>
            <ul class="step__points">
              {PREP_QUESTIONS.map((question) => (
                <li key={question}>{question}</li>
              ))}
            </ul>
          </div>
          {hideNotes ? (
            <p class="notes-hidden">Private notes hidden.</p>
          ) : (
            <>
              <SyncedText
                label="Desired outcome"
                hint="What the coachee wants from the meeting, in their words."
                value={prep.outcome}
                limit={LIMITS.prepOutcome}
                rows={3}
                onCommit={(text) => change({ type: 'prep-text', prepId: prep.id, field: 'outcome', text })}
              />
              <SyncedText
                label="Preparation notes"
                value={prep.notes}
                limit={LIMITS.prepNotes}
                rows={5}
                onCommit={(text) => change({ type: 'prep-text', prepId: prep.id, field: 'notes', text })}
              />
            </>
          )}
          {isDraft ? null : confirmDelete.value ? (
            <div class="prepare__delete" role="group" aria-label="Confirm deletion">
              <button
                type="button"
                class="button button--danger"
                onClick={() => {
                  confirmDelete.value = false;
                  selected.value = null;
                  void sendLibrary({ type: 'prep-delete', prepId: prep.id });
                }}
              >
                Delete for good
              </button>
              <button type="button" class="button" onClick={() => (confirmDelete.value = false)}>
                Keep it
              </button>
            </div>
          ) : (
            <button type="button" class="button button--small" onClick={() => (confirmDelete.value = true)}>
              Delete preparation
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function emptyPreparation(id: string): Preparation {
  return { id, label: '', checked: [], outcome: '', notes: '', createdAt: 0, updatedAt: 0 };
}
