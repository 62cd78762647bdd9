/**
 * Restoring a backup into what is already here. Nothing here is ever overwritten: a record
 * with the same id is skipped and counted, so importing the same file twice changes nothing.
 */
import { LIMITS } from '../session/limits';
import type { Preparation } from '../session/preparation';
import type { Session } from '../session/session';
import type { Backup, BackupSettings } from './backup';
import { conversationId } from './conversation';
import { retentionMs, type RetentionPeriod } from './retention';

export interface ExistingRecords {
  /** Ids of every stored conversation, current and archived (see conversationId). */
  conversationIds: ReadonlySet<string>;
  /** Meetings with a current conversation. */
  currentKeys: ReadonlySet<string>;
  preparationIds: ReadonlySet<string>;
  /** The retention period in force once the import is done. */
  keepFor: RetentionPeriod;
}

export interface ImportPlan {
  /** The newest conversation of a meeting that has no current one becomes current, so rejoining resumes it. */
  current: Session[];
  archived: Session[];
  preparations: Preparation[];
  /** Each setting is written only where this profile has none: one already here is the coach's choice. */
  settings: BackupSettings;
  /** Records already here, or repeated in the file. */
  skipped: number;
  /** New records already past the retention period: the next clean-up removes them. */
  expiring: number;
}

export type ImportPlanResult = { ok: true; plan: ImportPlan } | { ok: false; reason: string };

export function planImport(backup: Backup, existing: ExistingRecords, now: number): ImportPlanResult {
  const seen = new Set(existing.conversationIds);
  const fresh: Session[] = [];
  for (const conversation of backup.conversations) {
    const id = conversationId(conversation);
    if (seen.has(id)) continue;
    seen.add(id);
    fresh.push(conversation);
  }
  const prepIds = new Set(existing.preparationIds);
  const preparations: Preparation[] = [];
  for (const prep of backup.preparations) {
    if (prepIds.has(prep.id)) continue;
    prepIds.add(prep.id);
    preparations.push(prep);
  }
  if (prepIds.size > LIMITS.preparations) {
    return {
      ok: false,
      reason: `Nothing was imported: this backup would bring your preparations to ${prepIds.size}, more than the ${LIMITS.preparations} you can keep.`,
    };
  }

  const current: Session[] = [];
  const archived: Session[] = [];
  const taken = new Set(existing.currentKeys);
  for (const conversation of [...fresh].sort((a, b) => b.startedAt - a.startedAt)) {
    if (taken.has(conversation.key)) archived.push(conversation);
    else current.push(conversation);
    taken.add(conversation.key);
  }

  const keepFor = retentionMs(existing.keepFor);
  const isOld = (lastChange: number) => keepFor !== null && now - lastChange > keepFor;
  const expiring = fresh.filter((c) => isOld(c.updatedAt)).length + preparations.filter((p) => isOld(p.updatedAt)).length;
  const skipped = backup.conversations.length - fresh.length + backup.preparations.length - preparations.length;
  return { ok: true, plan: { current, archived, preparations, settings: backup.settings, skipped, expiring } };
}

export interface ImportCounts {
  conversations: number;
  preparations: number;
  skipped: number;
  expiring: number;
}

export function importCounts(plan: ImportPlan): ImportCounts {
  const { skipped, expiring } = plan;
  return { conversations: plan.current.length + plan.archived.length, preparations: plan.preparations.length, skipped, expiring };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The one sentence the page's status region says after an import. */
export function importStatus({ conversations, preparations, skipped, expiring }: ImportCounts): string {
  if (conversations + preparations === 0) {
    if (skipped === 0) return 'This backup holds no conversations or preparations.';
    return skipped === 1 ? 'Nothing new: the one record in this backup is already here.' : `Nothing new: all ${skipped} records in this backup are already here.`;
  }
  const parts = [`Imported ${count(conversations, 'conversation')} and ${count(preparations, 'preparation')}`];
  if (skipped > 0) parts.push(`${skipped} already here`);
  if (expiring > 0) parts.push(`${expiring} older than you keep records, so the next clean-up removes ${expiring === 1 ? 'it' : 'them'}`);
  return `${parts.join('; ')}.`;
}
