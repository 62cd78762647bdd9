/** Generators of valid templates, shared by the templates-*.test.ts files. */
import fc from 'fast-check';
import {
  SHARE_MEETING_MINUTES,
  TEMPLATE_CAPTURES,
  TEMPLATE_KINDS,
  TEMPLATE_LEADS,
  TEMPLATE_LIMITS as LIMIT,
  type Template,
  type TemplateStep,
} from '../../utils/templates/schema';
import { stepFloor } from '../../utils/templates/allot';
import { emptyStep } from '../../utils/templates/edit';

// Quotes, backslashes, curly quotes, accents, CJK and an emoji: what a file must carry unharmed.
const CHARS = Array.from('abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?()[]{}<>&"\'\\/’“”–é漢字😀');
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A one-line, non-blank text of at most `limit` UTF-16 units. */
export function line(limit: number, minLength = 1): fc.Arbitrary<string> {
  const unit = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CHARS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) });
  return fc
    .string({ unit, minLength, maxLength: limit })
    .map((text) => text.replace(CONTROL, ' ').slice(0, limit))
    .filter((text) => minLength === 0 || text.trim() !== '');
}

/** n whole minutes, each at or above its floor, adding up to 30. */
function minutesFor(floors: number[]): fc.Arbitrary<number[]> {
  const spare = SHARE_MEETING_MINUTES - floors.reduce((sum, floor) => sum + floor, 0);
  return fc.array(fc.integer({ min: 0, max: spare }), { minLength: floors.length - 1, maxLength: floors.length - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), spare];
    return floors.map((floor, i) => floor + points[i + 1]! - points[i]!);
  });
}

type Text = (limit: number, minLength?: number) => fc.Arbitrary<string>;

// Built once: a regex arbitrary made inside chain() is rebuilt for every sample, and that is slow.
const templateId = fc.stringMatching(/^[\w-]{1,64}$/);
const stepId = fc.stringMatching(/^[a-z0-9-]{1,40}$/);

/** Valid templates whose texts come from `text`. */
function templates(text: Text): fc.Arbitrary<Template> {
  const stepBody = fc.record({
    title: text(LIMIT.title),
    lead: fc.constantFrom(...TEMPLATE_LEADS),
    prompt: text(LIMIT.prompt, 0),
    points: fc.uniqueArray(text(LIMIT.point), { maxLength: LIMIT.maxPoints }),
    guardrails: fc.uniqueArray(text(LIMIT.guardrail), { maxLength: LIMIT.maxStepGuardrails }),
    capture: fc.subarray([...TEMPLATE_CAPTURES]),
    objectives: fc.boolean(),
  });
  return fc
    .record({ count: fc.integer({ min: LIMIT.minSteps, max: LIMIT.maxSteps }), withWrapUp: fc.boolean() })
    .chain(({ count, withWrapUp }) => {
      const wrapUps = Array.from({ length: count }, (_, i) => withWrapUp && i === count - 1);
      return fc
        .record({
          id: templateId,
          name: text(LIMIT.name),
          description: text(LIMIT.description, 0),
          kind: fc.constantFrom(...TEMPLATE_KINDS),
          version: fc.integer({ min: 1, max: 1_000_000 }),
          updatedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
          guardrails: fc.uniqueArray(text(LIMIT.guardrail), { minLength: LIMIT.minGuardrails, maxLength: LIMIT.maxGuardrails }),
          ids: fc.uniqueArray(stepId, { minLength: count, maxLength: count }),
          bodies: fc.array(stepBody, { minLength: count, maxLength: count }),
          minutes: minutesFor(wrapUps.map((wrapUp) => stepFloor({ wrapUp }))),
        })
        .map(({ ids, bodies, minutes, ...head }): Template => ({
          ...head,
          steps: bodies.map((body, i): TemplateStep => ({ id: ids[i]!, ...body, minutes: minutes[i]!, wrapUp: wrapUps[i]! })),
        }));
    });
}

/** Valid templates with texts a file must carry unharmed: every script, quotes, emoji, up to the limits. */
export const validTemplate = templates(line);

/** Valid templates with short plain texts: quicker, where only steps and minutes matter. */
export const validShape = templates((_, minLength = 1) => (minLength === 0 ? fc.constant('') : fc.nat({ max: 999 }).map((n) => `Text ${n}`)));

export const meetingLength = fc.constantFrom(30 as const, 45 as const, 60 as const);

/** A small valid template for example tests. */
export function sampleTemplate(overrides: Partial<Template> = {}): Template {
  const step = (id: string, title: string, minutes: number, extra: Partial<TemplateStep> = {}) => emptyStep(id, { title, minutes, ...extra });
  return {
    id: 'team-template-01',
    name: 'First 90 days',
    description: 'A check-in at the end of the first quarter.',
    kind: 'other',
    version: 3,
    updatedAt: 1_760_000_000_000,
    guardrails: ['Confidential: nothing the coachee said is shared.'],
    steps: [
      step('welcome', 'Welcome', 5, { points: ['Thank both.', 'Say the end time.'] }),
      step('progress', 'Progress so far', 12, { lead: 'coachee', capture: ['goals'], prompt: 'What has moved since we started?' }),
      step('together', 'What comes next', 10, { lead: 'coachee-and-manager', capture: ['support', 'cadence'], guardrails: ['Let them plan it.'] }),
      step('wrap-up', 'Wrap up', 3, { wrapUp: true }),
    ],
    ...overrides,
  };
}
