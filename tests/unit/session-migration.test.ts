import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionDb } from '../../entrypoints/background/session-db';
import { createSessionStore } from '../../entrypoints/background/session-store';
import { plan } from '../../utils/agenda/pacing';
import { sessionFromV1, type SessionV1 } from '../../utils/session/session-migration';
import { MIN, T0 } from './conversation';

/** A session exactly as version 0.1 stored it, mid-conversation on the goals step. */
function v1Session(key = 'meet:abc-defg-hij', startedAt = T0): SessionV1 {
  const steps: [string, string, 'coach' | 'coachee' | 'manager', number][] = [
    ['welcome', 'Welcome and introductions', 'coach', 2],
    ['context', 'Set the context', 'coach', 3],
    ['manager-why', 'Why the manager backed coaching', 'manager', 4],
    ['coachee-goals', 'Coachee’s goals and 360 themes', 'coachee', 7],
    ['manager-input', 'Manager’s feedback and ideas', 'manager', 7],
    ['cadence', 'Ongoing feedback', 'coach', 4],
    ['wrap-up', 'Wrap up and next steps', 'coach', 3],
  ];
  return {
    key,
    templateId: 'kickoff',
    meetingMinutes: 30,
    agenda: steps.map(([id, title, lead, minutes]) => ({ id, title, lead, points: [`${title} point`], minutes })),
    startedAt,
    current: 3,
    spentMs: [2 * MIN, 3 * MIN, 4 * MIN, 60_000, 0, 0, 0],
    runningSince: startedAt + 9 * MIN,
    revision: 4,
    applied: ['c1-aaaaaaaa', 'c2-aaaaaaaa', 'c3-aaaaaaaa', 'c4-aaaaaaaa'],
    updatedAt: startedAt + 9 * MIN,
  };
}

describe('a version 1 session brought to the current shape', () => {
  it('keeps what the coach saw and the clock, and gains prompts, guardrails, capture and pacing', () => {
    const old = v1Session();
    const session = sessionFromV1(old);
    expect(session).toMatchObject({
      key: old.key,
      current: 3,
      spentMs: old.spentMs,
      runningSince: old.runningSince,
      revision: 4,
      applied: old.applied,
      parked: [],
      notes: {},
      nextStepsText: null,
      preparationId: null,
      capture: { goals: '', support: '', secondConversation: '', cadence: null },
    });
    expect(session.agenda.map((step) => step.points)).toEqual(old.agenda.map((step) => step.points));
    expect(session.agenda[3]!.prompt).toMatch(/goals/);
    expect(session.agenda[3]!.capture).toEqual(['goals']);
    expect(session.agenda[1]!.objectives).toBe(true);
    expect(session.budgetMs).toEqual([2, 3, 4, 7, 7, 4, 3].map((m) => m * MIN));
    // The plan works on it straight away.
    expect(plan(session, T0 + 10 * MIN).budgetsMs).toHaveLength(7);
  });
});

describe('the database opened by this version over one written by version 0.1', () => {
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await Dexie.delete(name);
  });

  it('upgrades every session and archived session in place, keeping the data', async () => {
    const name = `migration-test-${Date.now()}`;
    names.push(name);
    // Written by the schema of version 0.1, exactly as it declared itself.
    const old = new Dexie(name);
    old.version(1).stores({ sessions: 'key, updatedAt', archive: '[key+startedAt], updatedAt' });
    await old.table('sessions').bulkPut([v1Session('meet:abc-defg-hij'), v1Session('zoom:123456789')]);
    await old.table('archive').put(v1Session('meet:abc-defg-hij', T0 - 7 * 24 * 60 * MIN));
    old.close();

    const db = new SessionDb(name);
    const store = createSessionStore(db);
    const session = (await store.get('meet:abc-defg-hij')).session;
    expect(session).toMatchObject({ current: 3, revision: 4, parked: [], budgetMs: expect.any(Array) });
    expect(await db.sessions.count()).toBe(2);
    expect((await db.archive.toArray())[0]).toMatchObject({ startedAt: T0 - 7 * 24 * 60 * MIN, notes: {} });
    // And it goes on working: the next command applies to the upgraded session.
    const result = await store.apply('meet:abc-defg-hij', 'c5-aaaaaaaa', { type: 'next' }, T0 + 12 * MIN);
    expect(result).toMatchObject({ ok: true, session: { current: 4, revision: 5 } });
    // A retried command from before the upgrade is still recognised.
    expect(await store.apply('meet:abc-defg-hij', 'c4-aaaaaaaa', { type: 'next' }, T0 + 12 * MIN)).toMatchObject({ ok: true, duplicate: true });
    expect(await store.library()).toEqual({ preparations: [], preferences: { hideNotes: false, chime: false, format: 'plain', panelPosition: 'right', compactDock: false }, templates: [] });
    db.close();
  });
});
