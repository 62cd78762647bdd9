/**
 * The calls outside the browser stored so far, read straight from IndexedDB: an extension page may
 * read the database, only the background writes it. Opened per read and closed again, so the page
 * never holds up a schema upgrade the background makes.
 */
import Dexie from 'dexie';
import type { Session } from '../../utils/session/session';
import { isStoredSession } from '../../utils/session/stored-records';
import { DB_NAME, SessionDb } from '../background/session-db';

export async function readDeskSessions(): Promise<Session[]> {
  // Opening a database that is not there would create it from this page.
  if (!(await Dexie.exists(DB_NAME))) return [];
  const db = new SessionDb();
  try {
    const stored: unknown[] = await db.sessions.where('key').startsWith('desk:').toArray();
    return stored.filter(isStoredSession);
  } finally {
    db.close();
  }
}
