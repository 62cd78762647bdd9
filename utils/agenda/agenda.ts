/**
 * The conversation's agenda, from the coaches' guide, in short words for a two-second glance.
 * A running session keeps its own copy of the agenda, so an extension update never rewrites a
 * conversation already under way.
 */
import { CLOSING } from './closing-template';
import { KICKOFF } from './kickoff-template';
import { allotMinutes } from '../templates/allot';

/** Who leads a step: one person, the coachee and manager together, or everyone (issue 12). */
export const LEADS = ['coach', 'coachee', 'manager', 'coachee-and-manager', 'everyone'] as const;
export type Lead = (typeof LEADS)[number];

export function isLead(value: unknown): value is Lead {
  return LEADS.includes(value as Lead);
}

export const MEETING_LENGTHS = [30, 45, 60] as const;
export type MeetingLength = (typeof MEETING_LENGTHS)[number];
export const DEFAULT_MEETING_LENGTH: MeetingLength = 30;

export const TEMPLATE_IDS = ['kickoff', 'closing'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** What the coach can note down for sharing in a step; it flows into the next-steps message. */
export type CaptureField = 'goals' | 'support' | 'cadence' | 'secondConversation';

export interface AgendaStep {
  id: string;
  title: string;
  lead: Lead;
  points: string[];
  /** One line the coach can say to open the step. */
  prompt: string;
  /** The guardrails that matter most in this step, on top of the standing ones. */
  guardrails: string[];
  capture: CaptureField[];
  /** The step where the meeting's objectives are at hand. */
  objectives?: true;
  /** Keeps the wrap-up floor in pacing. Absent (built-ins, older sessions): the last step does. */
  wrapUp?: boolean;
  /** Planned minutes for this meeting length. */
  minutes: number;
}

export interface StepTemplate extends Omit<AgendaStep, 'minutes'> {
  /** Minutes in a 30-minute meeting; 45 and 60 scale from them by the rule every template follows (allot.ts). */
  minutes: number;
}

export interface ConversationTemplate {
  id: TemplateId;
  name: string;
  /** One line under the name, before the start. */
  summary: string;
  steps: readonly StepTemplate[];
}

export const TEMPLATES: Record<TemplateId, ConversationTemplate> = { kickoff: KICKOFF, closing: CLOSING };

export const GUARDRAILS = [
  'Confidential: nothing the coachee said is shared.',
  'You facilitate; no view of the coachee.',
  'Their meeting: the coachee shares what they choose.',
] as const;

/** The guide's three meeting objectives, kept at hand in the set-context step. */
export const OBJECTIVES = [
  'Get the most from coaching through the manager’s support.',
  'Show the manager how best to back the coachee’s growth.',
  'Give the manager a say in the coaching goals.',
] as const;

export const LEAD_LABEL: Record<Lead, string> = {
  coach: 'Coach leads',
  coachee: 'Coachee leads',
  manager: 'Manager leads',
  'coachee-and-manager': 'Coachee and manager lead',
  everyone: 'Everyone joins in',
};

export function isMeetingLength(value: unknown): value is MeetingLength {
  return MEETING_LENGTHS.includes(value as MeetingLength);
}

export function isTemplateId(value: unknown): value is TemplateId {
  return TEMPLATE_IDS.includes(value as TemplateId);
}

/** A conversation's agenda with each step's minutes for the chosen meeting length: a fresh copy. */
export function buildAgenda(template: TemplateId, length: MeetingLength): AgendaStep[] {
  const steps = TEMPLATES[template].steps;
  // Both built-ins end with the wrap-up, which keeps its floor.
  const minutes = allotMinutes({ steps: steps.map((step, i) => ({ minutes: step.minutes, wrapUp: i === steps.length - 1 })) }, length);
  return steps.map((step, i) => ({
    ...step,
    points: [...step.points],
    guardrails: [...step.guardrails],
    capture: [...step.capture],
    minutes: minutes[i]!,
  }));
}
