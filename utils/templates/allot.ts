/**
 * A template's minutes for the meeting the coach picked. The steps carry shares of a 30-minute
 * meeting; 45 and 60 scale them by largest remainders, so whole minutes add up exactly to the
 * meeting, in the order given, and no step falls under the floor pacing keeps for it.
 */
import type { AgendaStep, MeetingLength } from '../agenda/agenda';
import { STEP_FLOOR_MINUTES, WRAP_UP_FLOOR_MINUTES, type Template, type TemplateLead, type TemplateStep } from './schema';

/** All that allotting reads of a step. */
export type StepShare = Pick<TemplateStep, 'minutes' | 'wrapUp'>;

/** AgendaStep with the templates' wider lead: the same shape once AgendaStep's Lead is widened. */
export type TemplateAgendaStep = Omit<AgendaStep, 'lead'> & { lead: TemplateLead };

export function stepFloor(step: Pick<StepShare, 'wrapUp'>): number {
  return step.wrapUp ? WRAP_UP_FLOOR_MINUTES : STEP_FLOOR_MINUTES;
}

/**
 * Whole minutes per step for `length`. For a valid template (shares adding up to 30) the result
 * adds up to `length` and keeps every floor; anything else is still shared out in proportion,
 * and only floors that cannot all fit make it run over, as pacing does.
 */
export function allotMinutes(template: { steps: readonly StepShare[] }, length: MeetingLength): number[] {
  const steps = template.steps;
  const floors = steps.map(stepFloor);
  const shares = steps.map((step) => (Number.isFinite(step.minutes) ? Math.max(0, step.minutes) : 0));
  const total = shares.reduce((sum, share) => sum + share, 0);
  // Exact quotas as fractions share·length/total, so ties are ties and not float noise.
  const scaled = total > 0 ? shares.map((share) => share * length) : steps.map(() => length);
  const divisor = total > 0 ? total : steps.length;
  const allotted = scaled.map((value, i) => Math.max(floors[i]!, Math.floor(value / divisor)));
  const remainder = (i: number) => scaled[i]! - Math.floor(scaled[i]! / divisor) * divisor;

  let left = length - allotted.reduce((sum, minutes) => sum + minutes, 0);
  // Spare minutes go to the largest remainders; on a tie the wrap-up first, then the earlier step.
  const byRemainder = steps
    .map((_, i) => i)
    .sort((a, b) => remainder(b) - remainder(a) || Number(steps[b]!.wrapUp) - Number(steps[a]!.wrapUp) || a - b);
  for (let k = 0; left > 0 && steps.length > 0; k++, left--) allotted[byRemainder[k % steps.length]!]! += 1;
  // Floors lifted some steps above their quota: the most over-served steps give a minute back.
  while (left < 0) {
    const over = allotted
      .map((minutes, i) => ({ i, excess: minutes * divisor - scaled[i]! }))
      .filter(({ i }) => allotted[i]! > floors[i]!)
      .sort((a, b) => b.excess - a.excess || b.i - a.i)[0];
    if (!over) break;
    allotted[over.i]! -= 1;
    left++;
  }
  return allotted;
}

/**
 * The agenda a conversation copies when it starts from this template: the shape buildAgenda
 * gives for the built-ins, with this meeting's minutes. Fresh arrays, so the session never
 * shares them with the stored template.
 */
export function templateToAgenda(template: Template, length: MeetingLength): TemplateAgendaStep[] {
  const minutes = allotMinutes(template, length);
  return template.steps.map((step, i) => ({
    id: step.id,
    title: step.title,
    lead: step.lead,
    points: [...step.points],
    prompt: step.prompt,
    guardrails: [...step.guardrails],
    capture: [...step.capture],
    ...(step.objectives ? { objectives: true as const } : {}),
    // Said on every step, true or false, so pacing never falls back to "the last step is the wrap-up".
    wrapUp: step.wrapUp,
    minutes: minutes[i]!,
  }));
}
