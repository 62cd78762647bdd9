import { describe, expect, it } from 'vitest';
import { GUARDRAILS } from '../../utils/agenda/agenda';
import { sessionTemplate } from '../../utils/session/session';
import type { Template } from '../../utils/templates/schema';
import { sessionProblem } from '../../utils/session/stored-records';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { cloneTemplate } from '../../utils/templates/schema';
import { validateTemplate } from '../../utils/templates/validate';
import { T0, conversation } from './conversation';

function ownTemplate(): Template {
  const t = cloneTemplate(builtInTemplate('closing'));
  return { ...t, id: 'own-1', name: 'Quarterly check-in', version: 4, guardrails: ['Keep it short.'] };
}

describe('a conversation keeps a copy of its template', () => {
  it('a built-in start records the built-in, its guardrails and version 1', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 45, template: 'closing' }, T0);
    expect(c.session.template).toEqual({ id: 'closing', name: expect.any(String), version: 1, kind: 'closing', guardrails: [...GUARDRAILS] });
    expect(sessionProblem(c.session)).toBeNull();
  });

  it('an own template gives its agenda, minutes summing to the meeting, and its guardrails', () => {
    const own = ownTemplate();
    expect(validateTemplate(own).ok).toBe(true);
    const c = conversation();
    c.do({ type: 'start', minutes: 60, resolved: own }, T0);
    expect(c.session.template).toMatchObject({ id: 'own-1', name: 'Quarterly check-in', version: 4, kind: 'other', guardrails: ['Keep it short.'] });
    expect(c.session.agenda.map((s) => s.id)).toEqual(own.steps.map((s) => s.id));
    expect(c.session.agenda.reduce((sum, s) => sum + s.minutes, 0)).toBe(60);
    expect(sessionProblem(c.session)).toBeNull();
  });

  it('editing the template afterwards changes nothing in the conversation', () => {
    const own = ownTemplate();
    const c = conversation();
    c.do({ type: 'start', minutes: 30, resolved: own }, T0);
    const before = JSON.parse(JSON.stringify(c.session));
    own.name = 'Renamed';
    own.guardrails.push('New');
    own.steps[0]!.title = 'Changed';
    expect(c.session).toEqual(before);
  });

  it('a session stored before issue 12 reads as the built-in it used, and a damaged copy is refused', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30, template: 'closing' }, T0);
    const { template: _, ...old } = c.session;
    expect(sessionProblem(old)).toBeNull();
    expect(sessionTemplate(old)).toMatchObject({ id: 'closing', kind: 'closing', version: 1, guardrails: [...GUARDRAILS] });
    expect(sessionProblem({ ...c.session, template: { ...c.session.template, version: 'x' } })).toBe('its template is damaged');
  });
});

describe('the Conversations page summary', () => {
  it('names the template and version each conversation used; older ones read as their built-in', async () => {
    const { summarizeConversations } = await import('../../utils/records/summary');
    const a = conversation('meet:aaa-bbbb-ccc');
    a.do({ type: 'start', minutes: 30, resolved: ownTemplate() }, T0);
    const b = conversation('meet:ddd-eeee-fff');
    b.do({ type: 'start', minutes: 30, template: 'closing' }, T0 + 1);
    const { template: _, ...old } = b.session;
    const summaries = summarizeConversations([a.session, old], []);
    expect(summaries.map((s) => [s.templateName, s.templateVersion]).sort()).toEqual([
      ['Closing', 1],
      ['Quarterly check-in', 4],
    ]);
  });
});
