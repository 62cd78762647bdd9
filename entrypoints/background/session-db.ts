import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Preferences } from '../../utils/session/preferences';
import type { Preparation } from '../../utils/session/preparation';
import type { RetentionPeriod } from '../../utils/records/retention';
import type { Session } from '../../utils/session/session';
import type { Template } from '../../utils/templates/schema';
import { sessionFromV1, sessionFromV2, type SessionV1, type SessionV2 } from '../../utils/session/session-migration';

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

/** An address the coach docked the panel on by hand (`Dock the panel here`), and its session. */
export interface DockedHereRecord {
  address: string;
  key: string;
  at: number;
}

export type SettingRecord = { name: 'preferences'; value: Preferences } | { name: 'retention'; value: RetentionPeriod };

/**
 * Schema history, per Dexie's versioning: never edit a released version, add a new one with an
 * upgrade function instead.
 *  1: `sessions`, the current session of each meeting, keyed by `platform:meetingId`;
 *     `archive`, past sessions of a reused meeting link, keyed by meeting and start time.
 *  2: sessions gain pacing, capture, parked topics, private notes and a linked preparation
 *     (upgraded in place); new `preparations`, `settings`, and `quarantine` for damaged records.
 *  3: new `secrets`, the dock-ticket signing key; nothing else changes.
 *  4: conversations can be finished: `endedAt`, null on every earlier one (upgraded in place).
 *     `sessions` and `archive` indexed by start and by preparation, for the Conversations page
 *     and the Kickoff a Closing recalls. Settings gain `retention`.
 *  5: new `dockedHere`: addresses on the meeting sites the coach docked the panel on by hand.
 *  6: new `templates`: the coach's own conversation templates (utils/templates/schema.ts), keyed
 *     by id, each as saveTemplate stored it and valid (the records hub refuses invalid ones).
 */
export class SessionDb extends Dexie {
  sessions!: EntityTable<Session, 'key'>;
  archive!: Table<Session, [string, number]>;
  preparations!: EntityTable<Preparation, 'id'>;
  settings!: EntityTable<SettingRecord, 'name'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  secrets!: EntityTable<SecretRecord, 'name'>;
  dockedHere!: EntityTable<DockedHereRecord, 'address'>;
  templates!: EntityTable<Template, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({ sessions: 'key, updatedAt', archive: '[key+startedAt], updatedAt' });
    this.version(2)
      .stores({ preparations: 'id, updatedAt', settings: 'name', quarantine: '++id, key' })
      .upgrade((tx) => upgradeSessions(tx, (record) => sessionFromV1(record as SessionV1)));
    this.version(3).stores({ secrets: 'name' });
    this.version(4)
      .stores({
        sessions: 'key, updatedAt, startedAt, preparationId',
        archive: '[key+startedAt], updatedAt, startedAt, preparationId',
      })
      .upgrade((tx) => upgradeSessions(tx, (record) => sessionFromV2(record as SessionV2)));
    this.version(5).stores({ dockedHere: 'address' });
    this.version(6).stores({ templates: 'id, updatedAt' });
  }
}

/** Current and archived sessions alike, every record in place. */
async function upgradeSessions(tx: Transaction, upgrade: (record: unknown) => Session) {
  for (const table of ['sessions', 'archive']) {
    await tx
      .table(table)
      .toCollection()
      .modify((record, ref) => {
        ref.value = upgrade(record);
      });
  }
}
