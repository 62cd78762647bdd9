/**
 * Checks on what comes back from the database or a backup file. A record can be damaged (a disk
 * fault, an older or newer version's bug, someone editing storage in DevTools or a backup in an
 * editor); a damaged record must not take down the panel, and one meeting's damaged session must
 * not take down the others. Each check names what failed, so a refused backup can say why.
 */
import { isLead, isMeetingLength, isTemplateId } from '../agenda/agenda';
import { CADENCE_FREQUENCIES, CADENCE_PLACES } from './capture';
import { isSessionKey } from '../meeting/meeting-identity';
import { DEFAULT_PREFERENCES, type Preferences, isPanelPosition } from './preferences';
import { isPrepItem, type Preparation } from './preparation';
import type { Session } from './session';

type Fields = Record<string, unknown>;
/** What is wrong, in words that finish "…: " in a sentence, and the test that it is not. */
type Check = readonly [problem: string, passes: (value: Fields) => boolean];

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isArrayOf = <T>(value: unknown, item: (v: unknown) => v is T): value is T[] => Array.isArray(value) && value.every(item);
const stepCount = (value: Fields) => (Array.isArray(value.agenda) ? value.agenda.length : 0);

function isStep(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.title) &&
    isLead(value.lead) &&
    isArrayOf(value.points, isString) &&
    isString(value.prompt) &&
    isArrayOf(value.guardrails, isString) &&
    isArrayOf(value.capture, isString) &&
    isNumber(value.minutes)
  );
}

function isCadence(value: unknown): boolean {
  return (
    isRecord(value) &&
    CADENCE_FREQUENCIES.includes(value.frequency as never) &&
    CADENCE_PLACES.includes(value.where as never) &&
    isString(value.custom)
  );
}

const SESSION_CHECKS: readonly Check[] = [
  ['its meeting key is not valid', (v) => isSessionKey(v.key)],
  ['it is neither a Kickoff nor a Closing', (v) => isTemplateId(v.templateId)],
  ['its meeting length is not 30, 45 or 60 minutes', (v) => isMeetingLength(v.meetingMinutes)],
  ['its agenda is missing or damaged', (v) => stepCount(v) > 0 && (v.agenda as unknown[]).every(isStep)],
  ['its start time is missing', (v) => isNumber(v.startedAt)],
  ['its current step is not in its agenda', (v) => Number.isInteger(v.current) && (v.current as number) >= 0 && (v.current as number) < stepCount(v)],
  [
    'its step times do not match its agenda',
    (v) => isArrayOf(v.spentMs, isNumber) && v.spentMs.length === stepCount(v) && isArrayOf(v.budgetMs, isNumber) && v.budgetMs.length === stepCount(v),
  ],
  ['its timer is damaged', (v) => v.runningSince === null || isNumber(v.runningSince)],
  [
    'what it captured is damaged',
    (v) =>
      isRecord(v.capture) &&
      isString(v.capture.goals) &&
      isString(v.capture.support) &&
      isString(v.capture.secondConversation) &&
      (v.capture.cadence === null || isCadence(v.capture.cadence)),
  ],
  ['its parked topics are damaged', (v) => isArrayOf(v.parked, (topic): topic is unknown => isRecord(topic) && isString(topic.id) && isString(topic.text))],
  ['its private notes are damaged', (v) => isRecord(v.notes) && Object.values(v.notes).every(isString)],
  ['its next steps are damaged', (v) => v.nextStepsText === null || isString(v.nextStepsText)],
  ['its linked preparation is damaged', (v) => v.preparationId === null || isString(v.preparationId)],
  ['its end time is damaged', (v) => v.endedAt === null || isNumber(v.endedAt)],
  ['its command history is damaged', (v) => isNumber(v.revision) && isArrayOf(v.applied, isString)],
  ['its last change time is missing', (v) => isNumber(v.updatedAt)],
  // Absent on sessions stored before issue 12: they read as the built-in they used.
  [
    'its template is damaged',
    (v) =>
      v.template === undefined ||
      (isRecord(v.template) &&
        isString(v.template.id) &&
        isString(v.template.name) &&
        isNumber(v.template.version) &&
        (v.template.kind === 'other' || isTemplateId(v.template.kind)) &&
        isArrayOf(v.template.guardrails, isString)),
  ],
];

const PREPARATION_CHECKS: readonly Check[] = [
  ['its id is missing', (v) => isString(v.id) && v.id.length > 0],
  ['its label is damaged', (v) => isString(v.label)],
  ['its checklist is damaged', (v) => isArrayOf(v.checked, isPrepItem)],
  ['its desired outcome is damaged', (v) => isString(v.outcome)],
  ['its notes are damaged', (v) => isString(v.notes)],
  ['its times are missing', (v) => isNumber(v.createdAt) && isNumber(v.updatedAt)],
];

function firstProblem(value: unknown, checks: readonly Check[]): string | null {
  if (!isRecord(value)) return 'it is not a record';
  return checks.find(([, passes]) => !passes(value))?.[0] ?? null;
}

/** Why a stored session cannot be used, or null when it can. */
export function sessionProblem(value: unknown): string | null {
  return firstProblem(value, SESSION_CHECKS);
}

export function isStoredSession(value: unknown): value is Session {
  return sessionProblem(value) === null;
}

/** Why a stored preparation cannot be used, or null when it can. */
export function preparationProblem(value: unknown): string | null {
  return firstProblem(value, PREPARATION_CHECKS);
}

export function isStoredPreparation(value: unknown): value is Preparation {
  return preparationProblem(value) === null;
}

/** Stored preferences, each value checked on its own: one bad value falls back to its default alone. */
export function storedPreferences(value: unknown): Preferences {
  const stored = isRecord(value) ? value : {};
  return {
    hideNotes: typeof stored.hideNotes === 'boolean' ? stored.hideNotes : DEFAULT_PREFERENCES.hideNotes,
    chime: typeof stored.chime === 'boolean' ? stored.chime : DEFAULT_PREFERENCES.chime,
    format: stored.format === 'plain' || stored.format === 'markdown' ? stored.format : DEFAULT_PREFERENCES.format,
    panelPosition: isPanelPosition(stored.panelPosition) ? stored.panelPosition : DEFAULT_PREFERENCES.panelPosition,
    compactDock: typeof stored.compactDock === 'boolean' ? stored.compactDock : DEFAULT_PREFERENCES.compactDock,
  };
}
