/** Per step, the minutes planned against the minutes taken: the data of the small chart. */
import { formatMinutes } from '../agenda/clock';
import type { Session } from '../session/session';
import { timeTakenPerStep } from './conversation';

export interface StepTime {
  id: string;
  title: string;
  plannedMinutes: number;
  /** To a tenth of a minute: a chart bar of 0.4 minutes is not nothing. */
  actualMinutes: number;
  actualMs: number;
}

export function stepTimes(conversation: Session): StepTime[] {
  const taken = timeTakenPerStep(conversation);
  return conversation.agenda.map((step, i) => ({
    id: step.id,
    title: step.title,
    plannedMinutes: step.minutes,
    actualMinutes: Math.round((taken[i] ?? 0) / 6_000) / 10,
    actualMs: taken[i] ?? 0,
  }));
}

/** "Taken" in whole minutes as the panel's agenda shows them: `<1` for a step barely touched. */
export function takenText(time: StepTime): string {
  return `${formatMinutes(time.actualMs)} min`;
}

/** The chart's text alternative: one line per step. */
export function describeStepTimes(times: readonly StepTime[]): string {
  return times.map((time) => `${time.title}: ${time.plannedMinutes} min planned, ${takenText(time)} taken.`).join('\n');
}
