/**
 * Copies: `Duplicate` in the editor, and an import whose id is already taken. A copy is a new
 * template, so it starts again at version 1 and says in its name that it is a copy.
 */
import { TEMPLATE_LIMITS, cloneTemplate, type Template } from './schema';

const COPY = /\s\(copy(?: (\d{1,6}))?\)$/;

/** "Kickoff" → "Kickoff (copy)" → "Kickoff (copy 2)", cut so it still fits the name limit. */
export function copyName(name: string): string {
  const match = COPY.exec(name);
  const base = match ? name.slice(0, match.index) : name;
  const suffix = match ? ` (copy ${Number(match[1] ?? 1) + 1})` : ' (copy)';
  let kept = base.slice(0, Math.max(0, TEMPLATE_LIMITS.name - suffix.length)).trimEnd();
  // Never leave half of a surrogate pair (an emoji) at the cut.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept || 'Template'}${suffix}`;
}

export function duplicateTemplate(template: Template, newId: string, now: number): Template {
  return { ...cloneTemplate(template), id: newId, name: copyName(template.name), version: 1, updatedAt: now };
}
