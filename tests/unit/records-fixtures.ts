/** Conversations for the records tests, made by the reducer the way a coach's clicks make them. */
import type { TemplateId } from '../../utils/agenda/agenda';
import type { Cadence } from '../../utils/session/capture';
import type { Preparation } from '../../utils/session/preparation';
import type { Session } from '../../utils/session/session';
import { MIN, T0, conversation } from './conversation';

export const DAY = 24 * 60 * MIN;

export interface Recorded {
  key?: string;
  template?: TemplateId;
  startedAt?: number;
  prepId?: string | null;
  goals?: string;
  support?: string;
  cadence?: Cadence | null;
  parked?: string[];
  /** Private notes by step id. */
  notes?: Record<string, string>;
  nextSteps?: string | null;
  /** Minutes in each step before moving on; the last entry is the step it finishes (or stays) in. */
  stepMinutes?: number[];
  finished?: boolean;
}

export function recorded(options: Recorded = {}): Session {
  const startedAt = options.startedAt ?? T0;
  const c = conversation(options.key ?? 'meet:abc-defg-hij');
  c.do({ type: 'start', minutes: 30, template: options.template ?? 'kickoff', preparationId: options.prepId ?? null }, startedAt);
  let at = startedAt;
  if (options.goals) c.do({ type: 'capture', field: 'goals', text: options.goals }, at);
  if (options.support) c.do({ type: 'capture', field: 'support', text: options.support }, at);
  if (options.cadence) c.do({ type: 'cadence', cadence: options.cadence }, at);
  for (const text of options.parked ?? []) c.do({ type: 'park', text }, at);
  for (const [stepId, text] of Object.entries(options.notes ?? {})) c.do({ type: 'note', stepId, text }, at);
  const minutes = options.stepMinutes ?? [2, 3, 4, 7, 7, 4, 3];
  minutes.forEach((spent, i) => {
    at += spent * MIN;
    if (i < minutes.length - 1) c.do({ type: 'next' }, at);
  });
  if (options.nextSteps !== undefined) c.do({ type: 'next-steps', text: options.nextSteps }, at);
  if (options.finished ?? true) c.do({ type: 'finish' }, at);
  return c.session;
}

export function preparation(id: string, label: string, overrides: Partial<Preparation> = {}): Preparation {
  return { id, label, checked: [], outcome: '', notes: '', createdAt: T0 - 7 * DAY, updatedAt: T0 - 7 * DAY, ...overrides };
}
