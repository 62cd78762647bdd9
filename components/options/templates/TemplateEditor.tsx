import { useSignal } from '@preact/signals';
import type { CaptureField } from '../../../utils/agenda/agenda';
import { allotMinutes } from '../../../utils/templates/allot';
import { addStep, canAddStep, canMoveStep, canRemoveStep, moveStep, removeStep } from '../../../utils/templates/edit';
import {
  CAPTURE_LABEL,
  TEMPLATE_CAPTURES,
  TEMPLATE_LEADS,
  TEMPLATE_LEAD_LABEL,
  TEMPLATE_LIMITS,
  type Template,
  type TemplateLead,
  type TemplateStep,
} from '../../../utils/templates/schema';
import { validateTemplate, type TemplateError } from '../../../utils/templates/validate';

interface Props {
  initial: Template;
  /** Resolves to the refusal's sentence, or null once saved. */
  onSave: (template: Template) => Promise<string | null>;
  onClose: () => void;
}

/** `steps[2].title` → `tpl-steps-2-title`: the field a validation problem belongs to. */
export const fieldId = (path: string) => `tpl-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;

function TextField(props: {
  path: string;
  label: string;
  value: string;
  limit: number;
  error?: string;
  multiline?: boolean;
  onInput: (text: string) => void;
}) {
  const id = fieldId(props.path);
  const left = props.limit - props.value.length;
  const Tag = props.multiline ? 'textarea' : 'input';
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <Tag
        id={id}
        {...(props.multiline ? { rows: 2 } : { type: 'text' })}
        maxLength={props.limit}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={`${id}-count${props.error ? ` ${id}-error` : ''}`}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
      <p class="field__meta">
        {props.error && (
          <span id={`${id}-error`} class="field__error">
            {props.error}
          </span>
        )}
        <span id={`${id}-count`} class={`field__count ${left <= props.limit * 0.1 ? 'field__count--low' : ''}`}>
          {left <= 0 ? 'Limit reached' : `${props.value.length}/${props.limit}`}
          <span class="visually-hidden">{left <= 0 ? `: ${props.limit} characters` : ' characters'}</span>
        </span>
      </p>
    </div>
  );
}

function TextList(props: { path: string; noun: string; label: string; items: string[]; max: number; limit: number; errors: Map<string, string>; onChange: (items: string[]) => void }) {
  return (
    <fieldset class="tpl-list">
      <legend>{props.label}</legend>
      {props.items.map((item, i) => (
        <div class="tpl-list__item" key={i}>
          <TextField
            path={`${props.path}[${i}]`}
            label={`${props.noun} ${i + 1}`}
            value={item}
            limit={props.limit}
            error={props.errors.get(`${props.path}[${i}]`)}
            onInput={(text) => props.onChange(props.items.map((old, j) => (j === i ? text : old)))}
          />
          <button type="button" class="button" onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}>
            Remove {props.noun.toLowerCase()} {i + 1}
          </button>
        </div>
      ))}
      {props.errors.get(props.path) && <p class="field__error">{props.errors.get(props.path)}</p>}
      <button type="button" class="button" disabled={props.items.length >= props.max} onClick={() => props.onChange([...props.items, ''])}>
        Add {props.noun.toLowerCase()}
      </button>
    </fieldset>
  );
}

const focusSoon = (...ids: string[]) =>
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id) as HTMLButtonElement | null;
      if (element && !element.disabled) return element.focus();
    }
  });

/**
 * The editor of one of the coach's own templates. A template that does not pass validateTemplate
 * is never saved: Save says what is wrong next to each field and stores nothing.
 */
export function TemplateEditor({ initial, onSave, onClose }: Props) {
  const draft = useSignal<Template>(initial);
  const showErrors = useSignal(false);
  const saving = useSignal(false);
  const template = draft.value;
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
    const refused = await onSave(checked.template);
    saving.value = false;
    if (refused === null) draft.value = { ...draft.value };
  }

  const lengths = [30, 45, 60] as const;
  let preview: number[][] | null = null;
  try {
    preview = lengths.map((length) => allotMinutes(template, length));
  } catch {
    preview = null;
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
        {template.steps.map((step, i) => {
          const path = `steps[${i}]`;
          return (
            <li key={step.id} class="tpl-step">
              <h4 id={`tpl-step-${i}-heading`} tabIndex={-1}>
                Step {i + 1}: {step.title || 'Untitled'}
              </h4>
              <div class="tpl-step__tools" role="group" aria-label={`Step ${i + 1}`}>
                <button type="button" class="button" id={`tpl-step-${i}-up`} disabled={!canMoveStep(template, i, -1)} onClick={() => move(i, -1)}>
                  Move up
                </button>
                <button type="button" class="button" id={`tpl-step-${i}-down`} disabled={!canMoveStep(template, i, 1)} onClick={() => move(i, 1)}>
                  Move down
                </button>
                <button type="button" class="button" id={`tpl-step-${i}-remove`} disabled={!canRemoveStep(template, i)} onClick={() => remove(i)}>
                  Remove step
                </button>
              </div>
              <TextField path={`${path}.title`} label="Title" value={step.title} limit={TEMPLATE_LIMITS.title} error={errors.get(`${path}.title`)} onInput={(title) => setStep(i, { title })} />
              <div class="field">
                <label for={fieldId(`${path}.lead`)}>Who leads it</label>
                <select id={fieldId(`${path}.lead`)} value={step.lead} onChange={(e) => setStep(i, { lead: e.currentTarget.value as TemplateLead })}>
                  {TEMPLATE_LEADS.map((lead) => (
                    <option key={lead} value={lead}>
                      {TEMPLATE_LEAD_LABEL[lead]}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={fieldId(`${path}.minutes`)}>Minutes in a 30-minute meeting</label>
                <input
                  id={fieldId(`${path}.minutes`)}
                  type="number"
                  min={1}
                  max={30}
                  step={1}
                  value={step.minutes}
                  aria-invalid={errors.get(`${path}.minutes`) ? 'true' : undefined}
                  aria-describedby={errors.get(`${path}.minutes`) ? `${fieldId(`${path}.minutes`)}-error` : undefined}
                  onInput={(e) => setStep(i, { minutes: e.currentTarget.valueAsNumber })}
                />
                {errors.get(`${path}.minutes`) && (
                  <p id={`${fieldId(`${path}.minutes`)}-error`} class="field__error">
                    {errors.get(`${path}.minutes`)}
                  </p>
                )}
              </div>
              <TextField path={`${path}.prompt`} label="Prompt" value={step.prompt} limit={TEMPLATE_LIMITS.prompt} error={errors.get(`${path}.prompt`)} onInput={(prompt) => setStep(i, { prompt })} />
              <TextList
                path={`${path}.points`}
                noun="Talking point"
                label="Talking points"
                items={step.points}
                max={TEMPLATE_LIMITS.maxPoints}
                limit={TEMPLATE_LIMITS.point}
                errors={errors}
                onChange={(points) => setStep(i, { points })}
              />
              <TextList
                path={`${path}.guardrails`}
                noun="Step guardrail"
                label="Guardrails for this step"
                items={step.guardrails}
                max={TEMPLATE_LIMITS.maxStepGuardrails}
                limit={TEMPLATE_LIMITS.guardrail}
                errors={errors}
                onChange={(guardrails) => setStep(i, { guardrails })}
              />
              <fieldset>
                <legend>What it captures (none checked: nothing)</legend>
                {TEMPLATE_CAPTURES.map((field: CaptureField) => (
                  <label key={field} class="check">
                    <input
                      type="checkbox"
                      checked={step.capture.includes(field)}
                      onChange={(e) =>
                        setStep(i, { capture: e.currentTarget.checked ? [...step.capture, field] : step.capture.filter((f) => f !== field) })
                      }
                    />{' '}
                    {CAPTURE_LABEL[field]}
                  </label>
                ))}
                {errors.get(`${path}.capture`) && <p class="field__error">{errors.get(`${path}.capture`)}</p>}
              </fieldset>
              <label class="check">
                <input
                  id={fieldId(`${path}.wrapUp`)}
                  type="checkbox"
                  checked={step.wrapUp}
                  aria-invalid={errors.get(`${path}.wrapUp`) ? 'true' : undefined}
                  onChange={(e) => setStep(i, { wrapUp: e.currentTarget.checked })}
                />{' '}
                Wrap-up step (kept at least three minutes)
              </label>
              {errors.get(`${path}.wrapUp`) && <p class="field__error">{errors.get(`${path}.wrapUp`)}</p>}
            </li>
          );
        })}
      </ol>
      <button type="button" class="button" id="tpl-add-step" disabled={!canAddStep(template)} onClick={add}>
        Add step
      </button>
      <section aria-labelledby="tpl-preview-title" class="tpl-preview">
        <h3 id="tpl-preview-title">Preview</h3>
        {preview ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Step</th>
                {lengths.map((length) => (
                  <th scope="col" key={length}>
                    {length} min
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {template.steps.map((step, i) => (
                <tr key={step.id}>
                  <th scope="row">{step.title || `Step ${i + 1}`}</th>
                  {preview!.map((minutes, j) => (
                    <td key={j}>{minutes[i]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">The preview shows once the minutes add up to 30.</p>
        )}
      </section>
      <div class="tpl-editor__actions">
        <button type="button" class="button button--primary" id="tpl-save" disabled={saving.value} onClick={save}>
          Save template
        </button>
        <button type="button" class="button" onClick={onClose}>
          Close editor
        </button>
      </div>
    </section>
  );
}
