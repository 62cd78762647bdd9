/**
 * How long records are kept. Ages are measured in epoch milliseconds, so a daylight-saving
 * change or a trip across time zones neither shortens nor stretches a period: 30 days is
 * 30 × 24 hours from the last change.
 */
import type { Preparation } from '../session/preparation';
import type { Session } from '../session/session';
import { conversationId } from './conversation';

export const RETENTION_PERIODS = ['forever', '30d', '90d', '180d', '1y'] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];
export const DEFAULT_RETENTION: RetentionPeriod = '1y';

export const RETENTION_LABEL: Record<RetentionPeriod, string> = {
  forever: 'Forever',
  '30d': '30 days',
  '90d': '90 days',
  '180d': '180 days',
  '1y': '1 year',
};

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_DAYS: Record<Exclude<RetentionPeriod, 'forever'>, number> = { '30d': 30, '90d': 90, '180d': 180, '1y': 365 };

export function isRetentionPeriod(value: unknown): value is RetentionPeriod {
  return RETENTION_PERIODS.includes(value as RetentionPeriod);
}

/** The period in milliseconds; null for Forever. */
export function retentionMs(period: RetentionPeriod): number | null {
  return period === 'forever' ? null : PERIOD_DAYS[period] * DAY_MS;
}

type Conversation = Pick<Session, 'key' | 'startedAt' | 'updatedAt' | 'preparationId'>;

/**
 * Retention counts in days, so a pass a quarter of an hour after the last one finds nothing new;
 * skipping it spares a read-write pass over every record each time a panel opens.
 */
export const RETENTION_PASS_EVERY_MS = 15 * 60_000;

/** Whether a pass is due; a clock set back makes one due at once rather than never. */
export function retentionPassDue(lastPassAt: number | null, now: number): boolean {
  return lastPassAt === null || now < lastPassAt || now - lastPassAt >= RETENTION_PASS_EVERY_MS;
}

export interface RetentionPlan {
  /** Conversation ids (see conversationId) past the period. */
  conversations: string[];
  preparationIds: string[];
  /** When the next record of those kept passes the period; null when nothing ever will. */
  nextDueAt: number | null;
}

/**
 * A preparation in use is not old: its last change is its own or that of the latest
 * conversation linked to it, so a Closing months after the preparation keeps its coachee's label.
 */
export function preparationLastChange(prep: Preparation, conversations: readonly Conversation[]): number {
  return conversations.reduce((latest, c) => (c.preparationId === prep.id ? Math.max(latest, c.updatedAt) : latest), prep.updatedAt);
}

/** Records exactly one period old are kept; a millisecond more and they are due. */
export function planRetention(
  period: RetentionPeriod,
  conversations: readonly Conversation[],
  preparations: readonly Preparation[],
  now: number,
): RetentionPlan {
  const keepFor = retentionMs(period);
  if (keepFor === null) return { conversations: [], preparationIds: [], nextDueAt: null };
  const expired = (lastChange: number) => now - lastChange > keepFor;
  const plan: RetentionPlan = { conversations: [], preparationIds: [], nextDueAt: null };
  const keep = (lastChange: number) => {
    const due = lastChange + keepFor + 1;
    plan.nextDueAt = plan.nextDueAt === null ? due : Math.min(plan.nextDueAt, due);
  };
  for (const conversation of conversations) {
    if (expired(conversation.updatedAt)) plan.conversations.push(conversationId(conversation));
    else keep(conversation.updatedAt);
  }
  for (const prep of preparations) {
    const lastChange = preparationLastChange(prep, conversations);
    if (expired(lastChange)) plan.preparationIds.push(prep.id);
    else keep(lastChange);
  }
  return plan;
}
