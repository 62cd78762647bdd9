/**
 * Checks anything that claims to be a template: the editor's draft, a file, a stored record.
 * Every problem names its field by path (`steps[2].title`) and says in plain words what is
 * wrong, so the editor can show it next to the field and an import can quote it. Never throws.
 */
import type { CaptureField } from '../agenda/agenda';
import {
  CAPTURE_LABEL,
  SHARE_MEETING_MINUTES,
  STEP_FLOOR_MINUTES,
  STEP_ID,
  STEP_KEYS,
  TEMPLATE_CAPTURES,
  TEMPLATE_ID,
  TEMPLATE_KEYS,
  TEMPLATE_KINDS,
  TEMPLATE_LEADS,
  TEMPLATE_LEAD_LABEL,
  TEMPLATE_LIMITS as LIMIT,
  WRAP_UP_FLOOR_MINUTES,
  type Template,
  type TemplateKind,
  type TemplateLead,
  type TemplateStep,
} from './schema';

export interface TemplateError {
  /** Where, as in `steps[2].points[0]`; empty for the template as a whole. */
  path: string;
  message: string;
}

export type TemplateValidation = { ok: true; template: Template } | { ok: false; errors: TemplateError[] };

// Enough to fix a template by; a hostile file with thousands of bad keys gets no more work than this.
const MAX_ERRORS = 50;
// Far past 8,000 years from the epoch: not a time any clock gives.
const MAX_TIME = 8.64e15;
// Line breaks (including U+2028/9) and C0/C1 controls: every template text is a single line.
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

type Fields = Record<string, unknown>;

class Problems {
  readonly list: TemplateError[] = [];
  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ path, message });
  }
}

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function keyPath(parent: string, key: string): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : null;
  if (name) return parent ? `${parent}.${name}` : name;
  return `${parent}[${JSON.stringify(key.slice(0, 40))}]`;
}

function unknownKeys(problems: Problems, value: Fields, allowed: readonly string[], parent: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.add(keyPath(parent, key), `Unknown field ${JSON.stringify(key.slice(0, 40))}: a template has no such field.`);
  }
}

/** A one-line text within its limit; null (and a problem noted) otherwise. */
function text(problems: Problems, value: unknown, path: string, noun: string, limit: number, required: boolean): string | null {
  if (value === undefined) return problems.add(path, `The ${noun} is missing.`), null;
  if (typeof value !== 'string') return problems.add(path, `The ${noun} must be text.`), null;
  if (required && value.trim() === '') return problems.add(path, `The ${noun} is empty.`), null;
  if (value.length > limit) return problems.add(path, `The ${noun} is ${value.length} characters; the most is ${limit}.`), null;
  if (NOT_ONE_LINE.test(value)) return problems.add(path, `The ${noun} must be one line, without line breaks or control characters.`), null;
  return value;
}

interface ListRule<T> {
  one: string;
  many: string;
  min: number;
  max: number;
  /** Checks one item; null when it fails (its problem already noted). */
  item: (value: unknown, path: string) => T | null;
  /** Text lists: the same line twice is a slip, and the panel keys list items by their text. */
  distinct?: boolean;
}

/** The list's good items, or null when the list itself or any item is wrong. */
function list<T>(problems: Problems, value: unknown, path: string, rule: ListRule<T>): T[] | null {
  if (value === undefined) return problems.add(path, `The ${rule.many} are missing.`), null;
  if (!Array.isArray(value)) return problems.add(path, `The ${rule.many} must be a list.`), null;
  const count = value.length;
  let ok = true;
  if (count < rule.min) {
    ok = false;
    problems.add(path, rule.min === 1 ? `Add at least one ${rule.one}.` : `There ${count === 1 ? `is 1 ${rule.one}` : `are ${count} ${rule.many}`}; the fewest is ${rule.min}.`);
  } else if (count > rule.max) {
    ok = false;
    problems.add(path, `There are ${count} ${rule.many}; the most is ${rule.max}.`);
  }
  const items: T[] = [];
  const seen = new Set<unknown>();
  // Past the most allowed the list is refused anyway: its extra items are not worth checking.
  for (let i = 0; i < Math.min(count, rule.max); i++) {
    const item = rule.item(value[i], `${path}[${i}]`);
    if (item === null) {
      ok = false;
      continue;
    }
    if (rule.distinct && seen.has(item)) {
      ok = false;
      problems.add(`${path}[${i}]`, `This ${rule.one} is already in the list.`);
      continue;
    }
    seen.add(item);
    items.push(item);
  }
  return ok ? items : null;
}

/** A list of distinct one-line texts: talking points, guardrails. */
function lines(problems: Problems, value: unknown, path: string, one: string, min: number, max: number, limit: number): string[] | null {
  return list(problems, value, path, { one, many: `${one}s`, min, max, distinct: true, item: (item, itemPath) => text(problems, item, itemPath, one, limit, true) });
}

function flag(problems: Problems, value: unknown, path: string, noun: string): boolean | null {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  return problems.add(path, `${noun} must be true or false.`), null;
}

const LEAD_CHOICES = `${TEMPLATE_LEADS.slice(0, -1).map((lead) => TEMPLATE_LEAD_LABEL[lead]).join(', ')} or ${TEMPLATE_LEAD_LABEL.everyone}`;
// Worded when needed, not at load: a module-level computation would keep this module (and its
// labels) in every bundle that imports anything from it, the content scripts included.
const captureChoices = () =>
  `${TEMPLATE_CAPTURES.slice(0, -1).map((field) => CAPTURE_LABEL[field].toLowerCase()).join(', ')} or ${CAPTURE_LABEL.secondConversation.toLowerCase()}`;

function step(problems: Problems, raw: unknown, path: string): TemplateStep | null {
  if (!isRecord(raw)) return problems.add(path, 'A step must be an object with a title, a lead and minutes.'), null;
  unknownKeys(problems, raw, STEP_KEYS, path);
  const at = (key: string) => `${path}.${key}`;
  const id = typeof raw.id === 'string' && STEP_ID.test(raw.id) ? raw.id : null;
  if (id === null) problems.add(at('id'), raw.id === undefined ? 'The step id is missing.' : 'The step id must be 1 to 40 lowercase letters, digits or dashes.');
  const title = text(problems, raw.title, at('title'), 'title', LIMIT.title, true);
  const lead = TEMPLATE_LEADS.includes(raw.lead as TemplateLead) ? (raw.lead as TemplateLead) : null;
  if (lead === null) problems.add(at('lead'), raw.lead === undefined ? 'The lead is missing.' : `Unknown lead: choose ${LEAD_CHOICES}.`);
  const prompt = text(problems, raw.prompt, at('prompt'), 'prompt', LIMIT.prompt, false);
  const points = lines(problems, raw.points, at('points'), 'talking point', 0, LIMIT.maxPoints, LIMIT.point);
  const guardrails = lines(problems, raw.guardrails, at('guardrails'), 'guardrail', 0, LIMIT.maxStepGuardrails, LIMIT.guardrail);
  const capture = list(problems, raw.capture, at('capture'), {
    one: 'capture',
    many: 'captures',
    min: 0,
    max: TEMPLATE_CAPTURES.length,
    distinct: true,
    item: (value, itemPath) =>
      TEMPLATE_CAPTURES.includes(value as CaptureField) ? (value as CaptureField) : (problems.add(itemPath, `Unknown capture: choose ${captureChoices()}.`), null),
  });
  const wrapUp = flag(problems, raw.wrapUp, at('wrapUp'), 'Wrap-up');
  const objectives = flag(problems, raw.objectives, at('objectives'), 'Objectives');
  const minutes = stepMinutes(problems, raw.minutes, at('minutes'), wrapUp === true);
  if (id === null || title === null || lead === null || prompt === null || points === null || guardrails === null) return null;
  if (capture === null || wrapUp === null || objectives === null || minutes === null) return null;
  return { id, title, lead, minutes, prompt, points, guardrails, capture, wrapUp, objectives };
}

function stepMinutes(problems: Problems, value: unknown, path: string, wrapUp: boolean): number | null {
  if (value === undefined) return problems.add(path, 'The minutes are missing.'), null;
  if (typeof value !== 'number' || !Number.isInteger(value)) return problems.add(path, 'The minutes must be a whole number.'), null;
  const floor = wrapUp ? WRAP_UP_FLOOR_MINUTES : STEP_FLOOR_MINUTES;
  if (value < floor) {
    return problems.add(path, wrapUp ? `The wrap-up needs at least ${floor} minutes to agree the next steps.` : `A step needs at least ${floor} minute.`), null;
  }
  if (value > SHARE_MEETING_MINUTES) return problems.add(path, `A step can have at most ${SHARE_MEETING_MINUTES} minutes.`), null;
  return value;
}

/** What only shows across steps: ids, the one wrap-up at the end, minutes filling the meeting. */
function acrossSteps(problems: Problems, steps: unknown[]): void {
  const seen = new Map<string, number>();
  let wrapUpAt = -1;
  let total = 0;
  let allMinutes = true;
  steps.forEach((raw, i) => {
    if (!isRecord(raw)) return (allMinutes = false), undefined;
    if (typeof raw.id === 'string' && STEP_ID.test(raw.id)) {
      const first = seen.get(raw.id);
      if (first === undefined) seen.set(raw.id, i);
      else problems.add(`steps[${i}].id`, `Step ${first + 1} already has the id "${raw.id}".`);
    }
    if (raw.wrapUp === true) {
      if (wrapUpAt >= 0) problems.add(`steps[${i}].wrapUp`, `Only one step can be the wrap-up; step ${wrapUpAt + 1} already is.`);
      else if (i !== steps.length - 1) problems.add(`steps[${i}].wrapUp`, 'The wrap-up must be the last step.');
      if (wrapUpAt < 0) wrapUpAt = i;
    }
    if (typeof raw.minutes === 'number' && Number.isInteger(raw.minutes)) total += raw.minutes;
    else allMinutes = false;
  });
  if (allMinutes && total !== SHARE_MEETING_MINUTES) {
    const change = total > SHARE_MEETING_MINUTES ? `take ${total - SHARE_MEETING_MINUTES} off` : `add ${SHARE_MEETING_MINUTES - total}`;
    problems.add('steps', `The steps add up to ${total} minutes; a ${SHARE_MEETING_MINUTES}-minute meeting needs exactly ${SHARE_MEETING_MINUTES}, so ${change}.`);
  }
}

function template(problems: Problems, raw: unknown): Template | null {
  if (!isRecord(raw)) return problems.add('', 'A template must be an object with a name and steps.'), null;
  unknownKeys(problems, raw, TEMPLATE_KEYS, '');
  const id = typeof raw.id === 'string' && TEMPLATE_ID.test(raw.id) ? raw.id : null;
  if (id === null) problems.add('id', raw.id === undefined ? 'The id is missing.' : 'The id must be 1 to 64 letters, digits, dashes or underscores.');
  const name = text(problems, raw.name, 'name', 'name', LIMIT.name, true);
  const description = text(problems, raw.description, 'description', 'description', LIMIT.description, false);
  const kind = raw.kind === undefined ? 'other' : TEMPLATE_KINDS.includes(raw.kind as TemplateKind) ? (raw.kind as TemplateKind) : null;
  if (kind === null) problems.add('kind', 'The conversation type must be a Kickoff, a Closing or neither.');
  const version = Number.isSafeInteger(raw.version) && (raw.version as number) >= 1 ? (raw.version as number) : null;
  if (version === null) problems.add('version', raw.version === undefined ? 'The version is missing.' : 'The version must be a whole number from 1 up.');
  const updatedAt = Number.isSafeInteger(raw.updatedAt) && (raw.updatedAt as number) >= 0 && (raw.updatedAt as number) <= MAX_TIME ? (raw.updatedAt as number) || 0 : null;
  if (updatedAt === null) problems.add('updatedAt', raw.updatedAt === undefined ? 'The time of the last save is missing.' : 'The time of the last save is not a valid time.');
  const guardrails = lines(problems, raw.guardrails, 'guardrails', 'meeting guardrail', LIMIT.minGuardrails, LIMIT.maxGuardrails, LIMIT.guardrail);
  const steps = list(problems, raw.steps, 'steps', {
    one: 'step',
    many: 'steps',
    min: LIMIT.minSteps,
    max: LIMIT.maxSteps,
    item: (value, path) => step(problems, value, path),
  });
  if (Array.isArray(raw.steps) && raw.steps.length <= LIMIT.maxSteps) acrossSteps(problems, raw.steps);
  if (id === null || name === null || description === null || kind === null || version === null || updatedAt === null || guardrails === null || steps === null) return null;
  return problems.list.length === 0 ? { id, name, description, kind, version, updatedAt, guardrails, steps } : null;
}

/** The template as a fresh copy of its own fields, or every problem found (up to fifty). */
export function validateTemplate(raw: unknown): TemplateValidation {
  const problems = new Problems();
  try {
    const checked = template(problems, raw);
    if (checked) return { ok: true, template: checked };
  } catch {
    // Only a hostile object gets here (a throwing getter, a revoked proxy); never a parsed file.
    return { ok: false, errors: [{ path: '', message: 'The template could not be read.' }] };
  }
  return { ok: false, errors: problems.list.length > 0 ? problems.list : [{ path: '', message: 'The template could not be read.' }] };
}

/** The first problem as a clause for a sentence: "the title is empty (steps[2].title)". */
export function describeProblem(error: TemplateError): string {
  const clause = error.message.replace(/\.$/, '');
  const lowered = clause.charAt(0).toLowerCase() + clause.slice(1);
  return error.path ? `${lowered} (${error.path})` : lowered;
}
