import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgendaStep } from '../../utils/agenda/agenda';
import { MINUTE_MS, budgetOnEntry, floorMs, plan, plannedMs, type PacedSession } from '../../utils/agenda/pacing';
import { allotMinutes, stepFloor, templateToAgenda, type TemplateAgendaStep } from '../../utils/templates/allot';
import { meetingLength, sampleTemplate, validShape } from './templates-arbitraries';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const shares = (...minutes: number[]) => ({ steps: minutes.map((m) => ({ minutes: m, wrapUp: false })) });

describe('allotMinutes, for any valid template and meeting length', () => {
  it('adds up exactly to the meeting, in whole minutes, every step at or above its floor', () => {
    fc.assert(
      fc.property(validShape, meetingLength, (template, length) => {
        const minutes = allotMinutes(template, length);
        expect(minutes).toHaveLength(template.steps.length);
        expect(sum(minutes)).toBe(length);
        minutes.forEach((m, i) => {
          expect(Number.isInteger(m)).toBe(true);
          expect(m).toBeGreaterThanOrEqual(stepFloor(template.steps[i]!));
          if (template.steps[i]!.wrapUp) expect(m).toBeGreaterThanOrEqual(3);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each step within a minute of its exact share, so order and proportions hold', () => {
    fc.assert(
      fc.property(validShape, meetingLength, (template, length) => {
        allotMinutes(template, length).forEach((m, i) => {
          expect(Math.abs(m - (template.steps[i]!.minutes * length) / 30)).toBeLessThan(1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the 30-minute meeting the shares as they are, and 60 exactly twice them', () => {
    fc.assert(
      fc.property(validShape, (template) => {
        const own = template.steps.map((step) => step.minutes);
        expect(allotMinutes(template, 30)).toEqual(own);
        expect(allotMinutes(template, 60)).toEqual(own.map((m) => m * 2));
      }),
    );
  });

  it('is the same whatever the id, texts or leads: only minutes and the wrap-up count', () => {
    fc.assert(
      fc.property(validShape, validShape, (a, b) => {
        const sameMinutes = { ...b, steps: a.steps.map((step, i) => ({ ...(b.steps[i] ?? b.steps[0]!), minutes: step.minutes, wrapUp: step.wrapUp })) };
        expect(allotMinutes(sameMinutes, 45)).toEqual(allotMinutes(a, 45));
      }),
      { numRuns: 100 },
    );
  });
});

describe('allotMinutes on a tie', () => {
  it('hands the spare half minutes to the wrap-up first, then to the earlier steps', () => {
    // 45 minutes: 4.5, 4.5, 6, 12, 13.5, 4.5 → floors add up to 43; two spare minutes.
    const template = { steps: [3, 3, 4, 8, 9, 3].map((minutes, i, all) => ({ minutes, wrapUp: i === all.length - 1 })) };
    expect(allotMinutes(template, 45)).toEqual([5, 4, 6, 12, 13, 5]);
  });
});

describe('allotMinutes beyond valid templates', () => {
  it('still fills the meeting from shares that do not add up to 30, keeping floors while they fit', () => {
    const steps = fc.array(fc.record({ minutes: fc.integer({ min: 0, max: 50 }), wrapUp: fc.boolean() }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(steps, meetingLength, (anySteps, length) => {
        const minutes = allotMinutes({ steps: anySteps }, length);
        const floors = anySteps.map(stepFloor);
        minutes.forEach((m, i) => expect(m).toBeGreaterThanOrEqual(floors[i]!));
        // When even the floors overrun the meeting it runs late, as pacing lets it.
        expect(sum(minutes)).toBe(Math.max(length, sum(floors)));
      }),
      { numRuns: 500 },
    );
  });

  it('shares evenly when no step has any minutes', () => {
    expect(allotMinutes(shares(0, 0, 0), 30)).toEqual([10, 10, 10]);
    expect(allotMinutes({ steps: [] }, 45)).toEqual([]);
  });
});

describe('templateToAgenda', () => {
  it('gives the agenda shape the session copies, with this meeting’s minutes', () => {
    const template = sampleTemplate();
    template.steps[1]!.objectives = true;
    const agenda = templateToAgenda(template, 60);
    expect(agenda.map((step) => step.minutes)).toEqual([10, 24, 20, 6]);
    expect(agenda[1]).toEqual({
      id: 'progress',
      title: 'Progress so far',
      lead: 'coachee',
      points: [],
      prompt: 'What has moved since we started?',
      guardrails: [],
      capture: ['goals'],
      objectives: true,
      wrapUp: false,
      minutes: 24,
    });
    expect(agenda[0]).not.toHaveProperty('objectives');
    expect(agenda[3]!.wrapUp).toBe(true);
  });

  it('shares no array with the template, so a conversation is never changed by a later edit', () => {
    const template = sampleTemplate();
    const agenda = templateToAgenda(template, 30);
    template.steps[0]!.points.push('edited later');
    template.steps[2]!.capture.push('goals');
    template.steps[2]!.guardrails.length = 0;
    expect(agenda[0]!.points).toEqual(['Thank both.', 'Say the end time.']);
    expect(agenda[2]!.capture).toEqual(['support', 'cadence']);
    expect(agenda[2]!.guardrails).toEqual(['Let them plan it.']);
  });
});

/** A session just started on this agenda, as session.ts starts one. */
function started(agenda: AgendaStep[], length: number, now: number): PacedSession {
  return {
    agenda,
    meetingMinutes: length,
    startedAt: now,
    current: 0,
    spentMs: agenda.map(() => 0),
    runningSince: now,
    budgetMs: agenda.map(plannedMs),
  };
}

// Pacing reads minutes and the wrap-up flag, never the lead: the wider lead is no concern of its.
const paced = (steps: TemplateAgendaStep[]) => steps as AgendaStep[];

describe('pacing, on any valid template’s agenda', () => {
  const T0 = 1_760_000_000_000;

  it('keeps the same floors allotMinutes keeps, and starts on time', () => {
    fc.assert(
      fc.property(validShape, meetingLength, (template, length) => {
        const agenda = paced(templateToAgenda(template, length));
        agenda.forEach((_, i) => expect(floorMs(agenda, i)).toBe(stepFloor(template.steps[i]!) * MINUTE_MS));
        expect(plan(started(agenda, length, T0), T0).driftMs).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('gives each step its planned minutes when every step before it kept to time', () => {
    fc.assert(
      fc.property(validShape, meetingLength, (template, length) => {
        const agenda = paced(templateToAgenda(template, length));
        let session = started(agenda, length, T0);
        let now = T0;
        for (let i = 1; i < agenda.length; i++) {
          now += plannedMs(agenda[i - 1]!);
          const spentMs = [...session.spentMs];
          spentMs[i - 1] = plannedMs(agenda[i - 1]!);
          session = { ...session, spentMs, current: i, runningSince: now };
          expect(budgetOnEntry(session, i, now)).toBe(plannedMs(agenda[i]!));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does not treat a last step as the wrap-up unless the template says so', () => {
    const template = sampleTemplate();
    template.steps[3] = { ...template.steps[3]!, wrapUp: false, minutes: 1 };
    template.steps[0]!.minutes = 7;
    const agenda = paced(templateToAgenda(template, 45));
    expect(agenda.at(-1)!.minutes).toBe(1);
    expect(floorMs(agenda, 3)).toBe(MINUTE_MS);
    expect(plan(started(agenda, 45, T0), T0).driftMs).toBe(0);
  });
});
