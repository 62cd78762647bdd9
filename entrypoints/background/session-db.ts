import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Preferences } from '../../utils/preferences';
import type { Preparation } from '../../utils/preparation';
import type { Session } from '../../utils/session';
import { sessionFromV1, type SessionV1 } from '../../utils/session-migration';

export const DB_NAME = 'alignment-companion';

/** A record that failed its checks on reading, kept aside rather than deleted. */
export interface QuarantinedRecord {
  id?: number;
  table: string;
  key: string;
  record: unknown;
  at: number;
}

/** Never exported, never shown: the key that signs dock tickets (see dock-tickets.ts). */
export interface SecretRecord {
  name: 'dock-ticket-key';
  bytes: Uint8Array;
}

export interface SettingRecord {
  name: 'preferences';
  value: Preferences;
}

/**
 * Schema history, per Dexie's versioning: never edit a released version, add a new one with an
 * upgrade function instead.
 *  1: `sessions`, the current session of each meeting, keyed by `platform:meetingId`;
 *     `archive`, past sessions of a reused meeting link, keyed by meeting and start time.
 *  2: sessions gain pacing, capture, parked topics, private notes and a linked preparation
 *     (upgraded in place); new `preparations`, `settings`, and `quarantine` for damaged records.
 *  3: new `secrets`, the dock-ticket signing key; nothing else changes.
 */
export class SessionDb extends Dexie {
  sessions!: EntityTable<Session, 'key'>;
  archive!: Table<Session, [string, number]>;
  preparations!: EntityTable<Preparation, 'id'>;
  settings!: EntityTable<SettingRecord, 'name'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  secrets!: EntityTable<SecretRecord, 'name'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({ sessions: 'key, updatedAt', archive: '[key+startedAt], updatedAt' });
    this.version(2)
      .stores({ preparations: 'id, updatedAt', settings: 'name', quarantine: '++id, key' })
      .upgrade(async (tx) => {
        for (const table of ['sessions', 'archive']) {
          await tx
            .table(table)
            .toCollection()
            .modify((record, ref) => {
              ref.value = sessionFromV1(record as SessionV1);
            });
        }
      });
    this.version(3).stores({ secrets: 'name' });
  }
}
