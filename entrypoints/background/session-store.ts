import { applyCommand, type ApplyResult, type Command, type Session } from '../../utils/session';
import type { SessionDb } from './session-db';

export interface SessionStore {
  get(key: string): Promise<Session | null>;
  /** Applies a command and resolves once the result is stored; a retried id is not applied twice. */
  apply(key: string, commandId: string, command: Command, now: number): Promise<ApplyResult>;
}

export function createSessionStore(db: SessionDb): SessionStore {
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
  };
}
