import { describe, expect, it } from 'vitest';
import { GUARDRAILS, MEETING_LENGTHS, OBJECTIVES, TEMPLATE_IDS, buildAgenda } from '../../utils/agenda/agenda';

describe.each(TEMPLATE_IDS)('the %s agenda', (template) => {
  it.each(MEETING_LENGTHS)('shares a %i-minute meeting among its 7 steps, ending with wrap-up', (length) => {
    const agenda = buildAgenda(template, length);
    expect(agenda).toHaveLength(7);
    expect(agenda.at(-1)!.id).toBe('wrap-up');
    expect(agenda.reduce((sum, step) => sum + step.minutes, 0)).toBe(length);
    expect(agenda.every((step) => step.minutes >= 2)).toBe(true);
    // Wrap-up is where the next steps are agreed: never squeezed below three minutes by design.
    expect(agenda.at(-1)!.minutes).toBeGreaterThanOrEqual(3);
  });

  it('gives every step a title, a lead, 2–4 short talking points and a one-line prompt', () => {
    for (const step of buildAgenda(template, 30)) {
      expect(step.title.length).toBeGreaterThan(3);
      expect(['coach', 'coachee', 'manager']).toContain(step.lead);
      expect(step.points.length).toBeGreaterThanOrEqual(2);
      expect(step.points.length).toBeLessThanOrEqual(4);
      // Read in a two-second glance: one short line each.
      for (const point of step.points) expect(point.length).toBeLessThanOrEqual(80);
      expect(step.prompt.length).toBeGreaterThan(10);
      expect(step.prompt.length).toBeLessThanOrEqual(90);
      for (const line of step.guardrails) expect(line.length).toBeLessThanOrEqual(80);
    }
  });

  it('keeps the meeting objectives at hand in the set-context step only', () => {
    const withObjectives = buildAgenda(template, 30).filter((step) => step.objectives);
    expect(withObjectives.map((step) => step.id)).toEqual(['context']);
  });

  it('captures the cadence, and at wrap-up warns against offering a follow-up without approval', () => {
    const agenda = buildAgenda(template, 45);
    expect(agenda.some((step) => step.capture.includes('cadence'))).toBe(true);
    expect(agenda.some((step) => step.capture.includes('goals'))).toBe(true);
    expect(agenda.some((step) => step.capture.includes('support'))).toBe(true);
    expect(agenda.at(-1)!.guardrails.join(' ')).toMatch(/follow-up meeting without approval/);
  });

  it('never lets the coach evaluate the coachee where the manager gives feedback', () => {
    const managerSteps = buildAgenda(template, 30).filter((step) => step.lead === 'manager' && step.id !== 'manager-why');
    expect(managerSteps.length).toBeGreaterThan(0);
    for (const step of managerSteps) expect(step.guardrails.join(' ')).toMatch(/never evaluate/);
  });

  it('gives each session its own copy, so editing one never touches another', () => {
    const a = buildAgenda(template, 30);
    a[0]!.points.push('changed');
    a[0]!.guardrails.push('changed');
    expect(buildAgenda(template, 30)[0]!.points).not.toContain('changed');
    expect(buildAgenda(template, 30)[0]!.guardrails).not.toContain('changed');
  });
});

describe('Kickoff and Closing follow the guide', () => {
  it('Kickoff: manager on why coaching and on feedback, coachee on goals, the coachee’s 360 is theirs to share', () => {
    const agenda = buildAgenda('kickoff', 30);
    const lead = Object.fromEntries(agenda.map((step) => [step.id, step.lead]));
    expect(lead).toMatchObject({ 'manager-why': 'manager', 'coachee-goals': 'coachee', 'manager-input': 'manager', 'wrap-up': 'coach' });
    expect(agenda.find((step) => step.id === 'coachee-goals')!.guardrails.join(' ')).toMatch(/360.*add nothing/);
    expect(agenda.find((step) => step.id === 'cadence')!.capture).toEqual(['cadence', 'secondConversation']);
  });

  it('Closing: progress instead of new goals, what the manager has seen, growth after coaching, the cadence ahead', () => {
    const titles = buildAgenda('closing', 30).map((step) => step.title).join(' | ');
    expect(titles).toMatch(/Progress on the goals/);
    expect(titles).toMatch(/What the manager has seen/);
    expect(titles).toMatch(/Growth after coaching/);
    expect(titles).toMatch(/Cadence ahead/);
    expect(titles).not.toMatch(/360/);
    // No second alignment conversation to plan at the closing one.
    expect(buildAgenda('closing', 30).some((step) => step.capture.includes('secondConversation'))).toBe(false);
  });
});

describe('the guardrails and objectives', () => {
  it('cover confidentiality, the coach facilitating without sharing, and their meeting', () => {
    const text = GUARDRAILS.join(' ').toLowerCase();
    expect(text).toContain('confidential');
    expect(text).toContain('facilitate');
    expect(text).toContain('no view of the coachee');
    expect(text).toContain('their meeting');
  });

  it('state the guide’s three meeting objectives', () => {
    expect(OBJECTIVES).toHaveLength(3);
    expect(OBJECTIVES.join(' ')).toMatch(/support/);
    expect(OBJECTIVES.join(' ')).toMatch(/goals/);
  });
});
