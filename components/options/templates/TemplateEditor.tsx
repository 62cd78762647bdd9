import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { addStep, canAddStep, moveStep, removeStep } from '../../../utils/templates/edit';
import { TEMPLATE_KINDS, TEMPLATE_KIND_LABEL, TEMPLATE_LIMITS, type Template, type TemplateKind, type TemplateStep } from '../../../utils/templates/schema';
import { validateTemplate, type TemplateError } from '../../../utils/templates/validate';
import { TextField, TextList, fieldId } from './TemplateFields';
import { TemplatePreview } from './TemplatePreview';
import { TemplateStepEditor } from './TemplateStepEditor';

interface Props {
  initial: Template;
  /** Resolves to the refusal's sentence, or null once saved. */
  onSave: (template: Template) => Promise<string | null>;
  onClose: () => void;
  /** True while the draft differs from what was opened or last saved; the section asks before dropping it. */
  dirty: Signal<boolean>;
}

/**
 * Moves the focus to the first of `ids` that can take it, once the change is drawn; not if the
 * coach has moved it meanwhile (a quick Tab, or a click), which it would otherwise pull back.
 */
const focusSoon = (...ids: string[]) => {
  const from = document.activeElement;
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now !== from && now !== null && now !== document.body) return;
    for (const id of ids) {
      const element = document.getElementById(id) as HTMLButtonElement | null;
      if (element && !element.disabled) return element.focus();
    }
  });
};

/**
 * The editor of one of the coach's own templates. A template that does not pass validateTemplate
 * is never saved: Save says what is wrong next to each field and stores nothing.
 */
export function TemplateEditor({ initial, onSave, onClose, dirty }: Props) {
  const draft = useSignal<Template>(initial);
  /** What is stored (or was opened), to tell unsaved changes; a save moves it. */
  const saved = useSignal(JSON.stringify(initial));
  const showErrors = useSignal(false);
  const saving = useSignal(false);
  const template = draft.value;
  const unsaved = JSON.stringify(template) !== saved.value;
  useEffect(() => {
    dirty.value = unsaved;
  }, [unsaved]);
  useEffect(() => () => void (dirty.value = false), []);
  const checked = validateTemplate(template);
  const problems: TemplateError[] = checked.ok ? [] : checked.errors;
  const errors = new Map<string, string>();
  if (showErrors.value) for (const problem of problems) if (!errors.has(problem.path)) errors.set(problem.path, problem.message);

  const set = (next: Template) => (draft.value = next);
  const setStep = (index: number, fields: Partial<TemplateStep>) =>
    set({ ...template, steps: template.steps.map((step, i) => (i === index ? { ...step, ...fields } : step)) });

  function move(index: number, delta: -1 | 1) {
    set(moveStep(template, index, delta));
    const to = index + delta;
    focusSoon(`tpl-step-${to}-${delta < 0 ? 'up' : 'down'}`, `tpl-step-${to}-${delta < 0 ? 'down' : 'up'}`, `tpl-step-${to}-heading`);
  }
  function add() {
    const next = addStep(template);
    set(next);
    const added = next.steps.findIndex((step) => !template.steps.some((old) => old.id === step.id));
    focusSoon(fieldId(`steps[${added}].title`));
  }
  function remove(index: number) {
    set(removeStep(template, index));
    focusSoon(`tpl-step-${Math.min(index, template.steps.length - 2)}-heading`);
  }

  async function save() {
    showErrors.value = true;
    if (!checked.ok) {
      const first = problems[0]!;
      focusSoon(fieldId(first.path), 'template-problems');
      return;
    }
    saving.value = true;
    const sent = JSON.stringify(template);
    const refused = await onSave(checked.template);
    saving.value = false;
    if (refused === null) saved.value = sent;
  }

  const unplaced = problems.filter((problem) => !document.getElementById(fieldId(problem.path)));

  return (
    <section class="tpl-editor" aria-labelledby="template-editor-title">
      <h2 id="template-editor-title" tabIndex={-1}>
        Edit template
      </h2>
      {showErrors.value && problems.length > 0 && (
        <div id="template-problems" class="notice" role="alert" tabIndex={-1}>
          <p>
            Not saved: {problems.length} problem{problems.length === 1 ? '' : 's'} to fix.
          </p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((problem) => (
                <li key={problem.path}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <TextField path="name" label="Name" value={template.name} limit={TEMPLATE_LIMITS.name} error={errors.get('name')} onInput={(name) => set({ ...template, name })} />
      <TextField
        path="description"
        label="Description"
        multiline
        value={template.description}
        limit={TEMPLATE_LIMITS.description}
        error={errors.get('description')}
        onInput={(description) => set({ ...template, description })}
      />
      <div class="field">
        <label for={fieldId('kind')}>Conversation type</label>
        <select id={fieldId('kind')} aria-describedby="tpl-kind-hint" value={template.kind} onChange={(e) => set({ ...template, kind: e.currentTarget.value as TemplateKind })}>
          {TEMPLATE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {TEMPLATE_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
        <p id="tpl-kind-hint" class="field__meta muted">
          How the next steps word the goals, and whether a Closing recalls what its Kickoff agreed.
        </p>
      </div>
      <TextList
        path="guardrails"
        noun="Guardrail"
        label="Meeting-wide guardrails"
        items={template.guardrails}
        max={TEMPLATE_LIMITS.maxGuardrails}
        limit={TEMPLATE_LIMITS.guardrail}
        errors={errors}
        onChange={(guardrails) => set({ ...template, guardrails })}
      />
      <h3>Steps</h3>
      {errors.get('steps') && <p class="field__error">{errors.get('steps')}</p>}
      <ol class="tpl-steps">
        {template.steps.map((step, i) => (
            <TemplateStepEditor
              key={step.id}
              template={template}
              index={i}
              errors={errors}
              onChange={(fields) => setStep(i, fields)}
              onMove={(delta) => move(i, delta)}
              onRemove={() => remove(i)}
            />
        ))}
      </ol>
      <button type="button" class="button" id="tpl-add-step" disabled={!canAddStep(template)} onClick={add}>
        Add step
      </button>
      <TemplatePreview template={template} />
      <div class="tpl-editor__actions">
        <button type="button" class="button button--primary" id="tpl-save" disabled={saving.value} onClick={save}>
          Save template
        </button>
        <button type="button" class="button" onClick={onClose}>
          Close editor
        </button>
        <p class="tpl-editor__state muted" aria-live="polite">
          {unsaved ? 'Unsaved changes' : ''}
        </p>
      </div>
    </section>
  );
}
