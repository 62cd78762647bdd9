/**
 * How much text each field holds. The panel shows a counter against these, the protocol refuses
 * anything longer, and the reducer never stores more: a session record stays small and quick
 * to write in the middle of a call.
 */
export const LIMITS = {
  note: 2_000,
  capture: 600,
  parkedTopic: 200,
  parkedTopics: 30,
  nextSteps: 6_000,
  cadenceCustom: 120,
  prepLabel: 60,
  prepOutcome: 1_000,
  prepNotes: 4_000,
  preparations: 50,
} as const;

/**
 * Lengths are counted as the browser's own `maxlength` counts them (UTF-16 units), so the
 * counter the coach sees, the textbox and the background all agree.
 */
export function fitsLimit(value: unknown, limit: number): value is string {
  return typeof value === 'string' && value.length <= limit;
}
