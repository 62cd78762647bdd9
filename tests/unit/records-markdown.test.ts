import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationMarkdown, markdownFilename } from '../../utils/records/markdown';
import { T0 } from './conversation';
import { preparation, recorded } from './records-fixtures';

const prep = preparation('prep-sam-0001', 'Sam Doe', { outcome: 'A promotion case', notes: 'Worried about Friday', checked: ['goals'] });

function kickoff() {
  return recorded({
    key: 'zoom:123456789',
    prepId: prep.id,
    goals: 'Delegate more\nand coach the leads',
    support: 'Weekly 1:1 slot',
    cadence: { frequency: 'biweekly', custom: '', where: 'one-on-one' },
    parked: ['Team budget', 'Hiring *plan*'],
    notes: { welcome: 'Tense start\n# not a heading', 'coachee-goals': 'Held back on 360' },
  });
}

describe('a conversation as Markdown', () => {
  const md = conversationMarkdown(kickoff(), { preparation: prep, includePrivate: false, locale: 'en-GB', timeZone: 'UTC' });

  it('has a title, the date, platform and lengths', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Kickoff alignment conversation with Sam Doe');
    expect(md).toMatch(/- Date: 24 November 2026\D+09:00\n/);
    expect(md).toContain('- Platform: Zoom');
    expect(md).toContain('- Length: 30 min planned, 30 min taken');
    expect(md).toMatch(/- Finished: 24 November 2026\D+09:30\n/);
  });

  it('holds what was shared, the cadence, the parked topics and the next steps as sent, escaped where needed', () => {
    expect(md).toContain('## Shared in the meeting\n\n- Coaching goals: Delegate more and coach the leads\n- Support from the manager: Weekly 1:1 slot');
    expect(md).toContain('## Check-in cadence\n\nEvery two weeks, in your 1:1s');
    expect(md).toContain('- Team budget\n- Hiring \\*plan\\*');
    expect(md).toContain('## Next steps, as sent\n\nThank you both');
    expect(md).toContain('- Check-ins on the coaching goals: every two weeks, in your 1:1s.');
  });

  it('uses the coach’s own next-steps text when they edited it', () => {
    const edited = conversationMarkdown(recorded({ nextSteps: 'Sent:\n- one thing' }), { includePrivate: false });
    expect(edited).toContain('## Next steps, as sent\n\nSent:\n- one thing\n');
  });

  it('has planned against taken minutes per step as a table', () => {
    expect(md).toContain('| Step | Planned | Taken |');
    expect(md).toContain('| Welcome and introductions | 2 min | 2 min |');
    expect(md).toContain('| Wrap up and next steps | 3 min | 3 min |');
  });

  it('leaves private and preparation notes out unless asked', () => {
    for (const secret of ['Tense start', 'Held back', 'promotion', 'Worried', 'Private notes', 'Preparation']) expect(md).not.toContain(secret);
  });

  it('adds them when asked, each under its step, nothing in them read as Markdown', () => {
    const full = conversationMarkdown(kickoff(), { preparation: prep, includePrivate: true, locale: 'en-GB', timeZone: 'UTC' });
    expect(full).toContain('## Private notes\n\n### Welcome and introductions\n\nTense start\n\\# not a heading');
    expect(full).toContain('### Coachee’s goals and 360 themes\n\nHeld back on 360');
    expect(full).toContain('## Preparation\n\nDesired outcome:\n\nA promotion case');
    expect(full).toContain('- [x] Coaching goals are clear and ready to share.');
    expect(full).toContain('Notes:\n\nWorried about Friday');
    expect(full).not.toMatch(/\n{3}/);
  });

  it('says so for a conversation nobody finished, with nothing captured', () => {
    const bare = conversationMarkdown(recorded({ finished: false, stepMinutes: [1] }), { includePrivate: true, timeZone: 'UTC', locale: 'en-GB' });
    expect(bare).toContain('# Kickoff alignment conversation\n');
    expect(bare).toContain('- Not finished');
    expect(bare).toContain('Nothing captured.');
    expect(bare).toContain('## Check-in cadence\n\nNot agreed.');
    expect(bare).toContain('## Private notes\n\nNone.');
  });

  it('never shows another preparation than the linked one', () => {
    const other = conversationMarkdown(recorded({ prepId: 'prep-other-001' }), { preparation: prep, includePrivate: true });
    expect(other).not.toContain('Sam');
    expect(other).not.toContain('Worried');
  });

  it('gets a file name from the kind, the date and the label', () => {
    expect(markdownFilename(kickoff(), 'Sam Doé / Team #2')).toMatch(/^kickoff-2026-11-2[34]-sam-doe-team-2\.md$/);
    expect(markdownFilename(recorded({ template: 'closing', startedAt: T0 }))).toMatch(/^closing-2026-11-2[34]\.md$/);
  });

  it('never contains a private or preparation note unless asked (any text)', () => {
    // Shared text from an alphabet without the markers' letters, so a marker can only come from a note.
    const shared = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnoprstuvwy ABC*_#>\n-|'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(shared, shared, fc.array(shared, { maxLength: 4 }), fc.nat(999), fc.boolean(), (goals, support, parked, n, hidden) => {
        const marker = `ZQX${n}QXZ`;
        const conversation = recorded({ prepId: prep.id, goals, support, parked: parked.filter((t) => t.trim()), notes: { welcome: `${marker} note`, cadence: marker } });
        const md = conversationMarkdown(conversation, {
          preparation: { ...prep, notes: `${marker} prep`, outcome: `${marker} outcome` },
          includePrivate: !hidden,
        });
        expect(md.includes(marker)).toBe(!hidden);
      }),
      { numRuns: 150 },
    );
  });
});
