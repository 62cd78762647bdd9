import { describe, expect, it } from 'vitest';
import { GUARDRAILS, MEETING_LENGTHS, kickoffAgenda } from '../../utils/agenda';

describe('the Kickoff agenda', () => {
  it.each(MEETING_LENGTHS)('shares a %i-minute meeting among its 7 steps', (length) => {
    const agenda = kickoffAgenda(length);
    expect(agenda.map((step) => step.id)).toEqual([
      'welcome',
      'context',
      'manager-why',
      'coachee-goals',
      'manager-input',
      'cadence',
      'wrap-up',
    ]);
    expect(agenda.reduce((sum, step) => sum + step.minutes, 0)).toBe(length);
    expect(agenda.every((step) => step.minutes >= 2)).toBe(true);
  });

  it('gives every step a title, a lead and 2–4 short talking points', () => {
    for (const step of kickoffAgenda(30)) {
      expect(step.title.length).toBeGreaterThan(3);
      expect(['coach', 'coachee', 'manager']).toContain(step.lead);
      expect(step.points.length).toBeGreaterThanOrEqual(2);
      expect(step.points.length).toBeLessThanOrEqual(4);
      // Read in a two-second glance: one short line each.
      for (const point of step.points) expect(point.length).toBeLessThanOrEqual(80);
    }
  });

  it('follows the guide on who leads: manager on why coaching and on feedback, coachee on goals', () => {
    const lead = Object.fromEntries(kickoffAgenda(30).map((step) => [step.id, step.lead]));
    expect(lead).toMatchObject({ 'manager-why': 'manager', 'coachee-goals': 'coachee', 'manager-input': 'manager', 'wrap-up': 'coach' });
  });

  it('gives each session its own copy, so editing one never touches another', () => {
    const a = kickoffAgenda(30);
    a[0]!.points.push('changed');
    expect(kickoffAgenda(30)[0]!.points).not.toContain('changed');
  });
});

describe('the guardrails', () => {
  it('cover confidentiality, the coach facilitating without sharing, and their meeting', () => {
    const text = GUARDRAILS.join(' ').toLowerCase();
    expect(text).toContain('confidential');
    expect(text).toContain('facilitate');
    expect(text).toContain('no view of the coachee');
    expect(text).toContain('their meeting');
  });
});
