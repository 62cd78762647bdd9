import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_LIMITS as LIMIT, type Template } from '../../utils/templates/schema';
import { describeProblem, validateTemplate, type TemplateError } from '../../utils/templates/validate';
import { line, sampleTemplate, validTemplate } from './templates-arbitraries';

type Loose = Record<string, any>;

/** The sample, changed by `edit` on a loose deep copy. */
function broken(edit: (t: Loose) => void, base: Template = sampleTemplate()): unknown {
  const copy = structuredClone(base) as Loose;
  edit(copy);
  return copy;
}

function errorsOf(raw: unknown): TemplateError[] {
  const result = validateTemplate(raw);
  return result.ok ? [] : result.errors;
}

const messageAt = (raw: unknown, path: string) => errorsOf(raw).find((error) => error.path === path)?.message;

describe('validateTemplate accepts', () => {
  it('the sample, as a fresh copy holding exactly its fields', () => {
    const input = sampleTemplate();
    const result = validateTemplate(input);
    expect(result).toEqual({ ok: true, template: input });
    if (!result.ok) return;
    expect(result.template.steps).not.toBe(input.steps);
    expect(result.template.steps[0]!.points).not.toBe(input.steps[0]!.points);
    expect(result.template.guardrails).not.toBe(input.guardrails);
  });

  it('every generated valid template, unchanged, and again after a trip through JSON', () => {
    fc.assert(
      fc.property(validTemplate, (template) => {
        expect(validateTemplate(template)).toEqual({ ok: true, template });
        expect(validateTemplate(JSON.parse(JSON.stringify(template)))).toEqual({ ok: true, template });
      }),
      { numRuns: 200 },
    );
  });

  it('texts exactly at their limits, and a template without a wrap-up', () => {
    const t = sampleTemplate({ name: 'n'.repeat(LIMIT.name), description: 'd'.repeat(LIMIT.description) });
    t.steps[0]!.title = 't'.repeat(LIMIT.title);
    t.steps[0]!.prompt = 'p'.repeat(LIMIT.prompt);
    t.steps[0]!.points = Array.from({ length: LIMIT.maxPoints }, (_, i) => `${i}`.padEnd(LIMIT.point, 'x'));
    t.steps[0]!.guardrails = Array.from({ length: LIMIT.maxStepGuardrails }, (_, i) => `${i}`.padEnd(LIMIT.guardrail, 'g'));
    t.steps[3]!.wrapUp = false;
    expect(validateTemplate(t).ok).toBe(true);
  });

  it('leaving out wrapUp and objectives, which then read as false', () => {
    const raw = broken((t) => {
      delete t.steps[0].wrapUp;
      delete t.steps[0].objectives;
    });
    const result = validateTemplate(raw);
    expect(result.ok && result.template.steps[0]).toMatchObject({ wrapUp: false, objectives: false });
  });

  it('a file made before templates said their type, read as neither a Kickoff nor a Closing', () => {
    const result = validateTemplate(broken((t) => delete t.kind));
    expect(result.ok && result.template.kind).toBe('other');
  });
});

describe('validateTemplate refuses, naming the field and the problem', () => {
  // [what, the edit, the path, words the message holds]
  const CASES: [string, (t: Loose) => void, string, RegExp][] = [
    ['an empty title', (t) => (t.steps[2].title = '   '), 'steps[2].title', /title is empty/],
    ['a title too long', (t) => (t.steps[1].title = 'x'.repeat(61)), 'steps[1].title', /61 characters; the most is 60/],
    ['a title on two lines', (t) => (t.steps[0].title = 'one\ntwo'), 'steps[0].title', /one line/],
    ['a missing name', (t) => delete t.name, 'name', /name is missing/],
    ['an empty name', (t) => (t.name = ''), 'name', /name is empty/],
    ['a description too long', (t) => (t.description = 'd'.repeat(201)), 'description', /the most is 200/],
    ['a prompt that is not text', (t) => (t.steps[1].prompt = 42), 'steps[1].prompt', /must be text/],
    ['too many steps', (t) => (t.steps = Array.from({ length: 13 }, (_, i) => ({ ...t.steps[0], id: `s${i}` }))), 'steps', /13 steps; the most is 12/],
    ['a single step', (t) => (t.steps = [{ ...t.steps[3], minutes: 30 }]), 'steps', /is 1 step; the fewest is 2/],
    ['steps that are not a list', (t) => (t.steps = {}), 'steps', /must be a list/],
    ['a step that is not an object', (t) => (t.steps[1] = 'step'), 'steps[1]', /must be an object/],
    ['an unknown lead', (t) => (t.steps[0].lead = 'boss'), 'steps[0].lead', /Unknown lead: choose Coach, Coachee, Manager, Coachee and manager or Everyone/],
    ['minutes that are not whole', (t) => (t.steps[0].minutes = 4.5), 'steps[0].minutes', /whole number/],
    ['a step with no minutes', (t) => ((t.steps[0].minutes = 0), (t.steps[1].minutes = 17)), 'steps[0].minutes', /at least 1 minute/],
    ['a wrap-up under its floor', (t) => ((t.steps[3].minutes = 2), (t.steps[0].minutes = 6)), 'steps[3].minutes', /wrap-up needs at least 3 minutes/],
    ['minutes that do not fill 30', (t) => (t.steps[1].minutes = 14), 'steps', /add up to 32 minutes.*take 2 off/],
    ['minutes that fall short of 30', (t) => (t.steps[1].minutes = 9), 'steps', /add up to 27 minutes.*add 3/],
    ['two wrap-up steps', (t) => (t.steps[2].wrapUp = true), 'steps[3].wrapUp', /Only one step can be the wrap-up; step 3 already is/],
    ['a wrap-up that is not last', (t) => ((t.steps[3].wrapUp = false), (t.steps[1].wrapUp = true)), 'steps[1].wrapUp', /must be the last step/],
    ['a wrap-up flag that is not true or false', (t) => (t.steps[3].wrapUp = 'yes'), 'steps[3].wrapUp', /true or false/],
    ['an extra key on the template', (t) => (t.notes = 'private'), 'notes', /Unknown field "notes"/],
    ['an extra key on a step', (t) => (t.steps[2]['odd key'] = 1), 'steps[2]["odd key"]', /Unknown field "odd key"/],
    ['too many talking points', (t) => (t.steps[0].points = ['a', 'b', 'c', 'd', 'e', 'f', 'g']), 'steps[0].points', /7 talking points; the most is 6/],
    ['an empty talking point', (t) => (t.steps[0].points = ['a', '']), 'steps[0].points[1]', /talking point is empty/],
    ['the same talking point twice', (t) => (t.steps[0].points = ['a', 'b', 'a']), 'steps[0].points[2]', /already in the list/],
    ['too many step guardrails', (t) => (t.steps[0].guardrails = ['a', 'b', 'c', 'd', 'e']), 'steps[0].guardrails', /5 guardrails; the most is 4/],
    ['no meeting guardrails', (t) => (t.guardrails = []), 'guardrails', /Add at least one meeting guardrail/],
    ['too many meeting guardrails', (t) => (t.guardrails = ['a', 'b', 'c', 'd', 'e', 'f']), 'guardrails', /6 meeting guardrails; the most is 5/],
    ['a guardrail too long', (t) => (t.guardrails = ['g'.repeat(121)]), 'guardrails[0]', /121 characters; the most is 120/],
    ['an unknown capture', (t) => (t.steps[1].capture = ['mood']), 'steps[1].capture[0]', /Unknown capture: choose goals, support offered, check-in cadence or second conversation timing/],
    ['a capture listed twice', (t) => (t.steps[1].capture = ['goals', 'goals']), 'steps[1].capture[1]', /already in the list/],
    ['two steps with one id', (t) => (t.steps[2].id = 'welcome'), 'steps[2].id', /Step 1 already has the id "welcome"/],
    ['a step id the panel cannot key notes by', (t) => (t.steps[0].id = 'Welcome Step'), 'steps[0].id', /lowercase letters, digits or dashes/],
    ['a template id with spaces', (t) => (t.id = 'my template'), 'id', /letters, digits, dashes or underscores/],
    ['version 0', (t) => (t.version = 0), 'version', /whole number from 1 up/],
    ['a last-save time that is no time', (t) => (t.updatedAt = -5), 'updatedAt', /not a valid time/],
    ['an unknown conversation type', (t) => (t.kind = 'retro'), 'kind', /a Kickoff, a Closing or neither/],
    ['objectives that are not true or false', (t) => (t.steps[0].objectives = 1), 'steps[0].objectives', /true or false/],
  ];

  it.each(CASES)('%s', (_, edit, path, words) => {
    const raw = broken(edit);
    const result = validateTemplate(raw);
    expect(result.ok).toBe(false);
    expect(messageAt(raw, path)).toMatch(words);
  });

  it('whatever is not an object', () => {
    for (const raw of [null, undefined, 7, 'template', [], true]) {
      expect(errorsOf(raw)).toEqual([{ path: '', message: 'A template must be an object with a name and steps.' }]);
    }
  });

  it('every problem at once, so the editor can mark each field', () => {
    const raw = broken((t) => {
      t.name = '';
      t.steps[0].title = '';
      t.steps[1].lead = 'boss';
    });
    expect(errorsOf(raw).map((error) => error.path)).toEqual(['name', 'steps[0].title', 'steps[1].lead']);
  });

  it('a "__proto__" key from a parsed file, without touching any prototype', () => {
    const raw = JSON.parse(JSON.stringify(sampleTemplate()).replace('{', '{"__proto__":{"polluted":true},'));
    expect(messageAt(raw, '__proto__')).toMatch(/Unknown field "__proto__"/);
    expect(({} as Loose).polluted).toBeUndefined();
  });

  it('a hostile object (throwing getter, revoked proxy) with a message, not an exception', () => {
    const getter = { ...sampleTemplate() };
    Object.defineProperty(getter, 'name', { enumerable: true, get: () => { throw new Error('boom'); } });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const raw of [getter, proxy]) expect(errorsOf(raw)).toEqual([{ path: '', message: 'The template could not be read.' }]);
  });

  it('a template of thousands of bad keys, with at most fifty problems', () => {
    const raw = { ...sampleTemplate(), ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])) };
    expect(errorsOf(raw)).toHaveLength(50);
  });
});

describe('validateTemplate, for any input', () => {
  it('never throws, and a refusal always names at least one problem in words', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (raw) => {
        const result = validateTemplate(raw);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(typeof error.path).toBe('string');
          expect(error.message).toMatch(/^[A-Z].*\.$/);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses a valid template with any one field replaced by anything of another kind', () => {
    const paths = fc.constantFrom('id', 'name', 'description', 'version', 'updatedAt', 'guardrails', 'steps', 'steps.0', 'steps.0.title', 'steps.0.lead', 'steps.0.minutes', 'steps.0.points', 'steps.0.capture', 'steps.1.prompt', 'steps.1.guardrails');
    fc.assert(
      fc.property(validTemplate, paths, fc.oneof(fc.constant(null), fc.integer({ min: -200, max: -100 }), fc.object(), fc.constant([[]]), fc.constant(undefined)), (template, path, value) => {
        const copy = structuredClone(template) as Loose;
        const keys = path.split('.');
        const parent = keys.slice(0, -1).reduce((node, key) => node[key], copy);
        parent[keys.at(-1)!] = value;
        const result = validateTemplate(copy);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]!.path.replace(/\[(\d+)\]/g, '.$1')).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}`));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a too-long or multi-line text anywhere', () => {
    fc.assert(
      fc.property(validTemplate, line(20), fc.constantFrom('\n', '\r', '\t', '\u2028'), (template, words, breaker) => {
        const copy = structuredClone(template);
        copy.steps[0]!.title = `${words}${breaker}${words}`;
        expect(messageAt(copy, 'steps[0].title')).toMatch(/one line/);
        copy.steps[0]!.title = words;
        copy.name = 'x'.repeat(LIMIT.name + 1);
        expect(messageAt(copy, 'name')).toMatch(/the most is 60/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('describeProblem', () => {
  it('makes a clause for a sentence, with the path after it', () => {
    expect(describeProblem({ path: 'steps[2].title', message: 'The title is empty.' })).toBe('the title is empty (steps[2].title)');
    expect(describeProblem({ path: '', message: 'A template must be an object with a name and steps.' })).toBe('a template must be an object with a name and steps');
  });
});
