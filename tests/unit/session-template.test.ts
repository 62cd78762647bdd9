import { describe, expect, it } from 'vitest';
import { GUARDRAILS } from '../../utils/agenda/agenda';
import { composeNextSteps, nextStepsForSession } from '../../utils/outputs/next-steps';
import { kickoffRecap } from '../../utils/records/at-kickoff';
import { conversationName } from '../../utils/records/conversation';
import { conversationMarkdown, markdownFilename } from '../../utils/records/markdown';
import { conversationKindOf, sessionTemplate, stepNote, templateLine } from '../../utils/session/session';
import type { Template } from '../../utils/templates/schema';
import { sessionProblem } from '../../utils/session/stored-records';
import { builtInTemplate } from '../../utils/templates/built-ins';
import { cloneTemplate } from '../../utils/templates/schema';
import { validateTemplate } from '../../utils/templates/validate';
import { T0, conversation } from './conversation';

function ownTemplate(): Template {
  const t = cloneTemplate(builtInTemplate('closing'));
  return { ...t, id: 'own-1', name: 'Quarterly check-in', kind: 'other', version: 4, guardrails: ['Keep it short.'] };
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

describe('wording follows the template a conversation started from', () => {
  function ownConversation(capture: Partial<Record<'goals' | 'secondConversation', string>> = {}) {
    const c = conversation('zoom:123456789');
    c.do({ type: 'start', minutes: 30, templateId: 'own-1', resolved: ownTemplate() }, T0);
    // ownTemplate is a copy of the Closing, which captures goals (as progress) but no second conversation.
    if (capture.goals) c.do({ type: 'capture', field: 'goals', text: capture.goals }, T0 + 1);
    return c.session;
  }

  it('names an own template by its name, in the list, the Markdown title and the file name', () => {
    const session = ownConversation();
    expect(conversationKindOf(session)).toBe('other');
    expect(conversationName(session)).toBe('Quarterly check-in');
    const markdown = conversationMarkdown(session, { includePrivate: false, timeZone: 'UTC' });
    expect(markdown).toMatch(/^# Quarterly check-in alignment conversation/);
    expect(markdown).toContain('- Template: Quarterly check-in, version 4\n');
    // A built-in has no saves to count: it is named as built in.
    const builtIn = conversation();
    builtIn.do({ type: 'start', minutes: 30, template: 'closing' }, T0);
    expect(templateLine(builtIn.session)).toBe('Closing (built in)');
    expect(markdownFilename(session, 'Sam')).toBe('quarterly-check-in-2026-11-24-sam.md');
    expect(markdownFilename({ ...session, template: { ...session.template!, name: '😀' } })).toBe('conversation-2026-11-24.md');
  });

  it('shares goals plainly and says nothing of a second conversation the template never planned', () => {
    const message = nextStepsForSession(ownConversation({ goals: 'Lead the Q3 review' }), 'plain');
    expect(message).toContain('- Coaching goals: Lead the Q3 review');
    expect(message).not.toContain('second alignment conversation');
    expect(composeNextSteps({ conversation: 'other', secondConversation: 'in March' })).toContain('Second alignment conversation: in March.');
  });

  it('an own template is neither a Kickoff nor a Closing for At kickoff, whatever its stored templateId says', () => {
    const own = ownConversation();
    const closing = conversation('meet:abc-defg-hij');
    closing.do({ type: 'start', minutes: 30, template: 'closing', preparationId: 'prep-0001' }, T0 + 10 * 24 * 3600_000);
    expect(kickoffRecap(closing.session, [{ ...own, preparationId: 'prep-0001' }])).toBeNull();
    expect(kickoffRecap({ ...own, preparationId: 'prep-0001' }, [closing.session])).toBeNull();
  });

  it('a template that says it is a Closing words and links as one: progress on the goals, its Kickoff recalled', () => {
    const kickoff = conversation('zoom:123456789');
    kickoff.do({ type: 'start', minutes: 30, templateId: 'own-k', resolved: { ...ownTemplate(), id: 'own-k', kind: 'kickoff' }, preparationId: 'prep-0001' }, T0);
    const closing = conversation('meet:abc-defg-hij');
    closing.do({ type: 'start', minutes: 30, templateId: 'own-1', resolved: { ...ownTemplate(), kind: 'closing' }, preparationId: 'prep-0001' }, T0 + 1000);
    closing.do({ type: 'capture', field: 'goals', text: 'Halfway there' }, T0 + 2000);
    expect(conversationKindOf(closing.session)).toBe('closing');
    expect(nextStepsForSession(closing.session, 'plain')).toContain('- Progress on the goals: Halfway there');
    expect(kickoffRecap(closing.session, [kickoff.session])?.key).toBe('zoom:123456789');
  });

  it('reads a private note by its own step only: a step called constructor has none until one is written', () => {
    const template = ownTemplate();
    template.steps[0] = { ...template.steps[0]!, id: 'constructor' };
    const c = conversation();
    c.do({ type: 'start', minutes: 30, resolved: template }, T0);
    expect(stepNote(c.session, 'constructor')).toBe('');
    expect(conversationMarkdown(c.session, { includePrivate: true, timeZone: 'UTC' })).toContain('## Private notes\n\nNone.');
    c.do({ type: 'note', stepId: 'constructor', text: 'Mine' }, T0 + 1);
    expect(stepNote(c.session, 'constructor')).toBe('Mine');
  });
});
