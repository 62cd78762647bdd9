import { describe, expect, it } from 'vitest';
import { LEADS, LEAD_LABEL, isLead } from '../../utils/agenda/agenda';
import { TEMPLATE_LEADS, TEMPLATE_LEAD_PANEL_LABEL } from '../../utils/templates/schema';
import { sessionProblem } from '../../utils/session/stored-records';
import { T0, conversation } from './conversation';

describe('the five leads', () => {
  it('are the templates’ leads, with the panel’s labels', () => {
    expect([...LEADS]).toEqual([...TEMPLATE_LEADS]);
    expect(LEAD_LABEL).toEqual(TEMPLATE_LEAD_PANEL_LABEL);
    expect(LEADS.every(isLead)).toBe(true);
    expect(isLead('team')).toBe(false);
    expect(isLead(undefined)).toBe(false);
  });

  it('are accepted in a stored conversation, and an unknown lead is not', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    for (const lead of LEADS) {
      const agenda = c.session.agenda.map((step, i) => (i === 0 ? { ...step, lead } : step));
      expect(sessionProblem({ ...c.session, agenda })).toBeNull();
    }
    const agenda = c.session.agenda.map((step, i) => (i === 0 ? { ...step, lead: 'team' } : step));
    expect(sessionProblem({ ...c.session, agenda })).not.toBeNull();
  });
});
