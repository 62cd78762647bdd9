import { describe, expect, it } from 'vitest';
import { meetingRemaining, stepElapsed, stepRemaining } from '../../utils/agenda/clock';
import { APPLIED_MEMORY, STALE_AFTER_END_MS, applyCommand, isStale } from '../../utils/session/session';
import { MIN, T0, conversation, deepFreeze } from './conversation';

describe('a whole Kickoff conversation', () => {
  it('starts on the first step with the chosen length, and walks to wrap-up', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 45 }, T0);
    expect(c.session).toMatchObject({ key: 'meet:abc-defg-hij', meetingMinutes: 45, current: 0, startedAt: T0 });
    expect(c.session.agenda).toHaveLength(7);
    for (let i = 1; i <= 6; i++) c.do({ type: 'next' }, T0 + i * MIN);
    expect(c.session.current).toBe(6);
    expect(c.session.agenda[6]!.id).toBe('wrap-up');
    expect(c.refuse({ type: 'next' }, T0 + 8 * MIN)).toMatch(/last step/);
  });

  it('refuses what makes no sense, changing nothing', () => {
    const c = conversation();
    expect(c.refuse({ type: 'next' }, T0)).toMatch(/Start/);
    expect(c.refuse({ type: 'pause' }, T0)).toMatch(/Start/);
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(c.refuse({ type: 'previous' }, T0)).toMatch(/first step/);
    expect(c.refuse({ type: 'jump', index: 7 }, T0)).toMatch(/no such step/);
    expect(c.refuse({ type: 'jump', index: -1 }, T0)).toMatch(/no such step/);
    expect(c.refuse({ type: 'jump', index: 1.5 }, T0)).toMatch(/no such step/);
    expect(c.refuse({ type: 'jump', index: 0 }, T0)).toMatch(/already current/);
    expect(c.refuse({ type: 'resume' }, T0)).toMatch(/already running/);
    c.do({ type: 'pause' }, T0 + MIN);
    expect(c.refuse({ type: 'pause' }, T0 + MIN)).toMatch(/already paused/);
  });

  it('a second Start (another tab) never resets a running conversation', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'next' }, T0 + 2 * MIN);
    expect(c.refuse({ type: 'start', minutes: 60 }, T0 + 3 * MIN)).toMatch(/already started/);
    expect(c.session.meetingMinutes).toBe(30);
  });

  it('counts each step from its own start, and the meeting from the start', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(stepRemaining(c.session, T0 + 30_000)).toBe(2 * MIN - 30_000);
    c.do({ type: 'next' }, T0 + 90_000);
    expect(stepElapsed(c.session, T0 + 90_000)).toBe(0);
    // Welcome ended 30 s early; the new step's budget is its 3 minutes plus its share of those.
    const budget = c.session.budgetMs[1]!;
    expect(budget).toBeGreaterThan(3 * MIN);
    expect(budget).toBeLessThan(3 * MIN + 30_000);
    expect(stepRemaining(c.session, T0 + 150_000)).toBe(budget - 60_000);
    expect(meetingRemaining(c.session, T0 + 150_000)).toBe(30 * MIN - 150_000);
    // Past the step's budget the remaining time goes negative.
    expect(stepRemaining(c.session, T0 + 90_000 + budget + MIN)).toBe(-MIN);
  });

  it('returning to a step resumes the time already spent in it', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'next' }, T0 + MIN); // 1 min in step 1
    c.do({ type: 'jump', index: 4 }, T0 + 2 * MIN); // 1 min in step 2
    c.do({ type: 'jump', index: 0 }, T0 + 5 * MIN); // 3 min in step 5
    expect(c.session.spentMs.slice(0, 5)).toEqual([MIN, MIN, 0, 0, 3 * MIN]);
    expect(stepElapsed(c.session, T0 + 5 * MIN + 30_000)).toBe(MIN + 30_000);
  });

  it('pause freezes the step clock, moves keep it paused, resume continues; the meeting clock is wall time', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'pause' }, T0 + 40_000);
    expect(stepElapsed(c.session, T0 + 10 * MIN)).toBe(40_000);
    expect(meetingRemaining(c.session, T0 + 10 * MIN)).toBe(20 * MIN);
    c.do({ type: 'next' }, T0 + 11 * MIN);
    expect(c.session.runningSince).toBeNull();
    expect(c.session.spentMs[0]).toBe(40_000);
    expect(stepElapsed(c.session, T0 + 12 * MIN)).toBe(0);
    c.do({ type: 'resume' }, T0 + 12 * MIN);
    expect(stepElapsed(c.session, T0 + 12 * MIN + 5_000)).toBe(5_000);
  });

  it('counts one revision per applied command and never mutates the stored session', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(c.session.revision).toBe(1);
    deepFreeze(c.session);
    c.do({ type: 'next' }, T0 + MIN);
    c.do({ type: 'pause' }, T0 + 2 * MIN);
    expect(c.session.revision).toBe(3);
    expect(c.session.updatedAt).toBe(T0 + 2 * MIN);
  });
});

describe('retried commands', () => {
  it('a command id already applied is reported duplicate and not applied again', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0, 'start-1');
    c.do({ type: 'next' }, T0 + MIN, 'next-1');
    const retry = applyCommand(c.session, c.session.key, 'next-1', { type: 'next' }, T0 + 2 * MIN);
    expect(retry).toEqual({ ok: true, duplicate: true, session: c.session });
    expect(c.session.current).toBe(1);
  });

  it('remembers the latest ids, enough for any panel still retrying', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 60 }, T0, 'first');
    for (let i = 0; i < APPLIED_MEMORY + 20; i++) {
      c.do({ type: i % 2 ? 'resume' : 'pause' }, T0 + i, `toggle-${i}`);
    }
    expect(c.session.applied).toHaveLength(APPLIED_MEMORY);
    for (const id of ['toggle-20', `toggle-${APPLIED_MEMORY + 19}`]) {
      const retried = applyCommand(c.session, c.session.key, id, { type: 'pause' }, T0 + 1000);
      expect(retried).toMatchObject({ ok: true, duplicate: true });
    }
  });
});

describe('a reused meeting link', () => {
  it('is a past conversation 12 hours after its scheduled end, and Start then begins afresh', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'next' }, T0 + MIN);
    const endedLongAgo = T0 + 30 * MIN + STALE_AFTER_END_MS;
    expect(isStale(c.session, endedLongAgo)).toBe(false);
    expect(c.refuse({ type: 'start', minutes: 45 }, endedLongAgo)).toMatch(/already started/);
    expect(isStale(c.session, endedLongAgo + 1)).toBe(true);
    c.do({ type: 'start', minutes: 45 }, endedLongAgo + 1);
    expect(c.session).toMatchObject({ current: 0, meetingMinutes: 45, startedAt: endedLongAgo + 1 });
    expect(c.session.spentMs.every((ms) => ms === 0)).toBe(true);
  });
});

describe('choosing the conversation', () => {
  it('starts a Closing conversation with its own agenda, and a linked preparation', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 60, template: 'closing', preparationId: 'prep-0001' }, T0);
    expect(c.session.templateId).toBe('closing');
    expect(c.session.agenda.map((step) => step.id)).toContain('progress');
    expect(c.session.preparationId).toBe('prep-0001');
    expect(c.session.budgetMs).toEqual(c.session.agenda.map((step) => step.minutes * MIN));
  });

  it('starts a Kickoff when no conversation is named (panels of version 0.1)', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(c.session).toMatchObject({ templateId: 'kickoff', preparationId: null, parked: [], notes: {}, nextStepsText: null });
  });
});

describe('capture, parking and notes', () => {
  it('captures text only in a conversation that asks for it, within the limit', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30, template: 'closing' }, T0);
    c.do({ type: 'capture', field: 'goals', text: 'Delegating more' }, T0);
    expect(c.session.capture.goals).toBe('Delegating more');
    expect(c.refuse({ type: 'capture', field: 'secondConversation', text: 'May' }, T0)).toMatch(/does not capture/);
  });

  it('sets and clears the cadence', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'cadence', cadence: { frequency: 'monthly', custom: '', where: 'check-in' } }, T0);
    expect(c.session.capture.cadence).toEqual({ frequency: 'monthly', custom: '', where: 'check-in' });
    c.do({ type: 'cadence', cadence: null }, T0);
    expect(c.session.capture.cadence).toBeNull();
  });

  it('parks topics under the command id, trims them, refuses empty ones and a full lot, and removes them', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'park', text: '  Team budget  ' }, T0, 'park-topic-1');
    expect(c.session.parked).toEqual([{ id: 'park-topic-1', text: 'Team budget' }]);
    expect(c.refuse({ type: 'park', text: '   ' }, T0)).toMatch(/Type the topic/);
    for (let i = 1; i < 30; i++) c.do({ type: 'park', text: `Topic ${i}` }, T0);
    expect(c.refuse({ type: 'park', text: 'One more' }, T0)).toMatch(/holds 30/);
    c.do({ type: 'unpark', topicId: 'park-topic-1' }, T0);
    expect(c.session.parked).toHaveLength(29);
    expect(c.refuse({ type: 'unpark', topicId: 'park-topic-1' }, T0)).toMatch(/no longer parked/);
  });

  it('keeps a private note per step, and only for steps of this agenda', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'note', stepId: 'welcome', text: 'Manager seemed rushed' }, T0);
    c.do({ type: 'next' }, T0 + MIN);
    c.do({ type: 'note', stepId: 'context', text: 'ok' }, T0 + MIN);
    expect(c.session.notes).toEqual({ welcome: 'Manager seemed rushed', context: 'ok' });
    expect(c.refuse({ type: 'note', stepId: 'progress', text: 'x' }, T0)).toMatch(/no such step/);
  });

  it('keeps the coach’s own next-steps text until they rebuild it', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    c.do({ type: 'next-steps', text: 'My words' }, T0);
    expect(c.session.nextStepsText).toBe('My words');
    c.do({ type: 'next-steps', text: null }, T0);
    expect(c.session.nextStepsText).toBeNull();
  });

  it('caps added minutes at half an hour per step', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    for (let i = 0; i < 30; i++) c.do({ type: 'add-minute' }, T0);
    expect(c.session.budgetMs[0]).toBe(32 * MIN);
    expect(c.refuse({ type: 'add-minute' }, T0)).toMatch(/all the extra time/);
  });
});
