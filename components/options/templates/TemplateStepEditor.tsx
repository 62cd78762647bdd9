import type { CaptureField } from '../../../utils/agenda/agenda';
import { canMoveStep, canRemoveStep } from '../../../utils/templates/edit';
import { CAPTURE_LABEL, TEMPLATE_CAPTURES, TEMPLATE_LEADS, TEMPLATE_LEAD_LABEL, TEMPLATE_LIMITS, type Template, type TemplateLead, type TemplateStep } from '../../../utils/templates/schema';
import { TextField, TextList, fieldId } from './TemplateFields';

/** The step's two lists of lines, each with its own limits. */
const STEP_LISTS = [
  { field: 'points', noun: 'Talking point', label: 'Talking points', max: TEMPLATE_LIMITS.maxPoints, limit: TEMPLATE_LIMITS.point },
  { field: 'guardrails', noun: 'Step guardrail', label: 'Guardrails for this step', max: TEMPLATE_LIMITS.maxStepGuardrails, limit: TEMPLATE_LIMITS.guardrail },
] as const;

interface Props {
  template: Template;
  index: number;
  /** Problems by field path, shown next to their field. */
  errors: Map<string, string>;
  onChange: (fields: Partial<TemplateStep>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One step of a template in the editor: its tools (move, remove) and every field of it. */
export function TemplateStepEditor({ template, index: i, errors, onChange, onMove, onRemove }: Props) {
  const step = template.steps[i]!;
  const path = `steps[${i}]`;
  return (
    <li class="tpl-step">
      <h4 id={`tpl-step-${i}-heading`} tabIndex={-1}>
        Step {i + 1}: {step.title || 'Untitled'}
      </h4>
      <div class="tpl-step__tools" role="group" aria-label={`Step ${i + 1}`}>
        <button type="button" class="button" id={`tpl-step-${i}-up`} disabled={!canMoveStep(template, i, -1)} onClick={() => onMove(-1)}>
          Move up
        </button>
        <button type="button" class="button" id={`tpl-step-${i}-down`} disabled={!canMoveStep(template, i, 1)} onClick={() => onMove(1)}>
          Move down
        </button>
        <button type="button" class="button" id={`tpl-step-${i}-remove`} disabled={!canRemoveStep(template, i)} onClick={onRemove}>
          Remove step
        </button>
      </div>
      <TextField path={`${path}.title`} label="Title" value={step.title} limit={TEMPLATE_LIMITS.title} error={errors.get(`${path}.title`)} onInput={(title) => onChange({ title })} />
      <div class="field">
        <label for={fieldId(`${path}.lead`)}>Who leads it</label>
        <select id={fieldId(`${path}.lead`)} value={step.lead} onChange={(e) => onChange({ lead: e.currentTarget.value as TemplateLead })}>
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
          onInput={(e) => onChange({ minutes: e.currentTarget.valueAsNumber })}
        />
        {errors.get(`${path}.minutes`) && (
          <p id={`${fieldId(`${path}.minutes`)}-error`} class="field__error">
            {errors.get(`${path}.minutes`)}
          </p>
        )}
      </div>
      <TextField path={`${path}.prompt`} label="Prompt" value={step.prompt} limit={TEMPLATE_LIMITS.prompt} error={errors.get(`${path}.prompt`)} onInput={(prompt) => onChange({ prompt })} />
      {STEP_LISTS.map((list) => (
        <TextList key={list.field} path={`${path}.${list.field}`} {...list} items={step[list.field]} errors={errors} onChange={(items) => onChange({ [list.field]: items })} />
      ))}
      <fieldset>
        <legend>What it captures (none checked: nothing)</legend>
        {TEMPLATE_CAPTURES.map((field: CaptureField) => (
          <label key={field} class="check">
            <input
              type="checkbox"
              checked={step.capture.includes(field)}
              onChange={(e) =>
                onChange({ capture: e.currentTarget.checked ? [...step.capture, field] : step.capture.filter((f) => f !== field) })
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
          onChange={(e) => onChange({ wrapUp: e.currentTarget.checked })}
        />{' '}
        Wrap-up step (kept at least three minutes)
      </label>
      {errors.get(`${path}.wrapUp`) && <p class="field__error">{errors.get(`${path}.wrapUp`)}</p>}
    </li>
  );
}
