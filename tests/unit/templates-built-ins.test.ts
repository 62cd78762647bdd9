import { describe, expect, it } from 'vitest';
import { GUARDRAILS, MEETING_LENGTHS, TEMPLATES, TEMPLATE_IDS, buildAgenda } from '../../utils/agenda/agenda';
import { allotMinutes, templateToAgenda } from '../../utils/templates/allot';
import { builtInTemplate, builtInTemplates } from '../../utils/templates/built-ins';
import { duplicateTemplate } from '../../utils/templates/copy';
import { validateTemplate } from '../../utils/templates/validate';

/** A built-in agenda step without the flag only template agendas carry. */
const withoutWrapUpFlag = ({ wrapUp: _, ...step }: { wrapUp?: boolean } & Record<string, unknown>) => step;

describe.each(TEMPLATE_IDS)('the built-in %s as template data', (id) => {
  const template = builtInTemplate(id);

  it('passes the same validation as a coach’s template', () => {
    expect(validateTemplate(template)).toEqual({ ok: true, template });
  });

  it('keeps its name, summary, steps and the guide’s guardrails, and ends with the wrap-up', () => {
    expect(template).toMatchObject({ id, name: TEMPLATES[id].name, description: TEMPLATES[id].summary, version: 1, updatedAt: 0 });
    expect(template.guardrails).toEqual([...GUARDRAILS]);
    expect(template.steps.map((step) => step.id)).toEqual(TEMPLATES[id].steps.map((step) => step.id));
    expect(template.steps.filter((step) => step.wrapUp).map((step) => step.id)).toEqual(['wrap-up']);
    expect(template.steps.filter((step) => step.objectives).map((step) => step.id)).toEqual(['context']);
  });

  it('allots exactly the built-in’s own minutes for a 30-minute meeting', () => {
    expect(allotMinutes(template, 30)).toEqual(buildAgenda(id, 30).map((step) => step.minutes));
  });

  it('gives, at 30 minutes, the very agenda a built-in conversation starts with', () => {
    expect(templateToAgenda(template, 30).map(withoutWrapUpFlag)).toEqual(buildAgenda(id, 30));
  });

  it.each([45, 60] as const)('at %i minutes, is exactly what scaling its 30-minute shares gives, so a duplicate runs the same', (length) => {
    expect(templateToAgenda(template, length).map(withoutWrapUpFlag)).toEqual(buildAgenda(id, length));
  });

  it('is a fresh copy each time, so duplicating and editing never reaches the built-in', () => {
    const copy = duplicateTemplate(builtInTemplate(id), 'own-template-1', 1_760_000_000_000);
    copy.steps[0]!.points.push('edited');
    copy.guardrails.push('edited');
    expect(builtInTemplate(id).steps[0]!.points).not.toContain('edited');
    expect(builtInTemplate(id).guardrails).not.toContain('edited');
    expect(TEMPLATES[id].steps[0]!.points).not.toContain('edited');
  });
});

describe('builtInTemplates', () => {
  it('lists Kickoff then Closing', () => {
    expect(builtInTemplates().map((template) => template.name)).toEqual(['Kickoff', 'Closing']);
    expect(MEETING_LENGTHS).toEqual([30, 45, 60]);
  });
});
