/**
 * What the Conversations page shows, read straight from IndexedDB: the page is an extension page
 * of our own origin, so it reads the same database the background writes, and Dexie's live
 * queries tell it of every change the background commits (a panel's command, a deletion, an
 * import), with no message of ours. It never writes: changes go through records-client.ts.
 */
import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { createRecordsStore, type AllRecords } from '../background/records-store';
import type { SessionDb } from '../background/session-db';
import { DEFAULT_PREFERENCES, type Preferences } from '../../utils/session/preferences';
import { serializeBackup } from '../../utils/records/backup';
import { storedPreferences } from '../../utils/session/stored-records';

const UNREADABLE = 'The conversations could not be read from the browser’s storage. Reload the page to try again.';

export function watchRecords(db: SessionDb, firstPage: number) {
  const store = createRecordsStore(db);
  const records = signal<AllRecords | null>(null);
  // Apart from the records, so hiding notes does not summarise every conversation again.
  const preferences = signal<Preferences>(DEFAULT_PREFERENCES);
  const problem = signal<string | null>(null);
  /** False while `records` holds only the newest conversations, read first so the list shows sooner. */
  const complete = signal(false);

  // A thousand conversations take a few hundred milliseconds to read whole; the newest page of
  // them, by the start index, a fraction of that. They are drawn first, and only then is the whole
  // list read (its copying out of the database would otherwise hold up that first frame); from then
  // on it follows every change the background commits.
  let list: { unsubscribe(): void } | null = null;
  let stopped = false;
  const watchAll = () => {
    if (stopped || list) return;
    list = liveQuery(() => store.all()).subscribe({
      next: (all) => {
        records.value = all;
        complete.value = true;
        problem.value = null;
      },
      error: () => (problem.value = UNREADABLE),
    });
  };
  void store
    .newest(firstPage)
    .then((newest) => {
      if (records.value === null) records.value = newest;
    })
    .catch(() => undefined)
    .finally(() => {
      // After the first page's frame; a hidden tab draws no frames, so a timer stands in there.
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(watchAll));
      setTimeout(watchAll, 100);
    });
  const settings = liveQuery(() => db.settings.get('preferences')).subscribe({
    next: (row) => (preferences.value = storedPreferences(row?.value)),
    // Unknown is hidden: private notes never show because a setting could not be read.
    error: () => (preferences.value = { ...DEFAULT_PREFERENCES, hideNotes: true }),
  });

  return {
    records,
    complete,
    preferences,
    problem,
    stop() {
      stopped = true;
      list?.unsubscribe();
      settings.unsubscribe();
    },
    /** What `Delete everything` would delete, counted as the confirmation opens. */
    counts: () => store.counts(),
    /** Every conversation, preparation and setting as one backup file's text. */
    async backupText(now: number): Promise<{ text: string; conversations: number; preparations: number }> {
      const backup = await store.exportAll(now);
      return { text: serializeBackup(backup), conversations: backup.conversations.length, preparations: backup.preparations.length };
    },
  };
}

export type RecordsView = ReturnType<typeof watchRecords>;
