import { describe, expect, it } from 'vitest';
import { CADENCE_PLACEHOLDER, composeNextSteps } from '../../utils/next-steps';

describe('the next-steps message', () => {
  it('thanks both, leaves a placeholder for the cadence until one is captured, and names the second conversation', () => {
    const text = composeNextSteps({ conversation: 'kickoff' });
    expect(text).toMatch(/^Thank you both/);
    expect(text).toContain(`Check-ins on the coaching goals: ${CADENCE_PLACEHOLDER}.`);
    expect(text).toContain('add it to your next 1:1 agenda');
    expect(text).toContain('second alignment conversation near the end of the coaching engagement');
  });

  it('uses the agreed cadence and lists the topics for their next 1:1, dropping blank ones', () => {
    const text = composeNextSteps({
      conversation: 'kickoff',
      cadence: '  every two weeks in your 1:1  ',
      topics: ['Team restructure', '  ', 'Budget for training '],
    });
    expect(text).toContain('Check-ins on the coaching goals: every two weeks in your 1:1.');
    expect(text).toContain('- Topics for your next 1:1 (or a follow-up without me):\n  - Team restructure\n  - Budget for training\n');
    expect(text).not.toContain(CADENCE_PLACEHOLDER);
  });

  it('does not announce a second alignment conversation at the closing one', () => {
    expect(composeNextSteps({ conversation: 'closing' })).not.toContain('second alignment conversation');
  });

  it('is plain text: no markup, no HTML', () => {
    const text = composeNextSteps({ conversation: 'kickoff', topics: ['<b>x</b>'] });
    expect(text).not.toMatch(/<\/?(p|br|div|ul|li)\b/);
    expect(text).toContain('<b>x</b>'); // the coach's words, kept as typed
  });
});
