/**
 * Preparing the coachee, in the coaching session before the meeting (often a call with the
 * coachee alone). A preparation belongs to the coach, not to a meeting: it is made on one call
 * and linked to the alignment conversation on another. Everything in it is private.
 */
import { LIMITS } from './limits';

export const PREP_CHECKLIST = [
  { id: 'relationship', text: 'Relationship with the manager: how easy is it to share goals? If hesitant, explore why.' },
  { id: 'goals', text: 'Coaching goals are clear and ready to share.' },
  { id: '360', text: '360 feedback: shared already? If not, which themes to share.' },
  { id: 'outcome', text: 'Desired outcome: what they want from the meeting, and that they own it.' },
] as const;
export type PrepItemId = (typeof PREP_CHECKLIST)[number]['id'];

export const PREP_QUESTIONS = [
  'How supported do you feel by your manager?',
  'What more could they do to help you reach your goals?',
  'What do you want them to know, and why does it matter?',
] as const;

export interface Preparation {
  id: string;
  /** The coach's own label, e.g. the coachee's first name. Stays on this computer. */
  label: string;
  checked: PrepItemId[];
  outcome: string;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

export type PrepTextField = 'label' | 'outcome' | 'notes';
export const PREP_TEXT_LIMIT: Record<PrepTextField, number> = {
  label: LIMITS.prepLabel,
  outcome: LIMITS.prepOutcome,
  notes: LIMITS.prepNotes,
};

export type PrepCommand =
  | { type: 'prep-create'; prepId: string; label: string }
  | { type: 'prep-text'; prepId: string; field: PrepTextField; text: string }
  | { type: 'prep-check'; prepId: string; item: PrepItemId; checked: boolean }
  | { type: 'prep-delete'; prepId: string };

export function isPrepItem(value: unknown): value is PrepItemId {
  return PREP_CHECKLIST.some((item) => item.id === value);
}

/**
 * The preparation after the command: the changed one, null when deleted, or why not. Every
 * command is idempotent (create with a known id, set a field, delete), so a retry is harmless.
 */
export function applyPrepCommand(
  prep: Preparation | undefined,
  count: number,
  command: PrepCommand,
  now: number,
): Preparation | null | string {
  if (command.type === 'prep-create') {
    if (prep) return prep;
    if (count >= LIMITS.preparations) return `You can keep ${LIMITS.preparations} preparations; delete an old one first.`;
    return {
      id: command.prepId,
      label: command.label.trim().slice(0, LIMITS.prepLabel),
      checked: [],
      outcome: '',
      notes: '',
      createdAt: now,
      updatedAt: now,
    };
  }
  if (!prep) return command.type === 'prep-delete' ? null : 'That preparation was deleted.';
  switch (command.type) {
    case 'prep-text':
      return { ...prep, [command.field]: command.text.slice(0, PREP_TEXT_LIMIT[command.field]), updatedAt: now };
    case 'prep-check': {
      const others = prep.checked.filter((item) => item !== command.item);
      const checked = command.checked ? PREP_CHECKLIST.map((i) => i.id).filter((id) => id === command.item || others.includes(id)) : others;
      return { ...prep, checked, updatedAt: now };
    }
    case 'prep-delete':
      return null;
  }
}

/** What the coach sees in a list: the label, or when it was started. */
export function prepTitle(prep: Preparation, locale?: string): string {
  return prep.label.trim() || `Preparation of ${new Date(prep.createdAt).toLocaleDateString(locale)}`;
}
