import { RETENTION_LABEL, RETENTION_PERIODS, isRetentionPeriod, type RetentionPeriod } from '../../utils/records/retention';
import { JsonFileInput } from './JsonFileInput';

interface Props {
  keepFor: RetentionPeriod;
  /** When the oldest record kept passes the period; null when none ever will. */
  nextDeletion: number | null;
  onExportAll: () => void;
  onImport: (file: File) => void;
  onKeepFor: (period: RetentionPeriod) => void;
  onDeleteEverything: () => void;
}

const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** Backup, restore, how long records are kept, and the one button that empties it all. */
export function RecordsTools({ keepFor, nextDeletion, onExportAll, onImport, onKeepFor, onDeleteEverything }: Props) {
  return (
    <section class="tools" aria-labelledby="tools-title">
      <h2 id="tools-title">Backup and clean-up</h2>
      <p class="muted">A backup is one file with every conversation, preparation and setting. Keep it somewhere safe: it holds your private notes.</p>
      <div class="tools__row">
        <button type="button" class="button" onClick={onExportAll}>
          Export all (JSON)
        </button>
        <JsonFileInput id="import-backup" label="Import backup" onFile={onImport} />
      </div>
      <div class="tools__row">
        <label class="field">
          Keep conversations for
          <select value={keepFor} onChange={(e) => isRetentionPeriod(e.currentTarget.value) && onKeepFor(e.currentTarget.value)}>
            {RETENTION_PERIODS.map((period) => (
              <option key={period} value={period}>
                {RETENTION_LABEL[period]}
              </option>
            ))}
          </select>
        </label>
        <p class="tools__due">{dueText(keepFor, nextDeletion)}</p>
      </div>
      <div class="tools__row">
        <button id="delete-everything" type="button" class="button button--danger" onClick={onDeleteEverything}>
          Delete everything
        </button>
      </div>
    </section>
  );
}

function dueText(keepFor: RetentionPeriod, nextDeletion: number | null): string {
  if (keepFor === 'forever') return 'Nothing is deleted unless you delete it.';
  if (nextDeletion === null) return 'Nothing stored, so nothing is due for deletion.';
  return `Records untouched for ${RETENTION_LABEL[keepFor].toLowerCase()} are deleted. Next deletion due: ${longDate.format(nextDeletion)}.`;
}
