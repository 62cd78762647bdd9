import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEETING_LENGTHS } from '../../utils/agenda/agenda';
import { templateChoice, templateChoices } from '../../utils/templates/choice';
import { templateToAgenda } from '../../utils/templates/allot';
import { validShape } from './templates-arbitraries';

describe('a template as the panel’s Conversation choice', () => {
  it('previews, at each length, the very agenda a start would copy', () => {
    fc.assert(
      fc.property(validShape, (template) => {
        const choice = templateChoice(template)!;
        expect(choice).toMatchObject({ id: template.id, name: template.name, description: template.description, valid: true });
        for (const length of MEETING_LENGTHS) {
          const agenda = templateToAgenda(template, length);
          expect(choice.steps).toEqual(agenda.map((step) => step.title));
          expect(choice.minutes[length]).toEqual(agenda.map((step) => step.minutes));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists a damaged record as one that cannot start, and leaves out what has no id', () => {
    expect(templateChoice({ id: 'x', name: 'Half done', steps: [] })).toEqual({ id: 'x', name: 'Half done', description: '', valid: false, steps: [], minutes: { 30: [], 45: [], 60: [] } });
    expect(templateChoice({ id: 'y', name: '  ' })?.name).toBe('Untitled template');
    for (const raw of [null, undefined, 7, 'text', [], { name: 'No id' }]) expect(templateChoice(raw)).toBeNull();
    expect(templateChoices([{ id: 'b', name: 'Beta' }, null, { id: 'a', name: 'alpha' }]).map((c) => c.id)).toEqual(['a', 'b']);
  });
});
