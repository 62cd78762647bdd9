import type { LibraryCommand } from '../../utils/protocol';
import { DEFAULT_PREFERENCES, applyPreferenceCommand, type Preferences } from '../../utils/preferences';
import { applyPrepCommand, type Preparation } from '../../utils/preparation';
import { applyCommand, type ApplyResult, type Command, type Session } from '../../utils/session';
import type { SessionDb } from './session-db';

export interface Library {
  /** Most recently edited first. */
  preparations: Preparation[];
  preferences: Preferences;
}

export type LibraryResult = { ok: true; library: Library } | { ok: false; reason: string };

export interface SessionStore {
  get(key: string): Promise<Session | null>;
  /** Applies a command and resolves once the result is stored; a retried id is not applied twice. */
  apply(key: string, commandId: string, command: Command, now: number): Promise<ApplyResult>;
  library(): Promise<Library>;
  /** Applies a preparation or preference command; each is idempotent, so a retry is harmless. */
  applyLibrary(command: LibraryCommand, now: number): Promise<LibraryResult>;
}

export function createSessionStore(db: SessionDb): SessionStore {
  async function library(): Promise<Library> {
    const [preparations, preferences] = await Promise.all([
      db.preparations.orderBy('updatedAt').reverse().toArray(),
      db.settings.get('preferences'),
    ]);
    return { preparations, preferences: { ...DEFAULT_PREFERENCES, ...preferences?.value } };
  }

  return {
    async get(key) {
      return (await db.sessions.get(key)) ?? null;
    },
    apply(key, commandId, command, now) {
      // Read, reduce and write in one transaction: two tabs' commands on one meeting serialise here.
      return db.transaction('rw', db.sessions, db.archive, async () => {
        const previous = await db.sessions.get(key);
        const result = applyCommand(previous, key, commandId, command, now);
        if (!result.ok || result.duplicate) return result;
        // A fresh start on a reused meeting link keeps the past conversation.
        if (previous && previous.startedAt !== result.session.startedAt) await db.archive.put(previous);
        await db.sessions.put(result.session);
        return result;
      });
    },
    library,
    applyLibrary(command, now) {
      return db.transaction('rw', db.preparations, db.settings, async (): Promise<LibraryResult> => {
        if (command.type === 'preference' || command.type === 'toggle-hide-notes') {
          const { preferences } = await library();
          await db.settings.put({ name: 'preferences', value: applyPreferenceCommand(preferences, command) });
        } else {
          const previous = await db.preparations.get(command.prepId);
          const next = applyPrepCommand(previous, await db.preparations.count(), command, now);
          if (typeof next === 'string') return { ok: false, reason: next };
          if (next === null) await db.preparations.delete(command.prepId);
          else if (next !== previous) await db.preparations.put(next);
        }
        return { ok: true, library: await library() };
      });
    },
  };
}
