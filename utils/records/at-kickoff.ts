/**
 * Kickoff into Closing: what was agreed at the start of the engagement, at hand when it closes.
 * The engagement is the preparation both conversations link to; names are never matched, since
 * two coachees can share one and a coach may label a preparation anything.
 */
import { describeCadence, type Cadence } from '../session/capture';
import { conversationKindOf, type Session } from '../session/session';

export interface KickoffRecap {
  key: string;
  startedAt: number;
  goals: string;
  support: string;
  cadence: Cadence | null;
  /** The cadence in words, empty when none was agreed. */
  cadenceText: string;
}

type Conversation = Pick<Session, 'key' | 'templateId' | 'template' | 'preparationId' | 'startedAt' | 'capture'>;

/** The most recent Kickoff on the Closing's preparation that started before it; null if none. */
export function kickoffRecap(closing: Conversation, conversations: readonly Conversation[]): KickoffRecap | null {
  if (conversationKindOf(closing) !== 'closing' || closing.preparationId === null) return null;
  let latest: Conversation | null = null;
  for (const candidate of conversations) {
    if (conversationKindOf(candidate) !== 'kickoff' || candidate.preparationId !== closing.preparationId) continue;
    if (candidate.startedAt >= closing.startedAt) continue;
    if (!latest || candidate.startedAt > latest.startedAt) latest = candidate;
  }
  if (!latest) return null;
  const { goals, support, cadence } = latest.capture;
  return { key: latest.key, startedAt: latest.startedAt, goals, support, cadence, cadenceText: describeCadence(cadence) };
}
