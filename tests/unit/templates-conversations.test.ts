/**
 * Whole conversations run from generated templates: whatever a coach builds in the editor, the
 * pacing, the capture, the stored record, the next steps and the Markdown behave as they do for
 * the built-ins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEETING_LENGTHS, type MeetingLength } from '../../utils/agenda/agenda';
import { MINUTE_MS, WRAP_UP_FLOOR_MS, floorMs, plan } from '../../utils/agenda/pacing';
import { nextStepsForSession } from '../../utils/outputs/next-steps';
import { conversationName } from '../../utils/records/conversation';
import { conversationMarkdown, markdownFilename } from '../../utils/records/markdown';
import { conversationKindOf, type Command } from '../../utils/session/session';
import { isStoredSession } from '../../utils/session/stored-records';
import { stepFloor } from '../../utils/templates/allot';
import type { Template } from '../../utils/templates/schema';
import { MIN, T0, conversation } from './conversation';
import { validShape } from './templates-arbitraries';

const length = fc.constantFrom<MeetingLength>(...MEETING_LENGTHS);
// The generated templates' texts are `Text n`; what the coach types here is told apart from them.
const shared = fc.string({ minLength: 1, maxLength: 30 }).map((text) => `SHARED ${text.replace(/PRIVATE/g, '')}`);

/** One coach action and the minutes that pass before it. */
const action = (steps: number): fc.Arbitrary<{ after: number; command: Command | 'note' }> =>
  fc.record({
    after: fc.integer({ min: 0, max: 12 * MIN }),
    command: fc.oneof(
      fc.constant<Command>({ type: 'next' }),
      fc.constant<Command>({ type: 'previous' }),
      fc.integer({ min: 0, max: steps - 1 }).map((index): Command => ({ type: 'jump', index })),
      fc.constant<Command>({ type: 'pause' }),
      fc.constant<Command>({ type: 'resume' }),
      fc.constant<Command>({ type: 'add-minute' }),
      fc.constantFrom('goals' as const, 'support' as const, 'secondConversation' as const).chain((field) => shared.map((text): Command => ({ type: 'capture', field, text }))),
      fc.constant<Command>({ type: 'cadence', cadence: { frequency: 'biweekly', where: 'one-on-one', custom: '' } }),
      shared.map((text): Command => ({ type: 'park', text })),
      fc.constant('note' as const),
    ),
  });

const run = fc
  .tuple(validShape, length)
  .chain(([template, minutes]) => fc.tuple(fc.constant(template), fc.constant(minutes), fc.array(action(template.steps.length), { maxLength: 40 })));

function start(template: Template, minutes: MeetingLength) {
  const c = conversation('zoom:123456789');
  c.do({ type: 'start', minutes, templateId: template.id, resolved: template }, T0);
  return c;
}

describe('a conversation from any valid template', () => {
  it('allots minutes that add up to the meeting, keeps every floor and the wrap-up’s three minutes', () => {
    fc.assert(
      fc.property(validShape, length, (template, minutes) => {
        const { session } = start(template, minutes);
        expect(session.agenda.reduce((sum, step) => sum + step.minutes, 0)).toBe(minutes);
        session.agenda.forEach((step, i) => expect(step.minutes).toBeGreaterThanOrEqual(stepFloor(template.steps[i]!)));
        for (const step of session.agenda.filter((s) => s.wrapUp)) expect(step.minutes * MINUTE_MS).toBeGreaterThanOrEqual(WRAP_UP_FLOOR_MS);
        // The plan at the start is the allotment itself: nothing is reshuffled before anyone spoke.
        expect(plan(session, T0).budgetsMs).toEqual(session.agenda.map((step) => step.minutes * MINUTE_MS));
        expect(plan(session, T0).driftMs).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('paces, captures and stores like a built-in, and its outputs never carry a private note', () => {
    fc.assert(
      fc.property(run, ([template, minutes, actions]) => {
        const c = start(template, minutes);
        let now = T0;
        let notes = 0;
        for (const { after, command } of actions) {
          now += after;
          if (command === 'note') {
            const step = c.session.agenda[c.session.current]!;
            c.do({ type: 'note', stepId: step.id, text: `PRIVATE-${++notes}` }, now);
          } else {
            // Refusals (no step ahead, a field this template does not capture) leave it as it was.
            c.try(command, now);
          }
          const session = c.session;
          expect(isStoredSession(session)).toBe(true);
          // Every step ahead keeps its floor however the time was spent.
          const { budgetsMs } = plan(session, now);
          for (let i = session.current + 1; i < session.agenda.length; i++) expect(budgetsMs[i]).toBeGreaterThanOrEqual(floorMs(session.agenda, i) - 1);
        }
        c.do({ type: 'finish' }, now + MIN);
        const session = c.session;
        expect(session.template).toEqual({ id: template.id, name: template.name, version: template.version, kind: template.kind, guardrails: template.guardrails });
        expect(conversationKindOf(session)).toBe(template.kind);
        expect(conversationName(session)).toBe(template.name);

        const outputs = [
          nextStepsForSession(session, 'plain'),
          nextStepsForSession(session, 'markdown'),
          conversationMarkdown(session, { includePrivate: false, timeZone: 'UTC' }),
        ];
        for (const text of outputs) expect(text).not.toContain('PRIVATE');
        // What was captured for sharing reaches the message.
        for (const text of [session.capture.goals, session.capture.support].filter(Boolean)) expect(outputs[0]).toContain(text.trim());
        for (const topic of session.parked) expect(outputs[0]).toContain(topic.text.trim());
        if (notes > 0) expect(conversationMarkdown(session, { includePrivate: true, timeZone: 'UTC' })).toContain('PRIVATE');
        expect(markdownFilename(session)).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.md$/);
      }),
      { numRuns: 200 },
    );
  });
});
