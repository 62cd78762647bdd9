import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { LIMITS } from '../../utils/session/limits';
import type { MessageFormat } from '../../utils/outputs/next-steps';
import { SyncedText } from '../conversation/SyncedText';

interface Props {
  /** The message composed from what was captured for sharing. */
  composed: string;
  /** The coach's own edit of it, or null. */
  edited: string | null;
  onEdit: (text: string | null) => Promise<string | null>;
  format: MessageFormat;
  onFormat: (format: MessageFormat) => void;
  /** The reminder file, when the agreed cadence is one a calendar can repeat. */
  reminder: { filename: string; text: () => string } | null;
  emphasised: boolean;
}

type Outcome = 'idle' | 'copied' | 'manual';

/**
 * The next-steps message, editable before it is copied; `Copy next steps` copies exactly what
 * the box shows. Where the browser refuses the clipboard, the text is selected for a manual copy.
 */
export function NextSteps({ composed, edited, onEdit, format, onFormat, reminder, emphasised }: Props) {
  const outcome = useSignal<Outcome>('idle');
  const box = useRef<HTMLTextAreaElement>(null);

  async function copy() {
    const text = box.current?.value ?? edited ?? composed;
    try {
      await navigator.clipboard.writeText(text);
      outcome.value = 'copied';
    } catch {
      outcome.value = 'manual';
      box.current?.focus();
      box.current?.select();
    }
  }

  function download() {
    if (!reminder) return;
    const url = URL.createObjectURL(new Blob([reminder.text()], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = reminder.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }

  return (
    <section class="next-steps" aria-label="Wrap-up">
      <h2 id="next-steps-title" class="section__title">
        Wrap-up
      </h2>
      <div class="next-steps__format">
        <label for="next-steps-format">Format</label>
        <select id="next-steps-format" value={format} onChange={(event) => onFormat(event.currentTarget.value as MessageFormat)}>
          <option value="plain">Plain text (email)</option>
          <option value="markdown">Markdown (chat)</option>
        </select>
        {edited !== null && (
          <button type="button" class="button button--small" onClick={() => void onEdit(null)}>
            Rebuild from capture
          </button>
        )}
      </div>
      <SyncedText
        label="Next steps"
        value={edited ?? composed}
        limit={LIMITS.nextSteps}
        rows={emphasised ? 12 : 6}
        hint={edited !== null ? 'Edited by you.' : 'Built from what you captured. Private notes are never in it.'}
        onCommit={(text) => onEdit(text)}
        inputRef={box}
      />
      <button type="button" class={`button button--wide ${emphasised ? 'button--primary' : ''}`} onClick={copy}>
        Copy next steps
      </button>
      <p class="copy__status" role="status">
        {outcome.value === 'copied' ? 'Next steps copied. Paste them into your email or chat.' : ''}
        {outcome.value === 'manual' ? 'The browser blocked copying. The text above is selected: press Ctrl+C (⌘C on a Mac).' : ''}
      </p>
      <button type="button" class="button button--wide" aria-disabled={!reminder} aria-describedby="reminder-hint" onClick={download}>
        Download check-in reminder
      </button>
      <p id="reminder-hint" class="field__hint">
        {reminder ? 'A recurring calendar event at the agreed cadence (.ics).' : 'Choose a weekly, two-weekly or monthly cadence first.'}
      </p>
    </section>
  );
}
