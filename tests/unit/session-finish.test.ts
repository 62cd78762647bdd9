import { describe, expect, it } from 'vitest';
import { meetingRemaining, stepElapsed } from '../../utils/agenda/clock';
import { STALE_AFTER_END_MS, applyCommand, canStartAfresh, isFinished, isStale } from '../../utils/session/session';
import { sessionProblem } from '../../utils/session/stored-records';
import { MIN, T0, conversation, deepFreeze } from './conversation';

function finishedKickoff() {
  const c = conversation();
  c.do({ type: 'start', minutes: 30 }, T0);
  c.do({ type: 'next' }, T0 + 3 * MIN);
  c.do({ type: 'capture', field: 'goals', text: 'Delegate more' }, T0 + 4 * MIN);
  c.do({ type: 'park', text: 'Team budget' }, T0 + 5 * MIN, 'park-topic-1');
  c.do({ type: 'jump', index: 6 }, T0 + 10 * MIN);
  c.do({ type: 'finish' }, T0 + 31 * MIN, 'finish-1');
  return c;
}

describe('finishing a conversation', () => {
  it('stops both clocks, records when it ended and the final time of every step', () => {
    const c = finishedKickoff();
    expect(c.session).toMatchObject({ endedAt: T0 + 31 * MIN, runningSince: null, current: 6 });
    expect(c.session.spentMs).toEqual([3 * MIN, 7 * MIN, 0, 0, 0, 0, 21 * MIN]);
    expect(isFinished(c.session)).toBe(true);
    // Nothing moves afterwards: the step clock is frozen at what the step took.
    expect(stepElapsed(c.session, T0 + 90 * MIN)).toBe(21 * MIN);
    expect(c.session.spentMs.reduce((a, b) => a + b, 0)).toBe(31 * MIN);
  });

  it('banks nothing more while paused, and still ends at the moment of the click', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 45 }, T0);
    c.do({ type: 'pause' }, T0 + MIN);
    c.do({ type: 'finish' }, T0 + 20 * MIN);
    expect(c.session.spentMs[0]).toBe(MIN);
    expect(c.session.endedAt).toBe(T0 + 20 * MIN);
  });

  it('is applied once: a retry of the same command id is acknowledged as a duplicate', () => {
    const c = finishedKickoff();
    deepFreeze(c.session);
    const retry = applyCommand(c.session, c.session.key, 'finish-1', { type: 'finish' }, T0 + 40 * MIN);
    expect(retry).toEqual({ ok: true, duplicate: true, session: c.session });
    expect(c.session.endedAt).toBe(T0 + 31 * MIN);
  });

  it('refuses a second Finish from another tab, and needs a started conversation', () => {
    const c = finishedKickoff();
    expect(c.refuse({ type: 'finish' }, T0 + 32 * MIN)).toMatch(/already finished/);
    expect(conversation().refuse({ type: 'finish' }, T0)).toMatch(/Start/);
  });

  it('refuses the clock and what was agreed in the room once finished', () => {
    const c = finishedKickoff();
    const refused = [
      { type: 'next' },
      { type: 'previous' },
      { type: 'jump', index: 0 },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'add-minute' },
      { type: 'capture', field: 'goals', text: 'Other' },
      { type: 'cadence', cadence: null },
      { type: 'park', text: 'More' },
      { type: 'unpark', topicId: 'park-topic-1' },
    ] as const;
    for (const command of refused) expect(c.refuse(command, T0 + 40 * MIN)).toMatch(/finished/);
  });

  it('keeps the next steps and the private notes editable', () => {
    const c = finishedKickoff();
    c.do({ type: 'next-steps', text: 'As sent' }, T0 + 35 * MIN);
    c.do({ type: 'note', stepId: 'welcome', text: 'Debrief with the coachee' }, T0 + 36 * MIN);
    expect(c.session).toMatchObject({ nextStepsText: 'As sent', notes: { welcome: 'Debrief with the coachee' }, endedAt: T0 + 31 * MIN });
    expect(c.session.spentMs[6]).toBe(21 * MIN);
  });

  it('lets Start begin a new conversation at once, carrying the applied ids for retries', () => {
    const c = finishedKickoff();
    expect(isStale(c.session, T0 + 32 * MIN)).toBe(false);
    expect(canStartAfresh(c.session, T0 + 32 * MIN)).toBe(true);
    const revision = c.session.revision;
    c.do({ type: 'start', minutes: 60, template: 'closing' }, T0 + 32 * MIN, 'start-2');
    expect(c.session).toMatchObject({ templateId: 'closing', startedAt: T0 + 32 * MIN, endedAt: null, current: 0, parked: [], revision: revision + 1 });
    expect(c.session.applied).toContain('finish-1');
    expect(applyCommand(c.session, c.session.key, 'finish-1', { type: 'finish' }, T0 + 33 * MIN)).toMatchObject({ duplicate: true });
  });

  it('keeps the 12-hour rule for a conversation nobody finished', () => {
    const c = conversation();
    c.do({ type: 'start', minutes: 30 }, T0);
    expect(canStartAfresh(c.session, T0 + 30 * MIN + STALE_AFTER_END_MS)).toBe(false);
    expect(c.refuse({ type: 'start', minutes: 30 }, T0 + 30 * MIN + STALE_AFTER_END_MS)).toMatch(/already started/);
    expect(canStartAfresh(c.session, T0 + 30 * MIN + STALE_AFTER_END_MS + 1)).toBe(true);
    expect(canStartAfresh(undefined, T0)).toBe(true);
  });

  it('leaves the meeting clock readable: the scheduled end does not move', () => {
    const c = finishedKickoff();
    expect(meetingRemaining(c.session, T0 + 31 * MIN)).toBe(-MIN);
  });
});

describe('a stored finished conversation', () => {
  it('passes the stored-record checks, and one with a damaged or missing end says which', () => {
    const { session } = finishedKickoff();
    expect(sessionProblem(session)).toBeNull();
    expect(sessionProblem({ ...session, endedAt: 'yesterday' })).toBe('its end time is damaged');
    const { endedAt: _, ...withoutEnd } = session;
    expect(sessionProblem(withoutEnd)).toBe('its end time is damaged');
    expect(sessionProblem({ ...session, capture: { ...session.capture, cadence: { frequency: 'yearly', custom: '', where: 'check-in' } } })).toBe(
      'what it captured is damaged',
    );
    expect(sessionProblem([session])).toBe('it is not a record');
  });
});
