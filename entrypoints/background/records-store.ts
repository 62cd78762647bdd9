/**
 * The Conversations page's side of the database: every conversation (current and archived),
 * deleting, retention, backup and restore. Each operation is one transaction, so a failure
 * half-way leaves the database as it was.
 */
import type { Preparation } from '../../utils/session/preparation';
import { kickoffRecap, type KickoffRecap } from '../../utils/records/at-kickoff';
import { buildBackup, type Backup } from '../../utils/records/backup';
import { conversationId, parseConversationId } from '../../utils/records/conversation';
import { importCounts, importStatus, planImport, type ImportCounts } from '../../utils/records/import';
import { DEFAULT_RETENTION, isRetentionPeriod, planRetention, retentionMs, type RetentionPeriod } from '../../utils/records/retention';
import { conversationKindOf, type Session } from '../../utils/session/session';
import { isStoredPreparation, isStoredSession, storedPreferences } from '../../utils/session/stored-records';
import { TEMPLATE_IDS } from '../../utils/agenda/agenda';
import { saveTemplate } from '../../utils/templates/edit';
import { parseTemplateFile } from '../../utils/templates/file';
import { MAX_TEMPLATES, TOO_MANY_TEMPLATES, type Template } from '../../utils/templates/schema';
import { describeProblem, validateTemplate } from '../../utils/templates/validate';
import type { SessionDb } from './session-db';

export interface AllRecords {
  /** Current and archived, in no particular order (summarizeConversations sorts); damaged ones left out. */
  conversations: Session[];
  preparations: Preparation[];
  keepFor: RetentionPeriod;
}

export interface RecordCounts {
  conversations: number;
  preparations: number;
}

export interface RetentionResult {
  /** Ids of the conversations deleted (see conversationId). */
  conversations: string[];
  preparationIds: string[];
  /** Damaged records kept aside that were as old. */
  quarantined: number;
  nextDueAt: number | null;
}

export type ImportResult = { ok: true; counts: ImportCounts; status: string } | { ok: false; reason: string };

export type TemplateWrite = { ok: true; template: Template; status: string } | { ok: false; reason: string };

export interface RecordsStore {
  /** The coach's own templates, valid ones only. */
  templates(): Promise<Template[]>;
  /** Validates the draft and stores it with its version counted; an invalid one is refused, never stored. */
  saveTemplate(draft: unknown, now: number): Promise<TemplateWrite>;
  /** False when there was no such template. */
  deleteTemplate(id: string): Promise<boolean>;
  /** A template file's text: a bad one is refused with one sentence; a taken id comes in as a copy. */
  importTemplate(text: string, now: number, makeId: () => string): Promise<TemplateWrite>;
  all(): Promise<AllRecords>;
  /** The newest `limit` conversations by start (by index, not a full read), with the rest of AllRecords. */
  newest(limit: number): Promise<AllRecords>;
  get(id: string): Promise<Session | null>;
  /** For a Closing: the Kickoff on the same preparation that came before it, if any. */
  kickoffFor(closing: Session): Promise<KickoffRecap | null>;
  /** False when there was no such conversation. */
  delete(id: string): Promise<boolean>;
  /** What `Delete everything` would delete, for its confirmation. */
  counts(): Promise<RecordCounts>;
  /** Conversations, preparations, settings and damaged copies; returns what went. */
  deleteEverything(): Promise<RecordCounts>;
  setKeepFor(period: RetentionPeriod): Promise<void>;
  /** Deletes what is past the retention period at `now`, and says when more will be. */
  applyRetention(now: number): Promise<RetentionResult>;
  exportAll(now: number): Promise<Backup>;
  /** All or nothing: a parsed backup's new records are stored together, or none are. */
  importBackup(backup: Backup, now: number): Promise<ImportResult>;
}

const hasTimes = (value: unknown): value is Pick<Session, 'key' | 'startedAt' | 'updatedAt'> & { preparationId?: unknown } => {
  const record = value as Record<string, unknown> | null;
  return typeof record?.key === 'string' && typeof record.startedAt === 'number' && typeof record.updatedAt === 'number';
};

export function createRecordsStore(db: SessionDb): RecordsStore {
  const conversationTables = [db.sessions, db.archive];

  async function keepFor(): Promise<RetentionPeriod> {
    const stored = (await db.settings.get('retention'))?.value;
    return isRetentionPeriod(stored) ? stored : DEFAULT_RETENTION;
  }

  async function conversations(): Promise<Session[]> {
    const [current, archived] = await Promise.all([db.sessions.toArray(), db.archive.toArray()]);
    return [...current, ...archived].filter(isStoredSession);
  }

  async function counts(): Promise<RecordCounts> {
    const [current, archived, preparations] = await Promise.all([db.sessions.count(), db.archive.count(), db.preparations.count()]);
    return { conversations: current + archived, preparations };
  }

  async function deleteOne(id: string): Promise<boolean> {
    const ref = parseConversationId(id);
    if (!ref) return false;
    const current = await db.sessions.get(ref.key);
    const inArchive = (await db.archive.get([ref.key, ref.startedAt])) !== undefined;
    if (inArchive) await db.archive.delete([ref.key, ref.startedAt]);
    if (current?.startedAt === ref.startedAt) {
      await db.sessions.delete(ref.key);
      return true;
    }
    return inArchive;
  }

  return {
    async templates() {
      return (await db.templates.toArray()).filter((t) => validateTemplate(t).ok);
    },
    saveTemplate(draft, now) {
      const checked = validateTemplate(draft);
      if (!checked.ok) return Promise.resolve({ ok: false, reason: `This template cannot be saved: ${describeProblem(checked.errors[0]!)}.` });
      if ((TEMPLATE_IDS as readonly string[]).includes(checked.template.id)) {
        return Promise.resolve({ ok: false, reason: 'The built-in templates cannot be changed; duplicate one to edit it.' });
      }
      return db.transaction('rw', db.templates, async (): Promise<TemplateWrite> => {
        const stored = await db.templates.get(checked.template.id);
        if (!stored && (await db.templates.count()) >= MAX_TEMPLATES) return { ok: false, reason: TOO_MANY_TEMPLATES };
        const saved = saveTemplate(checked.template, stored ?? null, now);
        await db.templates.put(saved);
        return { ok: true, template: saved, status: `Template “${saved.name}” saved.` };
      });
    },
    deleteTemplate(id) {
      return db.transaction('rw', db.templates, async () => {
        if ((await db.templates.get(id)) === undefined) return false;
        await db.templates.delete(id);
        return true;
      });
    },
    importTemplate(text, now, makeId) {
      return db.transaction('rw', db.templates, async (): Promise<TemplateWrite> => {
        const ids = await db.templates.toCollection().primaryKeys();
        if (ids.length >= MAX_TEMPLATES) return { ok: false, reason: TOO_MANY_TEMPLATES };
        const parsed = parseTemplateFile(text, ids, makeId);
        if (!parsed.ok) return parsed;
        const saved = { ...parsed.template, updatedAt: now };
        await db.templates.add(saved);
        return {
          ok: true,
          template: saved,
          status: parsed.renamed ? `Imported “${saved.name}”: a template with that id is already here, so this is a copy.` : `Imported “${saved.name}”.`,
        };
      });
    },
    async all() {
      return db.transaction('r', [db.sessions, db.archive, db.preparations, db.settings], async () => {
        const [list, preparations, period] = await Promise.all([conversations(), db.preparations.toArray(), keepFor()]);
        return { conversations: list, preparations: preparations.filter(isStoredPreparation), keepFor: period };
      });
    },
    async newest(limit) {
      return db.transaction('r', [db.sessions, db.archive, db.preparations, db.settings], async () => {
        const [current, archived, preparations, period] = await Promise.all([
          db.sessions.orderBy('startedAt').reverse().limit(limit).toArray(),
          db.archive.orderBy('startedAt').reverse().limit(limit).toArray(),
          db.preparations.toArray(),
          keepFor(),
        ]);
        const list = [...current, ...archived].filter(isStoredSession).sort((a, b) => b.startedAt - a.startedAt);
        return { conversations: list.slice(0, limit), preparations: preparations.filter(isStoredPreparation), keepFor: period };
      });
    },
    async get(id) {
      const ref = parseConversationId(id);
      if (!ref) return null;
      const found = [await db.sessions.get(ref.key), await db.archive.get([ref.key, ref.startedAt])].find(
        (record) => isStoredSession(record) && record.startedAt === ref.startedAt,
      );
      return found ?? null;
    },
    async kickoffFor(closing) {
      if (conversationKindOf(closing) !== 'closing' || closing.preparationId === null) return null;
      const linked = await Promise.all(conversationTables.map((table) => table.where('preparationId').equals(closing.preparationId!).toArray()));
      return kickoffRecap(closing, linked.flat().filter(isStoredSession));
    },
    delete(id) {
      return db.transaction('rw', db.sessions, db.archive, () => deleteOne(id));
    },
    counts,
    deleteEverything() {
      // Everything of the coach's, the pages docked by hand and own templates included; only the
      // dock-ticket key stays, so panels open now are not turned away mid-call.
      const tables = [db.sessions, db.archive, db.preparations, db.settings, db.quarantine, db.dockedHere, db.templates];
      return db.transaction('rw', tables, async () => {
        const before = await counts();
        await Promise.all(tables.map((table) => table.clear()));
        return before;
      });
    },
    async setKeepFor(period) {
      await db.settings.put({ name: 'retention', value: period });
    },
    applyRetention(now) {
      return db.transaction('rw', [db.sessions, db.archive, db.preparations, db.settings, db.quarantine], async () => {
        const [current, archived, preparations, period] = await Promise.all([
          db.sessions.toArray(),
          db.archive.toArray(),
          db.preparations.toArray(),
          keepFor(),
        ]);
        // Damaged records still carry their dates: they expire with the rest.
        const dated = [...current, ...archived].filter(hasTimes).map((c) => ({ ...c, preparationId: typeof c.preparationId === 'string' ? c.preparationId : null }));
        const plan = planRetention(period, dated, preparations.filter(isStoredPreparation), now);
        for (const id of plan.conversations) await deleteOne(id);
        await db.preparations.bulkDelete(plan.preparationIds);
        const keepMs = retentionMs(period);
        const quarantined = keepMs === null ? 0 : await db.quarantine.filter((entry) => now - entry.at > keepMs).delete();
        return { ...plan, quarantined };
      });
    },
    async exportAll(now) {
      return db.transaction('r', [db.sessions, db.archive, db.preparations, db.settings, db.templates], async () => {
        const [list, preparations, preferences, period, templates] = await Promise.all([
          conversations(),
          db.preparations.toArray(),
          db.settings.get('preferences'),
          keepFor(),
          db.templates.toArray(),
        ]);
        return buildBackup(
          {
            conversations: list,
            preparations: preparations.filter(isStoredPreparation),
            settings: { ...storedPreferences(preferences?.value), keepFor: period },
            templates: templates.filter((t) => validateTemplate(t).ok),
          },
          now,
        );
      });
    },
    importBackup(backup, now) {
      return db.transaction('rw', [db.sessions, db.archive, db.preparations, db.settings, db.templates], async (): Promise<ImportResult> => {
        const [current, archiveKeys, prepIds, preferences, retention, templateIds] = await Promise.all([
          db.sessions.toArray(),
          db.archive.toCollection().primaryKeys(),
          db.preparations.toCollection().primaryKeys(),
          db.settings.get('preferences'),
          db.settings.get('retention'),
          db.templates.toCollection().primaryKeys(),
        ]);
        const conversationIds = new Set([
          ...current.map(conversationId),
          ...archiveKeys.map(([key, startedAt]) => conversationId({ key, startedAt })),
        ]);
        const period = retention && isRetentionPeriod(retention.value) ? retention.value : backup.settings.keepFor;
        const planned = planImport(
          backup,
          { conversationIds, currentKeys: new Set(current.map((s) => s.key)), preparationIds: new Set(prepIds), keepFor: period },
          now,
        );
        if (!planned.ok) return planned;
        // Templates as records are: one with an id already here is kept, never overwritten.
        const takenTemplates = new Set<string>([...templateIds, ...TEMPLATE_IDS]);
        const newTemplates = (backup.templates ?? []).filter((t) => !takenTemplates.has(t.id) && (takenTemplates.add(t.id), true));
        const templatesAfter = templateIds.length + newTemplates.length;
        if (templatesAfter > MAX_TEMPLATES) {
          return {
            ok: false,
            reason: `Nothing was imported: this backup would bring your templates to ${templatesAfter}, more than the ${MAX_TEMPLATES} you can keep.`,
          };
        }
        const { plan } = planned;
        await db.sessions.bulkAdd(plan.current);
        await db.archive.bulkAdd(plan.archived);
        await db.preparations.bulkAdd(plan.preparations);
        const { keepFor: importedPeriod, ...importedPreferences } = plan.settings;
        if (!preferences) await db.settings.add({ name: 'preferences', value: importedPreferences });
        if (!retention) await db.settings.add({ name: 'retention', value: importedPeriod });
        await db.templates.bulkAdd(newTemplates);
        const counted = importCounts(plan);
        const skippedTemplates = (backup.templates?.length ?? 0) - newTemplates.length;
        const templateNote =
          newTemplates.length > 0
            ? ` Imported ${newTemplates.length} template${newTemplates.length === 1 ? '' : 's'}${skippedTemplates > 0 ? `; ${skippedTemplates} already here` : ''}.`
            : '';
        return { ok: true, counts: counted, status: importStatus(counted) + templateNote };
      });
    },
  };
}
