import Dexie, { type EntityTable } from 'dexie';
import type { Session } from '../../utils/session';

export const DB_NAME = 'alignment-companion';

/**
 * Schema history, per Dexie's versioning: never edit a released version, add a new one with an
 * upgrade function instead.
 *  1: sessions keyed by `platform:meetingId`, indexed by last change for the history list.
 */
export class SessionDb extends Dexie {
  sessions!: EntityTable<Session, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({ sessions: 'key, updatedAt' });
  }
}
