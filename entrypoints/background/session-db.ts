import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Session } from '../../utils/session';

export const DB_NAME = 'alignment-companion';

/**
 * Schema history, per Dexie's versioning: never edit a released version, add a new one with an
 * upgrade function instead.
 *  1: `sessions`, the current session of each meeting, keyed by `platform:meetingId`;
 *     `archive`, past sessions of a reused meeting link, keyed by meeting and start time.
 */
export class SessionDb extends Dexie {
  sessions!: EntityTable<Session, 'key'>;
  archive!: Table<Session, [string, number]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({ sessions: 'key, updatedAt', archive: '[key+startedAt], updatedAt' });
  }
}
