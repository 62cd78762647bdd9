/**
 * What the coach captures for sharing during the conversation. This, and only this, feeds the
 * next-steps message and the check-in reminder.
 */
export const CADENCE_FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'custom'] as const;
export type CadenceFrequency = (typeof CADENCE_FREQUENCIES)[number];

export const CADENCE_PLACES = ['one-on-one', 'check-in'] as const;
export type CadencePlace = (typeof CADENCE_PLACES)[number];

export interface Cadence {
  frequency: CadenceFrequency;
  /** The coach's words when none of the set frequencies fits, e.g. "after each sprint review". */
  custom: string;
  where: CadencePlace;
}

export type TextCaptureField = 'goals' | 'support' | 'secondConversation';
export const TEXT_CAPTURE_FIELDS: readonly TextCaptureField[] = ['goals', 'support', 'secondConversation'];

export interface Capture extends Record<TextCaptureField, string> {
  cadence: Cadence | null;
}

export const EMPTY_CAPTURE: Capture = { goals: '', support: '', secondConversation: '', cadence: null };

export const FREQUENCY_LABEL: Record<CadenceFrequency, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  custom: 'Other…',
};

export const PLACE_LABEL: Record<CadencePlace, string> = {
  'one-on-one': 'In their 1:1s',
  'check-in': 'In a dedicated check-in',
};

/** The cadence in words for the message: "every two weeks, in your 1:1s". Empty when unusable. */
export function describeCadence(cadence: Cadence | null): string {
  if (!cadence) return '';
  const how = cadence.frequency === 'custom' ? cadence.custom.trim() : FREQUENCY_LABEL[cadence.frequency].toLowerCase();
  if (!how) return '';
  return `${how}, ${cadence.where === 'one-on-one' ? 'in your 1:1s' : 'in a dedicated check-in'}`;
}
