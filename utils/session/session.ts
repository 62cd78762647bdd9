/**
 * The session reducer: the one place where a command changes a conversation. The background
 * applies it inside a database transaction; tests apply it to whole conversations. Pure: the
 * time comes in as an argument.
 */
import { GUARDRAILS, TEMPLATES, buildAgenda, isTemplateId, type AgendaStep, type CaptureField, type MeetingLength, type TemplateId } from '../agenda/agenda';
import { templateToAgenda } from '../templates/allot';
import type { Template } from '../templates/schema';
import { EMPTY_CAPTURE, type Cadence, type Capture, type TextCaptureField } from './capture';
import { LIMITS } from './limits';
import { MINUTE_MS, budgetOnEntry, plannedMs } from '../agenda/pacing';

export interface ParkedTopic {
  id: string;
  text: string;
}

/** Which template a conversation started from, copied at the start: later edits or deletion never reach it. */
export interface SessionTemplate {
  id: string;
  name: string;
  version: number;
  /** For wording and linking: a built-in's own, or as a coach's template says (see TemplateKind). */
  kind: TemplateId | 'other';
  /** The meeting-wide guardrails shown through the whole conversation. */
  guardrails: string[];
}

/** The copy a session keeps; sessions stored before issue 12 have none and read as the built-in they used. */
export function sessionTemplate(session: Pick<Session, 'templateId' | 'template'>): SessionTemplate {
  if (session.template) return session.template;
  const builtIn = TEMPLATES[session.templateId] ?? TEMPLATES.kickoff;
  return { id: builtIn.id, name: builtIn.name, version: 1, kind: builtIn.id, guardrails: [...GUARDRAILS] };
}

/**
 * Which template a conversation started from: `Team check-in, version 3` for a coach's, whose
 * saves count; `Kickoff (built in)` for a built-in, which changes only with the extension.
 */
export function templateLine(session: Pick<Session, 'templateId' | 'template'>): string {
  const { id, name, version } = sessionTemplate(session);
  return isTemplateId(id) ? `${name} (built in)` : `${name}, version ${version}`;
}

export type ConversationKind = SessionTemplate['kind'];

/** What wording and matching follow: the built-in a conversation started from, or 'other' for a coach's template. */
export function conversationKindOf(session: Pick<Session, 'templateId' | 'template'>): ConversationKind {
  return session.template?.kind ?? session.templateId;
}

export interface Session {
  /** `platform:meetingId`, see meeting-identity.ts. */
  key: string;
  /** The built-in, or for a coach's template the built-in whose wording it follows (kickoff); see `template`. */
  templateId: TemplateId;
  /** The template copy; absent on sessions stored before issue 12 (read them with sessionTemplate). */
  template?: SessionTemplate;
  meetingMinutes: MeetingLength;
  agenda: AgendaStep[];
  startedAt: number;
  /** Index of the current step. */
  current: number;
  /** Time already spent in each step, excluding the current visit's running stretch. */
  spentMs: number[];
  /** When the current stretch of the current step began; null while paused. */
  runningSince: number | null;
  /** Each step's budget as set when it last became current, plus any added minutes; see pacing.ts. */
  budgetMs: number[];
  /** What was agreed to be shared; the only source of the next-steps message. */
  capture: Capture;
  parked: ParkedTopic[];
  /** The coach's private notes by step id. Never shared, never in the next steps. */
  notes: Record<string, string>;
  /** The coach's own wording of the next steps; null while the message follows the capture. */
  nextStepsText: string | null;
  /** The preparation the coach linked at the start, if any. */
  preparationId: string | null;
  /** When the coach finished the conversation; null while it is under way or was never finished. */
  endedAt: number | null;
  /** Goes up by one with every applied command; panels drop snapshots older than what they show. */
  revision: number;
  /** Ids of the latest applied commands, so that a retried command is acknowledged, not re-applied. */
  applied: string[];
  updatedAt: number;
}

export type Command =
  | {
      type: 'start';
      minutes: MeetingLength;
      template?: TemplateId;
      preparationId?: string | null;
      /** A coach's template id, as the panel sends it; the background resolves it into `resolved`. */
      templateId?: string;
      /** A coach's template, read and validated by the background before the reducer runs. */
      resolved?: Template;
      /** Why the background could not resolve it: gone, or with problems. */
      unusable?: string;
    }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'jump'; index: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'add-minute' }
  | { type: 'capture'; field: TextCaptureField; text: string }
  | { type: 'cadence'; cadence: Cadence | null }
  | { type: 'park'; text: string }
  | { type: 'unpark'; topicId: string }
  | { type: 'note'; stepId: string; text: string }
  | { type: 'next-steps'; text: string | null }
  | { type: 'finish' }
  /** Links the conversation to one of the coach's preparations, or clears the link. */
  | { type: 'link-preparation'; preparationId: string | null };

export type CommandType = Command['type'];

/**
 * The private note on a step, '' when there is none. Read as an own key only: a coach's step may
 * be called `constructor`, and a plain object would answer that with Object's own function.
 */
export function stepNote(session: Pick<Session, 'notes'>, stepId: string): string {
  return Object.hasOwn(session.notes, stepId) ? (session.notes[stepId] ?? '') : '';
}

export type ApplyResult =
  | { ok: true; session: Session; duplicate: boolean }
  | { ok: false; reason: string };

/** Enough to cover every command a panel could still be retrying after a reconnect. */
export const APPLIED_MEMORY = 100;

/** Added minutes per step stop here: past it the coach is rewriting the agenda, not extending a step. */
export const MAX_ADDED_MS = 30 * MINUTE_MS;

/**
 * Coaches reuse recurring meeting links. A session whose meeting ended this long ago is a past
 * conversation: opening the link again offers a fresh start instead of resuming it.
 */
export const STALE_AFTER_END_MS = 12 * 60 * 60 * 1000;

export function isStale(session: Session, now: number): boolean {
  return now - session.startedAt > session.meetingMinutes * 60_000 + STALE_AFTER_END_MS;
}

export function isFinished(session: Pick<Session, 'endedAt'>): boolean {
  return session.endedAt !== null;
}

/** Whether Start begins a new conversation here: the last one was finished, or left long ago. */
export function canStartAfresh(session: Session | undefined, now: number): boolean {
  return !session || isFinished(session) || isStale(session, now);
}

/**
 * What a finished conversation still takes: the next-steps text is what gets sent after the call,
 * and private notes are the coach's own reflection; the link to a preparation is the coach's filing.
 * The clock and what was agreed in the room stay as they were.
 */
const AFTER_FINISH: ReadonlySet<CommandType> = new Set(['next-steps', 'note', 'link-preparation']);

export function applyCommand(
  session: Session | undefined,
  key: string,
  commandId: string,
  command: Command,
  now: number,
): ApplyResult {
  if (session?.applied.includes(commandId)) return { ok: true, session, duplicate: true };
  const next = reduce(session, key, commandId, command, now);
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
function reduce(session: Session | undefined, key: string, commandId: string, command: Command, now: number): Session | string {
  if (command.type === 'start') {
    // A second tab pressing Start on a running meeting must not reset it.
    if (!canStartAfresh(session, now)) return 'This conversation has already started.';
    return startSession(key, command, now);
  }
  if (!session) return 'Start the conversation first.';
  if (isFinished(session) && !AFTER_FINISH.has(command.type)) {
    return command.type === 'finish' ? 'This conversation is already finished.' : 'This conversation is finished.';
  }
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
    case 'add-minute':
      return addMinute(session);
    case 'capture':
      return stepCaptures(session, command.field)
        ? { ...session, capture: { ...session.capture, [command.field]: command.text.slice(0, LIMITS.capture) } }
        : 'This conversation does not capture that.';
    case 'cadence':
      return stepCaptures(session, 'cadence') ? { ...session, capture: { ...session.capture, cadence: command.cadence } } : 'This conversation does not capture that.';
    case 'park':
      return park(session, commandId, command.text);
    case 'unpark':
      return session.parked.some((topic) => topic.id === command.topicId)
        ? { ...session, parked: session.parked.filter((topic) => topic.id !== command.topicId) }
        : 'That topic is no longer parked.';
    case 'note':
      return session.agenda.some((step) => step.id === command.stepId)
        ? { ...session, notes: { ...session.notes, [command.stepId]: command.text.slice(0, LIMITS.note) } }
        : 'There is no such step.';
    case 'next-steps':
      return { ...session, nextStepsText: command.text === null ? null : command.text.slice(0, LIMITS.nextSteps) };
    case 'link-preparation':
      return session.preparationId === command.preparationId
        ? 'This preparation is already linked.'
        : { ...session, preparationId: command.preparationId };
    case 'finish':
      // Banking the running stretch leaves spentMs as the final time per step.
      return { ...bank(session, now), runningSince: null, endedAt: now };
  }
}

export const TEMPLATE_GONE = 'That template is no longer there.';
export const TEMPLATE_INVALID = 'That template has problems to fix on the Templates page before it can start a conversation.';

function startSession(key: string, command: Extract<Command, { type: 'start' }>, now: number): Session | string {
  if (command.templateId !== undefined && command.resolved?.id !== command.templateId) return command.unusable ?? TEMPLATE_GONE;
  const own = command.resolved;
  const templateId = own ? 'kickoff' : (command.template ?? 'kickoff');
  const agenda: AgendaStep[] = own ? templateToAgenda(own, command.minutes) : buildAgenda(templateId, command.minutes);
  const template: SessionTemplate = own
    ? { id: own.id, name: own.name, version: own.version, kind: own.kind, guardrails: [...own.guardrails] }
    : sessionTemplate({ templateId });
  return {
    key,
    templateId,
    template,
    meetingMinutes: command.minutes,
    agenda,
    startedAt: now,
    current: 0,
    spentMs: agenda.map(() => 0),
    runningSince: now,
    budgetMs: agenda.map(plannedMs),
    capture: { ...EMPTY_CAPTURE },
    parked: [],
    notes: {},
    nextStepsText: null,
    preparationId: command.preparationId ?? null,
    endedAt: null,
    revision: 0,
    applied: [],
    updatedAt: now,
  };
}

function stepCaptures(session: Session, field: CaptureField): boolean {
  return session.agenda.some((step) => step.capture.includes(field));
}

/** Adds the running stretch of the current step to its spent time. */
function bank(session: Session, now: number): Session {
  if (session.runningSince === null) return session;
  const spentMs = [...session.spentMs];
  spentMs[session.current] = (spentMs[session.current] ?? 0) + Math.max(0, now - session.runningSince);
  return { ...session, spentMs, runningSince: now };
}

/**
 * Moving gives the new step its share of the time left, so an overrun shrinks what comes and an
 * early move hands the saved time on. A paused timer stays paused: the coach pressed Pause for a reason.
 */
function moveTo(session: Session, index: number, now: number): Session {
  const banked = { ...bank(session, now), current: index };
  const budgetMs = [...session.budgetMs];
  budgetMs[index] = budgetOnEntry(banked, index, now);
  return { ...banked, budgetMs, runningSince: session.runningSince === null ? null : now };
}

function addMinute(session: Session): Session | string {
  const step = session.agenda[session.current]!;
  const budgetMs = [...session.budgetMs];
  const budget = budgetMs[session.current] ?? plannedMs(step);
  // The cap is on top of what the step had on entry plus its plan, so it cannot grow without bound.
  if (budget + MINUTE_MS > plannedMs(step) + (session.spentMs[session.current] ?? 0) + MAX_ADDED_MS) {
    return 'This step has had all the extra time it can take.';
  }
  budgetMs[session.current] = budget + MINUTE_MS;
  return { ...session, budgetMs };
}

function park(session: Session, topicId: string, text: string): Session | string {
  const topic = text.trim().slice(0, LIMITS.parkedTopic);
  if (!topic) return 'Type the topic to park first.';
  if (session.parked.length >= LIMITS.parkedTopics) return `The parking lot holds ${LIMITS.parkedTopics} topics.`;
  return { ...session, parked: [...session.parked, { id: topicId, text: topic }] };
}
