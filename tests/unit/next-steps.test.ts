import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cadence } from '../../utils/session/capture';
import { CADENCE_PLACEHOLDER, composeNextSteps, nextStepsForSession } from '../../utils/outputs/next-steps';
import { MIN, T0, conversation } from './conversation';

const BIWEEKLY: Cadence = { frequency: 'biweekly', custom: '', where: 'one-on-one' };

describe('the next-steps message', () => {
  it('thanks both, leaves a placeholder for the cadence until one is captured, and names the second conversation', () => {
    const text = composeNextSteps({ conversation: 'kickoff' });
    expect(text).toMatch(/^Thank you both/);
    expect(text).toContain(`Check-ins on the coaching goals: ${CADENCE_PLACEHOLDER}.`);
    expect(text).toContain('add it to your next 1:1 agenda');
    expect(text).toContain('second alignment conversation near the end of the coaching engagement');
    expect(text).not.toContain('What we shared');
  });

  it('uses the agreed cadence and lists the topics for their next 1:1, dropping blank ones', () => {
    const text = composeNextSteps({
      conversation: 'kickoff',
      cadence: BIWEEKLY,
      topics: ['Team restructure', '  ', 'Budget for training '],
    });
    expect(text).toContain('Check-ins on the coaching goals: every two weeks, in your 1:1s.');
    expect(text).toContain('- Topics for your next 1:1 (or a follow-up without me):\n  - Team restructure\n  - Budget for training\n');
    expect(text).not.toContain(CADENCE_PLACEHOLDER);
  });

  it('says a custom cadence in the coach’s words, and where', () => {
    const text = composeNextSteps({ conversation: 'closing', cadence: { frequency: 'custom', custom: 'after each quarterly review', where: 'check-in' } });
    expect(text).toContain('Check-ins on the coaching goals: after each quarterly review, in a dedicated check-in.');
    // A custom cadence left empty is no cadence yet.
    expect(composeNextSteps({ conversation: 'closing', cadence: { frequency: 'custom', custom: ' ', where: 'check-in' } })).toContain(CADENCE_PLACEHOLDER);
  });

  it('recalls the goals and the support shared, and when the second conversation is', () => {
    const text = composeNextSteps({
      conversation: 'kickoff',
      goals: 'Delegate more\nSpeak up in exec meetings',
      support: 'Monthly skip-level intro',
      secondConversation: 'in May',
    });
    expect(text).toContain('What we shared\n- Coaching goals: Delegate more\n  Speak up in exec meetings\n- Support from the manager: Monthly skip-level intro');
    expect(text).toContain('- Second alignment conversation: in May.');
    expect(composeNextSteps({ conversation: 'closing', goals: 'Delegating well now' })).toContain('- Progress on the goals: Delegating well now');
  });

  it('does not announce a second alignment conversation at the closing one', () => {
    expect(composeNextSteps({ conversation: 'closing', secondConversation: 'in May' })).not.toMatch(/second alignment conversation/i);
  });

  it('is plain text by default: no markup, the coach’s words kept as typed', () => {
    const text = composeNextSteps({ conversation: 'kickoff', topics: ['<b>x</b> *y*'] });
    expect(text).not.toMatch(/<\/?(p|br|div|ul|li)\b/);
    expect(text).toContain('<b>x</b> *y*');
  });

  it('in Markdown, bolds the headings and escapes what the coach typed so it shows as typed', () => {
    const text = composeNextSteps({ conversation: 'kickoff', goals: 'Grow *fast*', topics: ['a_b [link](x) <i>'], format: 'markdown' });
    expect(text).toContain('**What we shared**');
    expect(text).toContain('**Next steps**');
    expect(text).toContain('- Coaching goals: Grow \\*fast\\*');
    expect(text).toContain('  - a\\_b \\[link\\](x) \\<i\\>');
  });

  it('keeps emoji, right-to-left text and control characters as text', () => {
    const topic = 'مراجعة الميزانية 📊 \u202Eabc\u0007';
    expect(composeNextSteps({ conversation: 'kickoff', topics: [topic] })).toContain(`  - ${topic}`);
  });
});

describe('the message for a session', () => {
  it('is built from the capture and the parked topics of that session', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30, template: 'closing' }, T0);
    c.do({ type: 'cadence', cadence: BIWEEKLY }, T0 + MIN);
    c.do({ type: 'park', text: 'Hiring plan' }, T0 + MIN);
    c.do({ type: 'capture', field: 'support', text: 'Sponsor the offsite' }, T0 + MIN);
    const text = nextStepsForSession(c.session, 'plain');
    expect(text).toContain('every two weeks, in your 1:1s');
    expect(text).toContain('  - Hiring plan');
    expect(text).toContain('Support from the manager: Sponsor the offsite');
  });

  it('never carries a private note, for any combination of captured fields', () => {
    const secret = fc.string({ minLength: 1, maxLength: 20 }).map((s) => `PRIVATE⟨${s}⟩`);
    const maybeText = fc.option(fc.string({ maxLength: 40 }).filter((s) => !s.includes('PRIVATE')), { nil: undefined });
    fc.assert(
      fc.property(
        fc.constantFrom('kickoff' as const, 'closing' as const),
        fc.record({ goals: maybeText, support: maybeText, secondConversation: maybeText }),
        fc.option(fc.constantFrom<Cadence['frequency']>('weekly', 'biweekly', 'monthly', 'custom'), { nil: null }),
        fc.array(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('PRIVATE')), { maxLength: 4 }),
        fc.array(secret, { minLength: 1, maxLength: 7 }),
        fc.constantFrom('plain' as const, 'markdown' as const),
        (template, texts, frequency, topics, notes, format) => {
          const c = conversation();
          c.do({ type: 'start', minutes: 45, template }, T0);
          for (const [field, text] of Object.entries(texts)) {
            if (text === undefined) continue;
            const result = c.try({ type: 'capture', field: field as 'goals', text });
            expect(result === null || /does not capture/.test(result)).toBe(true);
          }
          if (frequency) c.do({ type: 'cadence', cadence: { frequency, custom: 'monthly-ish', where: 'check-in' } }, T0);
          for (const topic of topics) c.try({ type: 'park', text: topic });
          c.session.agenda.forEach((step, i) => c.do({ type: 'note', stepId: step.id, text: notes[i % notes.length]! }, T0 + i));
          const text = nextStepsForSession(c.session, format);
          expect(text).not.toContain('PRIVATE');
          for (const note of notes) expect(text).not.toContain(note);
        },
      ),
      { numRuns: 300 },
    );
  });
});
