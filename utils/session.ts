/**
 * The session reducer: the one place where a command changes a conversation. The background
 * applies it inside a database transaction; tests apply it to whole conversations. Pure: the
 * time comes in as an argument.
 */
import { kickoffAgenda, type AgendaStep, type MeetingLength } from './agenda';

export type TemplateId = 'kickoff';

export interface Session {
  /** `platform:meetingId`, see meeting-identity.ts. */
  key: string;
  templateId: TemplateId;
  meetingMinutes: MeetingLength;
  agenda: AgendaStep[];
  startedAt: number;
  /** Index of the current step. */
  current: number;
  /** Time already spent in each step, excluding the current visit's running stretch. */
  spentMs: number[];
  /** When the current stretch of the current step began; null while paused. */
  runningSince: number | null;
  /** Goes up by one with every applied command; panels drop snapshots older than what they show. */
  revision: number;
  /** Ids of the latest applied commands, so that a retried command is acknowledged, not re-applied. */
  applied: string[];
  updatedAt: number;
}

export type Command =
  | { type: 'start'; minutes: MeetingLength }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'jump'; index: number }
  | { type: 'pause' }
  | { type: 'resume' };

export type CommandType = Command['type'];

export type ApplyResult =
  | { ok: true; session: Session; duplicate: boolean }
  | { ok: false; reason: string };

/** Enough to cover every command a panel could still be retrying after a reconnect. */
export const APPLIED_MEMORY = 100;

/**
 * Coaches reuse recurring meeting links. A session whose meeting ended this long ago is a past
 * conversation: opening the link again offers a fresh start instead of resuming it.
 */
export const STALE_AFTER_END_MS = 12 * 60 * 60 * 1000;

export function isStale(session: Session, now: number): boolean {
  return now - session.startedAt > session.meetingMinutes * 60_000 + STALE_AFTER_END_MS;
}

export function applyCommand(
  session: Session | undefined,
  key: string,
  commandId: string,
  command: Command,
  now: number,
): ApplyResult {
  if (session?.applied.includes(commandId)) return { ok: true, session, duplicate: true };
  const next = reduce(session, key, command, now);
  if (typeof next === 'string') return { ok: false, reason: next };
  return {
    ok: true,
    duplicate: false,
    session: {
      ...next,
      revision: (session?.revision ?? 0) + 1,
      applied: [...(session?.applied ?? []), commandId].slice(-APPLIED_MEMORY),
      updatedAt: now,
    },
  };
}

/** Returns the changed session, or why the command does not apply. */
function reduce(session: Session | undefined, key: string, command: Command, now: number): Session | string {
  if (command.type === 'start') {
    // A second tab pressing Start on a running meeting must not reset it.
    if (session && !isStale(session, now)) return 'This conversation has already started.';
    return startSession(key, command.minutes, now);
  }
  if (!session) return 'Start the conversation first.';
  switch (command.type) {
    case 'next':
      return session.current < session.agenda.length - 1
        ? moveTo(session, session.current + 1, now)
        : 'This is the last step.';
    case 'previous':
      return session.current > 0 ? moveTo(session, session.current - 1, now) : 'This is the first step.';
    case 'jump':
      if (!Number.isInteger(command.index) || command.index < 0 || command.index >= session.agenda.length) {
        return 'There is no such step.';
      }
      return command.index === session.current ? 'This step is already current.' : moveTo(session, command.index, now);
    case 'pause':
      return session.runningSince === null ? 'The timer is already paused.' : { ...bank(session, now), runningSince: null };
    case 'resume':
      return session.runningSince === null ? { ...session, runningSince: now } : 'The timer is already running.';
  }
}

function startSession(key: string, minutes: MeetingLength, now: number): Session {
  const agenda = kickoffAgenda(minutes);
  return {
    key,
    templateId: 'kickoff',
    meetingMinutes: minutes,
    agenda,
    startedAt: now,
    current: 0,
    spentMs: agenda.map(() => 0),
    runningSince: now,
    revision: 0,
    applied: [],
    updatedAt: now,
  };
}

/** Adds the running stretch of the current step to its spent time. */
function bank(session: Session, now: number): Session {
  if (session.runningSince === null) return session;
  const spentMs = [...session.spentMs];
  spentMs[session.current] = (spentMs[session.current] ?? 0) + Math.max(0, now - session.runningSince);
  return { ...session, spentMs, runningSince: now };
}

/** Moving keeps a paused timer paused: the coach pressed Pause for a reason. */
function moveTo(session: Session, index: number, now: number): Session {
  const banked = bank(session, now);
  return { ...banked, current: index, runningSince: session.runningSince === null ? null : now };
}
