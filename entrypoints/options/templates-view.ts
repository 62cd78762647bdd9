/**
 * The Templates section's reading side: the coach's own templates straight from IndexedDB
 * (liveQuery), as records-view.ts reads conversations. It never writes: saves, deletes and
 * imports go through the records hub (records-client.ts).
 */
import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import type { SessionDb } from '../background/session-db';
import type { Template } from '../../utils/templates/schema';
import { validateTemplate } from '../../utils/templates/validate';

export function watchTemplates(db: SessionDb) {
  const templates = signal<Template[] | null>(null);
  const problem = signal<string | null>(null);
  const sub = liveQuery(() => db.templates.toArray()).subscribe({
    next: (rows) => {
      templates.value = rows.filter((t) => validateTemplate(t).ok).sort((a, b) => a.name.localeCompare(b.name));
      problem.value = null;
    },
    error: () => (problem.value = 'The templates could not be read from the browser’s storage. Reload the page to try again.'),
  });
  return { templates, problem, stop: () => sub.unsubscribe() };
}

export type TemplatesView = ReturnType<typeof watchTemplates>;
