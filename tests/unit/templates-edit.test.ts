import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUARDRAILS } from '../../utils/agenda/agenda';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { copyName, duplicateTemplate } from '../../utils/templates/copy';
import {
  addStep,
  blankTemplate,
  canAddStep,
  canMoveStep,
  canRemoveStep,
  moveStep,
  removeStep,
  saveTemplate,
} from '../../utils/templates/edit';
import { TEMPLATE_LIMITS as LIMIT, type Template } from '../../utils/templates/schema';
import { validateTemplate } from '../../utils/templates/validate';
import { sampleTemplate, validShape, validTemplate } from './templates-arbitraries';

const NOW = 1_760_000_000_000;
const ids = (template: Template) => template.steps.map((step) => step.id);
const totalMinutes = (template: Template) => template.steps.reduce((sum, step) => sum + step.minutes, 0);

describe('duplicateTemplate', () => {
  it('makes "… (copy)" of a built-in, with the new id, version 1 and now as its time', () => {
    const copy = duplicateTemplate(builtInTemplate('closing'), 'own-closing', NOW);
    expect(copy).toEqual({ ...builtInTemplate('closing'), id: 'own-closing', name: 'Closing (copy)', version: 1, updatedAt: NOW });
    expect(validateTemplate(copy).ok).toBe(true);
  });

  it('copies any valid template deeply, and the copy is valid', () => {
    fc.assert(
      fc.property(validTemplate, (template) => {
        const copy = duplicateTemplate(template, 'the-copy', NOW);
        expect(validateTemplate(copy).ok).toBe(true);
        expect(copy.steps).toEqual(template.steps);
        expect(copy.guardrails).toEqual(template.guardrails);
        copy.steps[0]!.points.push('changed');
        expect(template.steps[0]!.points).not.toContain('changed');
      }),
      { numRuns: 100 },
    );
  });

  it('carries no field a caller’s object has beyond the template’s', () => {
    const stored = { ...sampleTemplate(), deletedAt: 5 } as Template;
    expect(Object.keys(duplicateTemplate(stored, 'x1', NOW))).not.toContain('deletedAt');
  });
});

describe('copyName', () => {
  it.each([
    ['Kickoff', 'Kickoff (copy)'],
    ['Kickoff (copy)', 'Kickoff (copy 2)'],
    ['Kickoff (copy 2)', 'Kickoff (copy 3)'],
    ['Kickoff(copy)', 'Kickoff(copy) (copy)'],
    ['x'.repeat(60), `${'x'.repeat(53)} (copy)`],
    [`${'x'.repeat(52)}😀`, `${'x'.repeat(52)} (copy)`],
    ['   ', 'Template (copy)'],
  ])('%s → %s', (name, copy) => {
    expect(copyName(name)).toBe(copy);
  });

  it('always fits the name limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: LIMIT.name }), (name) => {
        expect(copyName(name).length).toBeLessThanOrEqual(LIMIT.name);
      }),
    );
  });
});

describe('blankTemplate and saveTemplate', () => {
  it('start a new template that already validates, with the guide’s guardrails', () => {
    const blank = blankTemplate('new-1', NOW);
    expect(validateTemplate(blank)).toEqual({ ok: true, template: blank });
    expect(blank.guardrails).toEqual([...GUARDRAILS]);
    expect(blank.steps.at(-1)).toMatchObject({ wrapUp: true, minutes: 3 });
  });

  it('count saves: the first is version 1, each later one adds one', () => {
    const draft = blankTemplate('new-1', NOW);
    const first = saveTemplate(draft, null, NOW + 1);
    expect(first).toMatchObject({ version: 1, updatedAt: NOW + 1 });
    expect(saveTemplate({ ...first, name: 'Renamed' }, first, NOW + 2)).toMatchObject({ name: 'Renamed', version: 2, updatedAt: NOW + 2 });
  });
});

describe('moving steps', () => {
  it('swaps neighbours, keeping the wrap-up last', () => {
    const t = sampleTemplate();
    expect(ids(moveStep(t, 1, 1))).toEqual(['welcome', 'together', 'progress', 'wrap-up']);
    expect(ids(moveStep(t, 1, -1))).toEqual(['progress', 'welcome', 'together', 'wrap-up']);
    expect(canMoveStep(t, 0, -1)).toBe(false);
    expect(canMoveStep(t, 2, 1)).toBe(false);
    expect(canMoveStep(t, 3, -1)).toBe(false);
    expect(moveStep(t, 3, -1)).toBe(t);
  });

  it('lets the last step move when it is not a wrap-up', () => {
    const t = sampleTemplate();
    t.steps[3]!.wrapUp = false;
    expect(ids(moveStep(t, 3, -1))).toEqual(['welcome', 'progress', 'wrap-up', 'together']);
  });
});

describe('adding and removing steps', () => {
  it('adds an untitled one-minute step before the wrap-up, taking the minute from the longest step', () => {
    const t = addStep(sampleTemplate());
    expect(ids(t)).toEqual(['welcome', 'progress', 'together', 'step-1', 'wrap-up']);
    expect(t.steps.map((step) => step.minutes)).toEqual([5, 11, 10, 1, 3]);
    expect(validateTemplate(t)).toEqual({ ok: false, errors: [{ path: 'steps[3].title', message: 'The title is empty.' }] });
  });

  it('adds no thirteenth step, and removes none below two', () => {
    let t = sampleTemplate();
    while (canAddStep(t)) t = addStep(t);
    expect(t.steps).toHaveLength(LIMIT.maxSteps);
    expect(addStep(t)).toBe(t);
    while (canRemoveStep(t, 0)) t = removeStep(t, 0);
    expect(t.steps).toHaveLength(LIMIT.minSteps);
    expect(totalMinutes(t)).toBe(30);
  });

  it('hands a removed step’s minutes to the one before it', () => {
    const t = removeStep(sampleTemplate(), 2);
    expect(ids(t)).toEqual(['welcome', 'progress', 'wrap-up']);
    expect(t.steps.map((step) => step.minutes)).toEqual([5, 22, 3]);
    expect(removeStep(sampleTemplate(), 0).steps[0]).toMatchObject({ id: 'progress', minutes: 17 });
  });

  it('keeps any valid template valid through any edits, but for the new steps’ titles', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const) }),
      fc.record({ kind: fc.constant('remove' as const), index: fc.nat({ max: 12 }) }),
      fc.record({ kind: fc.constant('move' as const), index: fc.nat({ max: 12 }), delta: fc.constantFrom(-1 as const, 1 as const) }),
    );
    fc.assert(
      fc.property(validShape, fc.array(edit, { maxLength: 20 }), (template, edits) => {
        let t = template;
        for (const e of edits) {
          if (e.kind === 'add') t = addStep(t);
          else if (e.kind === 'remove') t = removeStep(t, e.index);
          else t = moveStep(t, e.index, e.delta);
        }
        const result = validateTemplate(t);
        if (!result.ok) for (const error of result.errors) expect(error).toEqual({ path: expect.stringMatching(/^steps\[\d+\]\.title$/), message: 'The title is empty.' });
        expect(totalMinutes(t)).toBe(30);
      }),
      { numRuns: 300 },
    );
  });
});
