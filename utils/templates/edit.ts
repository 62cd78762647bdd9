/**
 * What the editor's buttons do to a template: `New template`, add, remove, `Move up`/`Move down`,
 * save. Each returns a new template and keeps a valid one valid where it can (the minutes still
 * add up to 30, the wrap-up stays last); an edit that cannot is refused by returning the input.
 */
import { GUARDRAILS } from '../agenda/agenda';
import { stepFloor } from './allot';
import { STEP_FLOOR_MINUTES, TEMPLATE_LIMITS, cloneStep, cloneTemplate, type Template, type TemplateStep } from './schema';

/** A step with nothing in it yet but its id: the coach's lead, one minute, no texts. */
export function emptyStep(id: string, fields: Partial<TemplateStep> = {}): TemplateStep {
  return {
    id,
    title: '',
    lead: 'coach',
    minutes: STEP_FLOOR_MINUTES,
    prompt: '',
    points: [],
    guardrails: [],
    capture: [],
    wrapUp: false,
    objectives: false,
    ...fields,
  };
}

/** A starting point that already validates: an opening step and the wrap-up, the guide's guardrails. */
export function blankTemplate(id: string, now: number): Template {
  return {
    id,
    name: 'New template',
    description: '',
    kind: 'other',
    version: 1,
    updatedAt: now,
    guardrails: [...GUARDRAILS],
    steps: [
      emptyStep('step-1', { title: 'Welcome and context', minutes: 27 }),
      emptyStep('wrap-up', { title: 'Wrap up and next steps', minutes: 3, wrapUp: true }),
    ],
  };
}

/** The draft as stored: the version counts saves, so the first save is 1 and each later one adds one. */
export function saveTemplate(draft: Template, stored: Pick<Template, 'version'> | null, now: number): Template {
  return { ...cloneTemplate(draft), version: (stored?.version ?? 0) + 1, updatedAt: now };
}

const endsWithWrapUp = (steps: readonly TemplateStep[]) => steps.at(-1)?.wrapUp === true;

/** False for the ends of the list and for anything that would move the wrap-up off the end. */
export function canMoveStep(template: Template, index: number, delta: -1 | 1): boolean {
  const target = index + delta;
  const { steps } = template;
  if (!Number.isInteger(index) || index < 0 || index >= steps.length || target < 0 || target >= steps.length) return false;
  const last = steps.length - 1;
  return !(endsWithWrapUp(steps) && (index === last || target === last));
}

export function moveStep(template: Template, index: number, delta: -1 | 1): Template {
  if (!canMoveStep(template, index, delta)) return template;
  const steps = template.steps.map(cloneStep);
  [steps[index], steps[index + delta]] = [steps[index + delta]!, steps[index]!];
  return { ...template, steps };
}

/** Taking a minute for the new step needs a step above its floor to give it. */
export function canAddStep(template: Template): boolean {
  return template.steps.length < TEMPLATE_LIMITS.maxSteps && template.steps.some((step) => step.minutes > stepFloor(step));
}

/** "step-3": the first free number, so ids stay short and in the shape the panel's notes accept. */
function freeStepId(steps: readonly TemplateStep[]): string {
  const taken = new Set(steps.map((step) => step.id));
  let n = 1;
  while (taken.has(`step-${n}`)) n++;
  return `step-${n}`;
}

/**
 * A new empty step before the wrap-up (or at the end), with one minute from the step with the most to spare, so
 * the meeting still fills 30. Its title is empty: the editor asks for one.
 */
export function addStep(template: Template): Template {
  if (!canAddStep(template)) return template;
  const steps = template.steps.map(cloneStep);
  const donor = steps.reduce((best, step, i) => (step.minutes - stepFloor(step) > steps[best]!.minutes - stepFloor(steps[best]!) ? i : best), 0);
  steps[donor]!.minutes -= STEP_FLOOR_MINUTES;
  const fresh = emptyStep(freeStepId(steps));
  steps.splice(endsWithWrapUp(steps) ? steps.length - 1 : steps.length, 0, fresh);
  return { ...template, steps };
}

export function canRemoveStep(template: Template, index: number): boolean {
  return template.steps.length > TEMPLATE_LIMITS.minSteps && Number.isInteger(index) && index >= 0 && index < template.steps.length;
}

/** Its minutes go to the step before it (the next one for the first), so the meeting still fills 30. */
export function removeStep(template: Template, index: number): Template {
  if (!canRemoveStep(template, index)) return template;
  const steps = template.steps.map(cloneStep);
  const [removed] = steps.splice(index, 1);
  steps[Math.max(0, index - 1)]!.minutes += removed!.minutes;
  return { ...template, steps };
}
