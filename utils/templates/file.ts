/**
 * The template file a coach shares with colleagues: a schema name, a version, when it was made
 * and the template, nothing else (no notes, no conversations). Reading one never throws and never
 * overwrites: a bad file gets one sentence, and a template whose id is taken comes in as a copy.
 */
import { TEMPLATE_IDS } from '../agenda/agenda';
import { copyName } from './copy';
import { TEMPLATE_ID, cloneTemplate, type Template } from './schema';
import { describeProblem, validateTemplate } from './validate';
import { fileSlug } from '../outputs/file-name';

export const TEMPLATE_FILE_SCHEMA = 'alignment-companion-template';
export const TEMPLATE_FILE_VERSION = 1;
/** A full template is a few tens of KB even in three-byte characters; anything far past that is not one. */
export const TEMPLATE_FILE_MAX_BYTES = 256 * 1024;

const FILE_KEYS = ['schema', 'version', 'exportedAt', 'template'];
// The backup's schema name (records/backup.ts): a coach may pick the wrong file.
const BACKUP_SCHEMA = 'alignment-companion-backup';
// An id maker that keeps returning taken ids is broken; a few tries tell.
const ID_TRIES = 5;

export interface TemplateFile {
  schema: typeof TEMPLATE_FILE_SCHEMA;
  version: typeof TEMPLATE_FILE_VERSION;
  /** ISO 8601, for a person reading the file. */
  exportedAt: string;
  template: Template;
}

export type TemplateFileResult = { ok: true; template: Template; renamed: boolean } | { ok: false; reason: string };

export function exportTemplateFile(template: Template, now: number): string {
  const file: TemplateFile = {
    schema: TEMPLATE_FILE_SCHEMA,
    version: TEMPLATE_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    template: cloneTemplate(template),
  };
  // Indented: colleagues open these to see what they are importing.
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "alignment-companion-template-first-90-days.json" */
export function templateFilename(template: Pick<Template, 'name'>): string {
  const slug = fileSlug(template.name);
  return `alignment-companion-template${slug ? `-${slug}` : ''}.json`;
}

/** For the file's size before it is read; null when it may be read. */
export function templateFileSizeProblem(bytes: number): string | null {
  return bytes > TEMPLATE_FILE_MAX_BYTES ? 'This file is larger than 256 KB, too large for a template.' : null;
}

function utf8Bytes(text: string): number {
  // Each UTF-16 unit is 1 to 3 bytes: only a text in between needs counting.
  if (text.length > TEMPLATE_FILE_MAX_BYTES || text.length * 3 <= TEMPLATE_FILE_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `existingIds`: every template id already stored; the built-ins' ids are always taken.
 * `makeId`: a fresh id for a copy (a UUID, say).
 */
export function parseTemplateFile(text: string, existingIds: Iterable<string>, makeId: () => string): TemplateFileResult {
  try {
    return parse(text, existingIds, makeId);
  } catch {
    // Only a throwing id maker or a hostile caller gets here; a file's contents cannot.
    return { ok: false, reason: 'This template could not be read, so nothing was imported.' };
  }
}

function parse(text: string, existingIds: Iterable<string>, makeId: () => string): TemplateFileResult {
  const refuse = (reason: string): TemplateFileResult => ({ ok: false, reason });
  if (typeof text !== 'string') return refuse('This file is not an Alignment Companion template.');
  const tooLarge = templateFileSizeProblem(utf8Bytes(text));
  if (tooLarge) return refuse(tooLarge);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('This file is not a template: it is not valid JSON.');
  }
  if (isRecord(raw) && raw.schema === BACKUP_SCHEMA) {
    return refuse('This file is a backup, not a template: restore it with Import backup.');
  }
  if (!isRecord(raw) || raw.schema !== TEMPLATE_FILE_SCHEMA || !Number.isSafeInteger(raw.version) || (raw.version as number) < 1) {
    return refuse('This file is not an Alignment Companion template.');
  }
  if ((raw.version as number) > TEMPLATE_FILE_VERSION) {
    return refuse('This template was made by a newer version of Alignment Companion; update the extension to import it.');
  }
  const extra = Object.keys(raw).find((key) => !FILE_KEYS.includes(key));
  if (extra !== undefined) {
    return refuse(`This template file carries more than a template (${JSON.stringify(extra.slice(0, 40))}), so nothing was imported.`);
  }
  if (raw.exportedAt !== undefined && typeof raw.exportedAt !== 'string') return refuse('This file is not an Alignment Companion template.');
  if (raw.template === undefined) return refuse('This template file holds no template.');
  const checked = validateTemplate(raw.template);
  if (!checked.ok) {
    const [first, ...rest] = checked.errors;
    const more = rest.length === 0 ? '' : `, and ${rest.length} more problem${rest.length === 1 ? '' : 's'}`;
    return refuse(`This template cannot be imported: ${describeProblem(first!)}${more}.`);
  }
  const taken = new Set<string>([...TEMPLATE_IDS, ...existingIds]);
  const template = checked.template;
  if (!taken.has(template.id)) return { ok: true, template, renamed: false };
  for (let i = 0; i < ID_TRIES; i++) {
    const id = makeId();
    if (typeof id === 'string' && TEMPLATE_ID.test(id) && !taken.has(id)) {
      return { ok: true, template: { ...template, id, name: copyName(template.name), version: 1 }, renamed: true };
    }
  }
  return refuse('This template could not be given a new id, so nothing was imported.');
}
