/**
 * The coach's own conversation templates in IndexedDB. Every template is checked on the way in
 * and on the way out (utils/templates/validate.ts): an invalid one is never stored as valid, and
 * one that a later version would read as damaged is shown as such rather than started from.
 */
import { validateTemplate, describeProblem } from '../../utils/templates/validate';
import type { Template } from '../../utils/templates/schema';
import type { SessionDb } from './session-db';

export interface StoredTemplate {
  id: string;
  name: string;
  /** The template when it passes validation; null when the stored record does not. */
  template: Template | null;
  /** Why it cannot be used, in words; empty when it can. */
  problems: string[];
}

export type SaveResult = { ok: true; template: Template } | { ok: false; reason: string };

export function createTemplatesStore(db: SessionDb) {
  function read(raw: unknown): StoredTemplate {
    const checked = validateTemplate(raw);
    const record = (typeof raw === 'object' && raw !== null ? raw : {}) as { id?: unknown; name?: unknown };
    const id = typeof record.id === 'string' ? record.id : '';
    const name = typeof record.name === 'string' ? record.name : 'Unnamed template';
    return checked.ok ? { id, name, template: checked.template, problems: [] } : { id, name, template: null, problems: checked.errors.map(describeProblem) };
  }

  return {
    /** Every stored template, most recently saved first. */
    async list(): Promise<StoredTemplate[]> {
      return (await db.templates.orderBy('updatedAt').reverse().toArray()).map(read);
    },
    /** A template a conversation may start from, or null (gone, or not valid). */
    async usable(id: string): Promise<Template | null> {
      const raw: unknown = await db.templates.get(id);
      return raw === undefined ? null : read(raw).template;
    },
    async save(raw: unknown): Promise<SaveResult> {
      const checked = validateTemplate(raw);
      if (!checked.ok) return { ok: false, reason: describeProblem(checked.errors[0]!) };
      await db.templates.put(checked.template);
      return { ok: true, template: checked.template };
    },
    async delete(id: string): Promise<boolean> {
      const existed = (await db.templates.get(id)) !== undefined;
      await db.templates.delete(id);
      return existed;
    },
  };
}

export type TemplatesStore = ReturnType<typeof createTemplatesStore>;
