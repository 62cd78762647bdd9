/**
 * A coach's template as the panel's `Conversation` choice shows it: its name, its one line, and
 * the agenda it would give at each meeting length. The background works this out from the stored
 * template, so the panel previews exactly what a start would allot without carrying the
 * templates or the allotting code into the meeting.
 */
import { MEETING_LENGTHS, type MeetingLength } from '../agenda/agenda';
import { allotMinutes } from './allot';
import { validateTemplate } from './validate';

export interface TemplateChoice {
  id: string;
  name: string;
  description: string;
  /** An invalid template is listed, so the coach sees it, but cannot start a conversation. */
  valid: boolean;
  /** Step titles, in order; empty for an invalid template. */
  steps: string[];
  /** Each step's minutes at each meeting length, as a start would allot them. */
  minutes: Record<MeetingLength, number[]>;
}

const NONE: Record<MeetingLength, number[]> = { 30: [], 45: [], 60: [] };

/** The choice for one stored record, or null for a record without an id (nothing to start from). */
export function templateChoice(raw: unknown): TemplateChoice | null {
  const record = raw as { id?: unknown; name?: unknown } | null;
  if (!record || typeof record !== 'object' || typeof record.id !== 'string') return null;
  const checked = validateTemplate(raw);
  if (!checked.ok) {
    const name = typeof record.name === 'string' && record.name.trim() ? record.name : 'Untitled template';
    return { id: record.id, name, description: '', valid: false, steps: [], minutes: NONE };
  }
  const template = checked.template;
  const minutes = Object.fromEntries(MEETING_LENGTHS.map((length) => [length, allotMinutes(template, length)])) as Record<MeetingLength, number[]>;
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    valid: true,
    steps: template.steps.map((step) => step.title),
    minutes,
  };
}

/** Every record's choice, by name, as the select lists them. */
export function templateChoices(raws: readonly unknown[]): TemplateChoice[] {
  return raws
    .map(templateChoice)
    .filter((choice): choice is TemplateChoice => choice !== null)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
