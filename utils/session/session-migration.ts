/**
 * Sessions stored by earlier versions, brought to the current shape. Dexie runs this in its
 * schema upgrade (see session-db.ts); it is pure so that it is tested on fixtures of the old shape.
 */
import { TEMPLATES, type AgendaStep } from '../agenda/agenda';
import { EMPTY_CAPTURE } from './capture';
import { plannedMs } from '../agenda/pacing';
import type { Session } from './session';

/** Schema 1 (version 0.1): the Kickoff agenda only, steps without prompts, no pacing or capture. */
export interface SessionV1 {
  key: string;
  templateId: 'kickoff';
  meetingMinutes: Session['meetingMinutes'];
  agenda: Pick<AgendaStep, 'id' | 'title' | 'lead' | 'points' | 'minutes'>[];
  startedAt: number;
  current: number;
  spentMs: number[];
  runningSince: number | null;
  revision: number;
  applied: string[];
  updatedAt: number;
}

/**
 * Keeps everything the coach saw (titles, points, minutes, the clock), and gives each step the
 * prompt, guardrails and capture of its template step, matched by id.
 */
export function sessionFromV1(old: SessionV1): Session {
  const template = TEMPLATES[old.templateId] ?? TEMPLATES.kickoff;
  const agenda: AgendaStep[] = old.agenda.map((step) => {
    const match = template.steps.find((candidate) => candidate.id === step.id);
    return {
      ...step,
      prompt: match?.prompt ?? '',
      guardrails: [...(match?.guardrails ?? [])],
      capture: [...(match?.capture ?? [])],
      ...(match?.objectives ? { objectives: true as const } : {}),
    };
  });
  return {
    ...old,
    templateId: template.id,
    agenda,
    budgetMs: agenda.map(plannedMs),
    capture: { ...EMPTY_CAPTURE },
    parked: [],
    notes: {},
    nextStepsText: null,
    preparationId: null,
    endedAt: null,
  };
}

/** Schema 2: everything but when a finished conversation ended. */
export type SessionV2 = Omit<Session, 'endedAt'>;

/** A conversation from before Finish existed was never finished. */
export function sessionFromV2(old: SessionV2 | Session): Session {
  return 'endedAt' in old && (old.endedAt === null || typeof old.endedAt === 'number') ? old : { ...old, endedAt: null };
}
