/**
 * One conversation as a record, after the call: how it is named, which meeting it was on, and
 * how long it and each step took. A meeting link can hold many conversations over months, so a
 * conversation is identified by its meeting and its start, never by the meeting alone.
 */
import { isSessionKey, type Platform } from '../meeting/meeting-identity';
import { sessionTemplate, type Session } from '../session/session';

export interface ConversationRef {
  key: string;
  startedAt: number;
}

// `/` cannot occur in a session key (see meeting-identity.ts), so the last one splits the id.
export function conversationId(conversation: ConversationRef): string {
  return `${conversation.key}/${conversation.startedAt}`;
}

export function parseConversationId(id: string): ConversationRef | null {
  const slash = id.lastIndexOf('/');
  const key = id.slice(0, slash);
  const startedAt = Number(id.slice(slash + 1));
  if (slash < 0 || !isSessionKey(key) || !/^\d+$/.test(id.slice(slash + 1)) || !Number.isSafeInteger(startedAt)) return null;
  return { key, startedAt };
}

export const PLATFORM_LABEL: Record<Platform, string> = {
  meet: 'Google Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
  practice: 'Practice',
  desk: 'Outside the browser',
};

export function platformOf(key: string): Platform {
  return key.slice(0, key.indexOf(':')) as Platform;
}

/** `Kickoff`, `Closing`, or the name of the coach's template it started from. */
export function conversationName(conversation: Pick<Session, 'templateId' | 'template'>): string {
  return sessionTemplate(conversation).name;
}

/**
 * The last moment the record speaks for: its end, or for a conversation nobody finished, its
 * last change. A clock left running on an abandoned call would otherwise grow for ever.
 */
export function lastKnownAt(conversation: Pick<Session, 'endedAt' | 'updatedAt'>): number {
  return conversation.endedAt ?? conversation.updatedAt;
}

/** Wall time from the start to the end (pauses included: the call went on). */
export function actualMs(conversation: Pick<Session, 'startedAt' | 'endedAt' | 'updatedAt'>): number {
  return Math.max(0, lastKnownAt(conversation) - conversation.startedAt);
}

/** The time each step took, the current step's running stretch counted up to `lastKnownAt`. */
export function timeTakenPerStep(conversation: Pick<Session, 'spentMs' | 'current' | 'runningSince' | 'endedAt' | 'updatedAt'>): number[] {
  const taken = [...conversation.spentMs];
  if (conversation.runningSince !== null) {
    const running = Math.max(0, lastKnownAt(conversation) - conversation.runningSince);
    taken[conversation.current] = (taken[conversation.current] ?? 0) + running;
  }
  return taken;
}

export const toMinutes = (ms: number) => Math.round(ms / 60_000);

/** `YYYY-MM-DD` in the coach's own time zone, for file names. */
export function localDateStamp(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
