import { describe, expect, it } from 'vitest';
import {
  actualMs,
  conversationId,
  parseConversationId,
  platformOf,
  timeTakenPerStep,
} from '../../utils/records/conversation';
import { describeStepTimes, stepTimes } from '../../utils/records/step-times';
import { conversationYears, filterConversations, summarizeConversations } from '../../utils/records/summary';
import { MIN, T0 } from './conversation';
import { DAY, preparation, recorded } from './records-fixtures';

describe('a conversation’s id', () => {
  it('is its meeting and its start, and reads back, Teams threads with @ and : included', () => {
    const key = 'teams:19:meeting_NjQ0@thread.v2';
    expect(parseConversationId(conversationId({ key, startedAt: T0 }))).toEqual({ key, startedAt: T0 });
    expect(platformOf(key)).toBe('teams');
  });

  it('refuses what is not one', () => {
    for (const id of ['', 'meet:abc-defg-hij', 'meet:abc-defg-hij/', 'meet:abc-defg-hij/12x', 'mail:x/12', '/12', 'meet:abc/1e3']) {
      expect(parseConversationId(id)).toBeNull();
    }
  });
});

describe('the time a conversation took', () => {
  it('runs from its start to its end for a finished one', () => {
    const c = recorded({ stepMinutes: [2, 5, 4, 7, 7, 4, 6] });
    expect(actualMs(c)).toBe(35 * MIN);
    expect(timeTakenPerStep(c)).toEqual([2, 5, 4, 7, 7, 4, 6].map((m) => m * MIN));
  });

  it('stops at the last change for one nobody finished, however long ago the clock was left running', () => {
    const c = recorded({ stepMinutes: [2, 3], finished: false });
    expect(c.runningSince).toBe(T0 + 2 * MIN);
    // Last change was the move to step 2; its running stretch counts up to then only.
    expect(actualMs(c)).toBe(2 * MIN);
    expect(timeTakenPerStep(c).slice(0, 2)).toEqual([2 * MIN, 0]);
  });

  it('gives the chart its planned and taken minutes, and a line per step to read', () => {
    const times = stepTimes(recorded({ stepMinutes: [2.5, 3, 4, 0.25, 7, 4, 3] }));
    expect(times[0]).toEqual({ id: 'welcome', title: 'Welcome and introductions', plannedMinutes: 2, actualMinutes: 2.5, actualMs: 2.5 * MIN });
    const text = describeStepTimes(times).split('\n');
    expect(text).toHaveLength(7);
    expect(text[0]).toBe('Welcome and introductions: 2 min planned, 3 min taken.');
    expect(text[3]).toMatch(/: 7 min planned, <1 min taken\.$/);
  });
});

describe('the list of conversations', () => {
  const sam = preparation('prep-sam-0001', 'Sam', { notes: 'Nervous about the manager', outcome: 'Promotion case' });
  const list = () =>
    summarizeConversations(
      [
        recorded({ key: 'zoom:123456789', startedAt: T0 - 200 * DAY, prepId: sam.id, goals: 'Delegate more', notes: { welcome: 'tense start' } }),
        recorded({ key: 'meet:abc-defg-hij', startedAt: T0, template: 'closing', prepId: sam.id, parked: ['Team budget'], finished: false }),
        recorded({ key: 'teams:1234567890', startedAt: T0 - 400 * DAY, support: 'Weekly René sync', prepId: 'prep-gone-0001' }),
      ],
      [sam],
    );

  it('is newest first, with date, platform, kind, coachee label, lengths and whether finished', () => {
    const [first, second, third] = list();
    expect(first).toMatchObject({ key: 'meet:abc-defg-hij', kind: 'Closing', platformLabel: 'Google Meet', label: 'Sam', finished: false, plannedMinutes: 30 });
    expect(second).toMatchObject({ key: 'zoom:123456789', kind: 'Kickoff', platformLabel: 'Zoom', finished: true, actualMinutes: 30, startedAt: T0 - 200 * DAY });
    // The preparation was deleted: no label, and nothing breaks.
    expect(third).toMatchObject({ platform: 'teams', platformLabel: 'Microsoft Teams', label: '', preparationId: 'prep-gone-0001' });
    expect(first!.id).toBe(conversationId({ key: 'meet:abc-defg-hij', startedAt: T0 }));
  });

  it('searches label and shared text, every word, ignoring case and accents', () => {
    const summaries = list();
    const keys = (query: string, includePrivate = false) => filterConversations(summaries, { query, includePrivate }).map((s) => s.key);
    expect(keys('')).toHaveLength(3);
    expect(keys('sam')).toEqual(['meet:abc-defg-hij', 'zoom:123456789']);
    expect(keys('DELEGATE')).toEqual(['zoom:123456789']);
    expect(keys('budget team')).toEqual(['meet:abc-defg-hij']);
    expect(keys('rene')).toEqual(['teams:1234567890']);
    expect(keys('budget delegate')).toEqual([]);
  });

  it('finds conversations by their kind and platform as the list names them', () => {
    const summaries = list();
    const keys = (query: string) => filterConversations(summaries, { query }).map((s) => s.key);
    expect(keys('zoom')).toEqual(['zoom:123456789']);
    for (const kind of ['kickoff', 'closing']) {
      expect(keys(kind)).toEqual(summaries.filter((s) => s.kind.toLowerCase() === kind).map((s) => s.key));
    }
  });

  it('leaves private and preparation notes out of the search unless asked', () => {
    const summaries = list();
    expect(filterConversations(summaries, { query: 'tense' })).toEqual([]);
    expect(filterConversations(summaries, { query: 'nervous' })).toEqual([]);
    expect(filterConversations(summaries, { query: 'tense', includePrivate: true }).map((s) => s.key)).toEqual(['zoom:123456789']);
    expect(filterConversations(summaries, { query: 'promotion', includePrivate: true })).toHaveLength(2);
  });

  it('filters by year and lists the years there are', () => {
    const summaries = list();
    const years = conversationYears(summaries);
    expect(years).toEqual([...new Set(summaries.map((s) => new Date(s.startedAt).getFullYear()))].sort((a, b) => b - a));
    expect(filterConversations(summaries, { year: years.at(-1)! }).every((s) => s.year === years.at(-1))).toBe(true);
    expect(filterConversations(summaries, { year: 1999 })).toEqual([]);
    expect(filterConversations(summaries, { year: null })).toHaveLength(3);
  });

  it('summarises and searches a thousand conversations quickly', () => {
    const base = recorded({ goals: 'Delegate more to the leads', parked: ['Budget'], notes: { welcome: 'private' } });
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...base, key: `zoom:${100000000 + i}`, startedAt: T0 - i * DAY }));
    many[500] = { ...many[500]!, capture: { ...base.capture, goals: 'needle in the haystack' } };
    const summaries = summarizeConversations(many, []);
    const started = performance.now();
    const found = filterConversations(summaries, { query: 'needle haystack' });
    const elapsed = performance.now() - started;
    expect(found.map((s) => s.key)).toEqual(['zoom:100000500']);
    expect(elapsed).toBeLessThan(50);
  });
});
