import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { saveFile } from '../../../entrypoints/options/download';
import type { RecordsClient } from '../../../entrypoints/options/records-client';
import type { TemplatesView } from '../../../entrypoints/options/templates-view';
import { builtInTemplates } from '../../../utils/templates/built-ins';
import { duplicateTemplate } from '../../../utils/templates/copy';
import { blankTemplate } from '../../../utils/templates/edit';
import { exportTemplateFile, templateFileSizeProblem, templateFilename } from '../../../utils/templates/file';
import type { Template } from '../../../utils/templates/schema';
import type { ConfirmRequest } from '../ConfirmDialog';
import { JsonFileInput } from '../JsonFileInput';
import { TemplateEditor } from './TemplateEditor';

interface Props {
  view: TemplatesView;
  client: RecordsClient;
  say: (text: string) => void;
  confirm: (request: Omit<ConfirmRequest, 'answer'>) => Promise<boolean>;
  /** The editor holds changes not saved; the page asks before leaving the section too. */
  dirty: Signal<boolean>;
}

/** The one question before unsaved changes to a template are dropped. */
export function discardRequest(name = ''): Omit<ConfirmRequest, 'answer'> {
  return { title: 'Discard unsaved changes?', body: `Your changes to “${name.trim() || 'this template'}” are not saved.`, confirm: 'Discard changes' };
}

const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
const newId = () => crypto.randomUUID();

/**
 * The Templates section: the built-ins (read-only, `Duplicate`), the coach's own (edit,
 * `Duplicate`, `Export template`, delete), `New template`, `Import template`, and the editor.
 * Reads come from IndexedDB (templates-view.ts); every write goes to the records hub.
 */
export function TemplatesSection({ view, client, say, confirm, dirty }: Props) {
  const editing = useSignal<Template | null>(null);
  /** Counts openings, so opening the template being edited again starts from what is stored. */
  const openings = useSignal(0);
  const own = view.templates.value;

  // Closing the tab with unsaved changes gets the browser's own question.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.value) return;
      event.preventDefault();
      // Chrome before 119 asks only when returnValue is set.
      event.returnValue = '';
    };
    addEventListener('beforeunload', onBeforeUnload);
    return () => removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  /** True when there is nothing unsaved, or the coach chose to drop it. */
  async function mayDropDraft(): Promise<boolean> {
    if (!dirty.value) return true;
    const ok = await confirm(discardRequest(editing.value?.name));
    if (!ok) focus('tpl-save');
    return ok;
  }

  async function open(template: Template) {
    if (!(await mayDropDraft())) return;
    editing.value = template;
    openings.value++;
    focus('template-editor-title');
  }

  async function close() {
    if (!(await mayDropDraft())) return;
    editing.value = null;
    focus('templates-title');
  }

  async function save(template: Template): Promise<string | null> {
    const reply = await client.ask({ kind: 'template-save', template });
    say(reply.ok ? reply.status : reply.reason);
    return reply.ok ? null : reply.reason;
  }

  async function remove(template: Template) {
    const ok = await confirm({ title: 'Delete this template?', body: `“${template.name}” is deleted for good. Conversations already started from it keep their steps.`, confirm: 'Delete' });
    if (!ok) return focus(`tpl-delete-${template.id}`);
    const reply = await client.ask({ kind: 'template-delete', template: template.id });
    say(reply.ok ? reply.status : reply.reason);
    if (editing.value?.id === template.id) editing.value = null;
    focus('templates-title');
  }

  function exportOne(template: Template) {
    const filename = templateFilename(template);
    saveFile(filename, exportTemplateFile(template, Date.now()), 'application/json');
    say(`Downloaded ${filename}.`);
  }

  async function importOne(file: File) {
    const tooLarge = templateFileSizeProblem(file.size);
    if (tooLarge) return say(tooLarge);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return say('This file could not be read, so nothing was imported.');
    }
    const reply = await client.ask({ kind: 'template-import', text });
    say(reply.ok ? reply.status : reply.reason);
  }

  return (
    <main id="templates" class="page__main" aria-labelledby="templates-title">
      <h1 id="templates-title" tabIndex={-1}>
        Templates
      </h1>
      <p class="muted">The steps a conversation follows. The built-ins cannot be changed; duplicate one to make your own.</p>
      {view.problem.value && (
        <p class="notice" role="alert">
          {view.problem.value}
        </p>
      )}
      <div class="tpl-tools">
        <button type="button" class="button button--primary" id="tpl-new" onClick={() => void open(blankTemplate(newId(), Date.now()))}>
          New template
        </button>
        <JsonFileInput id="tpl-import" label="Import template" onFile={(file) => void importOne(file)} />
      </div>
      <h2>Built-in</h2>
      <ul class="tpl-rows">
        {builtInTemplates().map((template) => (
          <li key={template.id} class="tpl-row" data-id={template.id}>
            <span class="tpl-row__name">{template.name}</span> <span class="muted">{template.steps.length} steps, read-only</span>
            <button type="button" class="button" aria-label={`Duplicate ${template.name}`} onClick={() => void open(duplicateTemplate(template, newId(), Date.now()))}>
              Duplicate
            </button>
          </li>
        ))}
      </ul>
      <h2>Yours</h2>
      {own === null ? (
        <p class="muted">Loading…</p>
      ) : own.length === 0 ? (
        <p class="muted">No templates of your own yet.</p>
      ) : (
        <ul class="tpl-rows">
          {own.map((template) => (
            <li key={template.id} class="tpl-row" data-id={template.id}>
              <span class="tpl-row__name">{template.name}</span> <span class="muted">{template.steps.length} steps, version {template.version}</span>
              <button type="button" class="button" aria-label={`Edit ${template.name}`} onClick={() => void open(template)}>
                Edit
              </button>
              <button type="button" class="button" aria-label={`Duplicate ${template.name}`} onClick={() => void open(duplicateTemplate(template, newId(), Date.now()))}>
                Duplicate
              </button>
              <button type="button" class="button" aria-label={`Export template ${template.name}`} onClick={() => exportOne(template)}>
                Export template
              </button>
              <button type="button" class="button" id={`tpl-delete-${template.id}`} aria-label={`Delete ${template.name}`} onClick={() => void remove(template)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing.value && (
        <TemplateEditor
          key={openings.value}
          initial={editing.value}
          onSave={save}
          onClose={() => void close()}
          dirty={dirty}
        />
      )}
    </main>
  );
}
