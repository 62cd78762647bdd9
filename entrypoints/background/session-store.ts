import type { LibraryCommand } from '../../utils/session/protocol';
import { applyPreferenceCommand, type Preferences } from '../../utils/session/preferences';
import { applyPrepCommand, type Preparation } from '../../utils/session/preparation';
import { TEMPLATE_GONE, TEMPLATE_INVALID, applyCommand, type ApplyResult, type Command, type Session } from '../../utils/session/session';
import { isStoredPreparation, isStoredSession, storedPreferences } from '../../utils/session/stored-records';
import type { SessionDb } from './session-db';
import type { Template } from '../../utils/templates/schema';
import { templateChoices, type TemplateChoice } from '../../utils/templates/choice';
import { validateTemplate } from '../../utils/templates/validate';

export interface Library {
  /** Most recently edited first. */
  preparations: Preparation[];
  preferences: Preferences;
  /** The coach's own templates (issue 12), by name. */
  templates: TemplateChoice[];
}

export type LibraryResult = { ok: true; library: Library } | { ok: false; reason: string };

export interface SessionRead {
  session: Session | null;
  /** The stored record failed its checks: it is treated as absent, and kept aside on the next start. */
  damaged: boolean;
}

export interface SessionStore {
  get(key: string): Promise<SessionRead>;
  /** Applies a command and resolves once the result is stored; a retried id is not applied twice. */
  apply(key: string, commandId: string, command: Command, now: number): Promise<ApplyResult>;
  library(): Promise<Library>;
  /** Applies a preparation or preference command; each is idempotent, so a retry is harmless. */
  applyLibrary(command: LibraryCommand, now: number): Promise<LibraryResult>;
}

/** The coach's stored templates, read guarded: before schema 6 (or on a read error) there are none. */
async function storedTemplates(db: SessionDb): Promise<unknown[]> {
  try {
    return await db.table('templates').toArray();
  } catch {
    return [];
  }
}

/**
 * A coach's template by id, valid; or why it cannot start a conversation. A failing read throws,
 * so the start takes the storage-error path and is retried, rather than being refused for good.
 */
async function usableTemplate(db: SessionDb, id: string): Promise<Template | string> {
  const raw: unknown = await db.table('templates').get(id);
  if (raw === undefined) return TEMPLATE_GONE;
  const checked = validateTemplate(raw);
  return checked.ok && checked.template.id === id ? checked.template : TEMPLATE_INVALID;
}

export function createSessionStore(db: SessionDb): SessionStore {
  async function library(): Promise<Library> {
    const [preparations, preferences, templates] = await Promise.all([
      db.preparations.orderBy('updatedAt').reverse().toArray(),
      db.settings.get('preferences'),
      storedTemplates(db),
    ]);
    // A damaged preparation is left out rather than breaking the list.
    return {
      preparations: preparations.filter(isStoredPreparation),
      preferences: storedPreferences(preferences?.value),
      templates: templateChoices(templates),
    };
  }

  async function read(key: string): Promise<{ session: Session | undefined; raw: unknown }> {
    const raw: unknown = await db.sessions.get(key);
    return { session: isStoredSession(raw) ? raw : undefined, raw };
  }

  return {
    async get(key) {
      const { session, raw } = await read(key);
      return { session: session ?? null, damaged: raw !== undefined && !session };
    },
    async apply(key, commandId, command, now) {
      // A coach's template is read and validated here, so the reducer stays pure; missing or invalid refuses the start.
      if (command.type === 'start' && command.templateId !== undefined) {
        const resolved = await usableTemplate(db, command.templateId);
        command = typeof resolved === 'string' ? { ...command, resolved: undefined, unusable: resolved } : { ...command, resolved };
      }
      // Read, reduce and write in one transaction: two tabs' commands on one meeting serialise here.
      return db.transaction('rw', [db.sessions, db.archive, db.quarantine], async () => {
        const { session: previous, raw } = await read(key);
        const result = applyCommand(previous, key, commandId, command, now);
        if (!result.ok || result.duplicate) return result;
        if (raw !== undefined && !previous) await db.quarantine.add({ table: 'sessions', key, record: raw, at: now });
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
