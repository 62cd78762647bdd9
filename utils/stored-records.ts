/**
 * Checks on what comes back from the database. A record can be damaged (a disk fault, an older
 * or newer version's bug, someone editing storage in DevTools); a damaged record must not take
 * down the panel, and one meeting's damaged session must not take down the others.
 */
import { isMeetingLength, isTemplateId } from './agenda';
import { isSessionKey } from './meeting-identity';
import { DEFAULT_PREFERENCES, type Preferences } from './preferences';
import { isPrepItem, type Preparation } from './preparation';
import type { Session } from './session';

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isArrayOf = <T>(value: unknown, item: (v: unknown) => v is T): value is T[] => Array.isArray(value) && value.every(item);

function isStep(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.title) &&
    (value.lead === 'coach' || value.lead === 'coachee' || value.lead === 'manager') &&
    isArrayOf(value.points, isString) &&
    isString(value.prompt) &&
    isArrayOf(value.guardrails, isString) &&
    isArrayOf(value.capture, isString) &&
    isNumber(value.minutes)
  );
}

export function isStoredSession(value: unknown): value is Session {
  if (!isRecord(value)) return false;
  const steps = Array.isArray(value.agenda) ? value.agenda.length : 0;
  const capture = value.capture;
  return (
    isSessionKey(value.key) &&
    isTemplateId(value.templateId) &&
    isMeetingLength(value.meetingMinutes) &&
    steps > 0 &&
    (value.agenda as unknown[]).every(isStep) &&
    isNumber(value.startedAt) &&
    Number.isInteger(value.current) &&
    (value.current as number) >= 0 &&
    (value.current as number) < steps &&
    isArrayOf(value.spentMs, isNumber) &&
    value.spentMs.length === steps &&
    isArrayOf(value.budgetMs, isNumber) &&
    value.budgetMs.length === steps &&
    (value.runningSince === null || isNumber(value.runningSince)) &&
    isRecord(capture) &&
    isString(capture.goals) &&
    isString(capture.support) &&
    isString(capture.secondConversation) &&
    (capture.cadence === null || isRecord(capture.cadence)) &&
    isArrayOf(value.parked, (topic): topic is unknown => isRecord(topic) && isString(topic.id) && isString(topic.text)) &&
    isRecord(value.notes) &&
    Object.values(value.notes).every(isString) &&
    (value.nextStepsText === null || isString(value.nextStepsText)) &&
    (value.preparationId === null || isString(value.preparationId)) &&
    isNumber(value.revision) &&
    isArrayOf(value.applied, isString) &&
    isNumber(value.updatedAt)
  );
}

export function isStoredPreparation(value: unknown): value is Preparation {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.label) &&
    isArrayOf(value.checked, isPrepItem) &&
    isString(value.outcome) &&
    isString(value.notes) &&
    isNumber(value.createdAt) &&
    isNumber(value.updatedAt)
  );
}

/** Stored preferences, each value checked on its own: one bad value falls back to its default alone. */
export function storedPreferences(value: unknown): Preferences {
  const stored = isRecord(value) ? value : {};
  return {
    hideNotes: typeof stored.hideNotes === 'boolean' ? stored.hideNotes : DEFAULT_PREFERENCES.hideNotes,
    chime: typeof stored.chime === 'boolean' ? stored.chime : DEFAULT_PREFERENCES.chime,
    format: stored.format === 'plain' || stored.format === 'markdown' ? stored.format : DEFAULT_PREFERENCES.format,
  };
}
