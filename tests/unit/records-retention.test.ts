import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationId } from '../../utils/records/conversation';
import {
  RETENTION_PASS_EVERY_MS,
  retentionPassDue,
  DEFAULT_RETENTION,
  RETENTION_LABEL,
  RETENTION_PERIODS,
  isRetentionPeriod,
  planRetention,
  preparationLastChange,
  retentionMs,
  type RetentionPeriod,
} from '../../utils/records/retention';
import { T0 } from './conversation';
import { DAY, preparation } from './records-fixtures';

const at = (key: string, updatedAt: number, preparationId: string | null = null) => ({ key, startedAt: updatedAt - 3_600_000, updatedAt, preparationId });

describe('the retention settings', () => {
  it('are Forever, 30, 90, 180 days and 1 year, 1 year by default', () => {
    expect(RETENTION_PERIODS.map((p) => RETENTION_LABEL[p])).toEqual(['Forever', '30 days', '90 days', '180 days', '1 year']);
    expect(DEFAULT_RETENTION).toBe('1y');
    expect(retentionMs('forever')).toBeNull();
    expect(retentionMs('30d')).toBe(30 * DAY);
    expect(retentionMs('1y')).toBe(365 * DAY);
    expect(isRetentionPeriod('90d')).toBe(true);
    expect(isRetentionPeriod('2y')).toBe(false);
  });
});

describe('what retention deletes', () => {
  it('keeps a record exactly one period old and deletes it a millisecond later', () => {
    const now = T0;
    const records = [at('zoom:111111111', now - 30 * DAY), at('zoom:222222222', now - 30 * DAY - 1), at('zoom:333333333', now)];
    const plan = planRetention('30d', records, [], now);
    expect(plan.conversations).toEqual([conversationId(records[1]!)]);
    // The boundary record is the next due, one millisecond from now.
    expect(plan.nextDueAt).toBe(now + 1);
  });

  it('deletes nothing, and has nothing due, when kept forever', () => {
    expect(planRetention('forever', [at('zoom:111111111', 0)], [preparation('prep-old-0001', 'Old', { updatedAt: 0 })], T0)).toEqual({
      conversations: [],
      preparationIds: [],
      nextDueAt: null,
    });
  });

  it('has nothing due when nothing is stored', () => {
    expect(planRetention('1y', [], [], T0).nextDueAt).toBeNull();
  });

  it('keeps a preparation in use by a recent conversation, and deletes an unused old one', () => {
    const used = preparation('prep-used-001', 'Sam', { updatedAt: T0 - 400 * DAY });
    const unused = preparation('prep-idle-001', 'Kim', { updatedAt: T0 - 400 * DAY });
    const closing = at('meet:abc-defg-hij', T0 - 10 * DAY, used.id);
    expect(preparationLastChange(used, [closing])).toBe(T0 - 10 * DAY);
    const plan = planRetention('1y', [closing], [used, unused], T0);
    expect(plan.preparationIds).toEqual([unused.id]);
    expect(plan.nextDueAt).toBe(T0 - 10 * DAY + 365 * DAY + 1);
  });
});

describe('retention across a clock change', () => {
  let zone: string | undefined;
  beforeAll(() => {
    zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('counts 30 days as 30 × 24 hours over the spring and autumn changes, whatever the wall clock says', () => {
    // Changed at 10:00 on 15 March; clocks go forward on 29 March 2026.
    const changed = new Date(2026, 2, 15, 10, 0).getTime();
    const due = planRetention('30d', [at('zoom:111111111', changed)], [], changed).nextDueAt!;
    expect(due - changed).toBe(30 * DAY + 1);
    // On the wall clock that is 11:00 on 14 April: an hour later, as the clocks moved.
    expect(new Date(due).getHours()).toBe(11);
    expect(new Date(due).getDate()).toBe(14);
    expect(planRetention('30d', [at('zoom:111111111', changed)], [], new Date(2026, 3, 14, 10, 30).getTime()).conversations).toEqual([]);
    expect(planRetention('30d', [at('zoom:111111111', changed)], [], new Date(2026, 3, 14, 11, 1).getTime()).conversations).toHaveLength(1);

    // Autumn: clocks go back on 25 October 2026.
    const autumn = new Date(2026, 9, 10, 10, 0).getTime();
    const autumnDue = planRetention('30d', [at('zoom:111111111', autumn)], [], autumn).nextDueAt!;
    expect(autumnDue - autumn).toBe(30 * DAY + 1);
    expect(new Date(autumnDue).getHours()).toBe(9);
  });
});

describe('retention over generated records', () => {
  const period = fc.constantFrom<RetentionPeriod>(...RETENTION_PERIODS);
  const records = fc.array(fc.integer({ min: -800, max: 0 }).chain((day) => fc.integer({ min: -DAY, max: DAY }).map((ms) => T0 + day * DAY + ms)), {
    maxLength: 20,
  });

  it('deletes exactly the records strictly older than the period, and names the first still to go', () => {
    fc.assert(
      fc.property(period, records, records, fc.integer({ min: 0, max: 400 * DAY }), (keepFor, conversationTimes, prepTimes, later) => {
        const now = T0 + later;
        const conversations = conversationTimes.map((t, i) => at(`zoom:${100000000 + i}`, t));
        const preparations = prepTimes.map((t, i) => preparation(`prep-gen-${String(i).padStart(4, '0')}`, '', { updatedAt: t }));
        const plan = planRetention(keepFor, conversations, preparations, now);
        const limit = retentionMs(keepFor);
        const old = (t: number) => limit !== null && now - t > limit;
        expect(plan.conversations).toEqual(conversations.filter((c) => old(c.updatedAt)).map(conversationId));
        expect(plan.preparationIds).toEqual(preparations.filter((p) => old(p.updatedAt)).map((p) => p.id));
        const kept = [...conversationTimes, ...prepTimes].filter((t) => !old(t));
        expect(plan.nextDueAt).toBe(limit === null || kept.length === 0 ? null : Math.min(...kept) + limit + 1);
        if (plan.nextDueAt !== null) {
          expect(plan.nextDueAt).toBeGreaterThan(now);
          const keptConversations = conversations.filter((c) => !old(c.updatedAt));
          const keptPreps = preparations.filter((p) => !old(p.updatedAt));
          // Just before it is due nothing more goes; when due, something does.
          const before = planRetention(keepFor, keptConversations, keptPreps, plan.nextDueAt - 1);
          expect(before.conversations.length + before.preparationIds.length).toBe(0);
          const due = planRetention(keepFor, keptConversations, keptPreps, plan.nextDueAt);
          expect(due.conversations.length + due.preparationIds.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('how often a panel opening runs retention', () => {
  it('runs the first time, then at most every quarter of an hour, and at once after the clock went back', () => {
    expect(retentionPassDue(null, T0)).toBe(true);
    expect(retentionPassDue(T0, T0 + 1)).toBe(false);
    expect(retentionPassDue(T0, T0 + RETENTION_PASS_EVERY_MS - 1)).toBe(false);
    expect(retentionPassDue(T0, T0 + RETENTION_PASS_EVERY_MS)).toBe(true);
    expect(retentionPassDue(T0, T0 - 1)).toBe(true);
  });
});
