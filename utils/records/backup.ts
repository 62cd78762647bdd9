/**
 * The backup file: everything the coach has, in one JSON file they download and can restore
 * into this or a fresh browser profile. Reading one never throws: a bad file gets one sentence
 * that says what is wrong, and nothing from it is used.
 */
import { LIMITS } from '../session/limits';
import type { Preferences } from '../session/preferences';
import { PREP_TEXT_LIMIT, type Preparation } from '../session/preparation';
import type { Session } from '../session/session';
import { preparationProblem, sessionProblem, storedPreferences } from '../session/stored-records';
import { localDateStamp } from './conversation';
import type { Template } from '../templates/schema';
import { describeProblem, validateTemplate } from '../templates/validate';
import { DEFAULT_RETENTION, isRetentionPeriod, type RetentionPeriod } from './retention';

export const BACKUP_SCHEMA = 'alignment-companion-backup';
export const BACKUP_VERSION = 1;
/** Far above a heavy user's records (a thousand conversations is a few MB), far below what strains a tab. */
export const BACKUP_MAX_BYTES = 20 * 1024 * 1024;
const MAX_TEXT = '20 MB';

/** The coach's preferences; never a secret. */
export interface BackupSettings extends Preferences {
  keepFor: RetentionPeriod;
}

export interface Backup {
  schema: typeof BACKUP_SCHEMA;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, for a person reading the file. */
  exportedAt: string;
  /** Current and archived conversations alike. */
  conversations: Session[];
  preparations: Preparation[];
  settings: BackupSettings;
  /** The coach's own templates; absent from backups made before templates existed. */
  templates?: Template[];
}

export type BackupResult = { ok: true; backup: Backup } | { ok: false; reason: string };

export function buildBackup(
  contents: { conversations: Session[]; preparations: Preparation[]; settings: BackupSettings; templates?: Template[] },
  now: number,
): Backup {
  return { schema: BACKUP_SCHEMA, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), ...contents };
}

export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup);
}

export function backupFilename(now: number): string {
  return `alignment-companion-backup-${localDateStamp(now)}.json`;
}

/** For the file's size before it is read; null when it may be read. */
export function backupSizeProblem(bytes: number): string | null {
  return bytes > BACKUP_MAX_BYTES ? `This file is larger than ${MAX_TEXT}, the most a backup can be.` : null;
}

function utf8Bytes(text: string): number {
  // A UTF-16 unit is 1 to 3 bytes: only a string in between needs counting.
  if (text.length > BACKUP_MAX_BYTES) return text.length;
  if (text.length * 3 <= BACKUP_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const longerThan = (limit: number) => (text: string) => text.length > limit;

/** A text the panel could never have stored (see limits.ts); null when all fit. */
function sessionTextProblem(session: Session): string | null {
  const { goals, support, secondConversation, cadence } = session.capture;
  if ([goals, support, secondConversation].some(longerThan(LIMITS.capture)) || (cadence && cadence.custom.length > LIMITS.cadenceCustom)) {
    return 'what it captured is longer than the extension allows';
  }
  if (session.parked.length > LIMITS.parkedTopics || session.parked.some((topic) => topic.text.length > LIMITS.parkedTopic)) {
    return 'it has more parked topics, or longer ones, than the extension allows';
  }
  if (Object.values(session.notes).some(longerThan(LIMITS.note))) return 'a private note is longer than the extension allows';
  if (session.nextStepsText !== null && session.nextStepsText.length > LIMITS.nextSteps) return 'its next steps are longer than the extension allows';
  return null;
}

function preparationTextProblem(prep: Preparation): string | null {
  const tooLong = (['label', 'outcome', 'notes'] as const).find((field) => prep[field].length > PREP_TEXT_LIMIT[field]);
  return tooLong ? `its ${tooLong === 'outcome' ? 'desired outcome' : tooLong} is longer than the extension allows` : null;
}

/** The first damaged record's sentence, or null when every one passes. */
function recordsProblem<T>(
  records: unknown[],
  noun: string,
  problem: (value: unknown) => string | null,
  textProblem: (value: T) => string | null,
): string | null {
  for (let i = 0; i < records.length; i++) {
    const why = problem(records[i]) ?? textProblem(records[i] as T);
    if (why) return `${noun} ${i + 1} of ${records.length} in this file cannot be restored (${why}), so nothing was imported.`;
  }
  return null;
}

export function parseBackup(text: string): BackupResult {
  const refuse = (reason: string): BackupResult => ({ ok: false, reason });
  const tooLarge = backupSizeProblem(utf8Bytes(text));
  if (tooLarge) return refuse(tooLarge);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('This file is not a backup: it is not valid JSON.');
  }
  if (!isRecord(raw) || raw.schema !== BACKUP_SCHEMA || !Number.isSafeInteger(raw.version) || (raw.version as number) < 1) {
    return refuse('This file is not an Alignment Companion backup.');
  }
  if ((raw.version as number) > BACKUP_VERSION) {
    return refuse('This backup was made by a newer version of Alignment Companion; update the extension to restore it.');
  }
  if (!Array.isArray(raw.conversations) || !Array.isArray(raw.preparations) || typeof raw.exportedAt !== 'string') {
    return refuse('This backup is damaged: its list of conversations or preparations is missing.');
  }
  const damaged =
    recordsProblem<Session>(raw.conversations, 'Conversation', sessionProblem, sessionTextProblem) ??
    recordsProblem<Preparation>(raw.preparations, 'Preparation', preparationProblem, preparationTextProblem);
  if (damaged) return refuse(damaged);
  let templates: Template[] | undefined;
  if (raw.templates !== undefined) {
    if (!Array.isArray(raw.templates)) return refuse('This backup is damaged: its list of templates is not a list.');
    templates = [];
    for (let i = 0; i < raw.templates.length; i++) {
      const checked = validateTemplate(raw.templates[i]);
      if (!checked.ok) {
        return refuse(`Template ${i + 1} of ${raw.templates.length} in this file cannot be restored (${describeProblem(checked.errors[0]!)}), so nothing was imported.`);
      }
      templates.push(checked.template);
    }
  }
  // Settings fall back value by value, as stored ones do: a bad chime setting is no reason to lose records.
  const settings = isRecord(raw.settings) ? raw.settings : {};
  return {
    ok: true,
    backup: {
      schema: BACKUP_SCHEMA,
      version: BACKUP_VERSION,
      exportedAt: raw.exportedAt,
      conversations: raw.conversations as Session[],
      preparations: raw.preparations as Preparation[],
      settings: { ...storedPreferences(settings), keepFor: isRetentionPeriod(settings.keepFor) ? settings.keepFor : DEFAULT_RETENTION },
      ...(templates ? { templates } : {}),
    },
  };
}
