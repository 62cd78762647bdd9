import { describe, expect, it } from 'vitest';
import { kickoffRecap } from '../../utils/records/at-kickoff';
import { T0 } from './conversation';
import { DAY, recorded } from './records-fixtures';

const PREP = 'prep-sam-0001';
const cadence = { frequency: 'monthly' as const, custom: '', where: 'check-in' as const };

describe('At kickoff', () => {
  const closing = recorded({ template: 'closing', startedAt: T0, prepId: PREP, finished: false });

  it('recalls the Kickoff on the same preparation: its date, goals, support and cadence', () => {
    const kickoff = recorded({ key: 'zoom:123456789', startedAt: T0 - 120 * DAY, prepId: PREP, goals: 'Delegate more', support: 'Monthly review', cadence });
    expect(kickoffRecap(closing, [kickoff, closing])).toEqual({
      key: 'zoom:123456789',
      startedAt: T0 - 120 * DAY,
      goals: 'Delegate more',
      support: 'Monthly review',
      cadence,
      cadenceText: 'monthly, in a dedicated check-in',
    });
  });

  it('takes the most recent of several Kickoffs that came before the Closing', () => {
    const first = recorded({ startedAt: T0 - 200 * DAY, prepId: PREP, goals: 'First' });
    const second = recorded({ startedAt: T0 - 100 * DAY, prepId: PREP, goals: 'Second' });
    const after = recorded({ startedAt: T0 + DAY, prepId: PREP, goals: 'After the closing' });
    expect(kickoffRecap(closing, [second, after, first])?.goals).toBe('Second');
  });

  it('matches by preparation, never by anything else', () => {
    const otherPrep = recorded({ startedAt: T0 - 100 * DAY, prepId: 'prep-kim-0001', goals: 'Kim' });
    const unlinked = recorded({ startedAt: T0 - 90 * DAY, prepId: null, goals: 'Nobody' });
    const earlierClosing = recorded({ template: 'closing', startedAt: T0 - 80 * DAY, prepId: PREP, goals: 'A closing' });
    expect(kickoffRecap(closing, [otherPrep, unlinked, earlierClosing])).toBeNull();
  });

  it('is nothing for a Kickoff or for a Closing without a preparation', () => {
    const kickoff = recorded({ startedAt: T0 - 100 * DAY, prepId: PREP, goals: 'Goals' });
    expect(kickoffRecap({ ...closing, preparationId: null }, [kickoff])).toBeNull();
    expect(kickoffRecap(recorded({ startedAt: T0, prepId: PREP }), [kickoff])).toBeNull();
  });

  it('leaves the cadence text empty when none was agreed', () => {
    const kickoff = recorded({ startedAt: T0 - 100 * DAY, prepId: PREP });
    expect(kickoffRecap(closing, [kickoff])).toMatchObject({ cadence: null, cadenceText: '', goals: '' });
  });
});
