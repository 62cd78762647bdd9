/**
 * The conversation's agenda, from the coaches' guide, in short words for a two-second glance.
 * A running session keeps its own copy of the agenda, so an extension update never rewrites a
 * conversation already under way.
 */
export type Lead = 'coach' | 'coachee' | 'manager';

export const MEETING_LENGTHS = [30, 45, 60] as const;
export type MeetingLength = (typeof MEETING_LENGTHS)[number];
export const DEFAULT_MEETING_LENGTH: MeetingLength = 30;

export interface AgendaStep {
  id: string;
  title: string;
  lead: Lead;
  points: string[];
  minutes: number;
}

interface StepTemplate extends Omit<AgendaStep, 'minutes'> {
  /** Minutes for a 30, 45 and 60 minute meeting; each column adds up to its meeting length. */
  minutes: Record<MeetingLength, number>;
}

export const GUARDRAILS = [
  'Confidential: nothing the coachee told you is shared.',
  'You facilitate. You give no view of the coachee.',
  'Their meeting: the coachee shares what they choose.',
] as const;

export const LEAD_LABEL: Record<Lead, string> = {
  coach: 'Coach leads',
  coachee: 'Coachee leads',
  manager: 'Manager leads',
};

const KICKOFF: readonly StepTemplate[] = [
  {
    id: 'welcome',
    title: 'Welcome and introductions',
    lead: 'coach',
    points: ['Thank both for the time.', 'Quick round of names and roles.', 'Share the plan and the end time.'],
    minutes: { 30: 2, 45: 3, 60: 4 },
  },
  {
    id: 'context',
    title: 'Set the context',
    lead: 'coach',
    points: [
      'The coachee shares goals and progress, and asks for feedback and support.',
      'You keep the flow; it is their meeting.',
      'Aim: coachee and manager as partners in the coachee’s growth.',
    ],
    minutes: { 30: 3, 45: 4, 60: 5 },
  },
  {
    id: 'manager-why',
    title: 'Why the manager backed coaching',
    lead: 'manager',
    points: ['Invite the manager to say why they supported coaching.', 'Skip if it does not apply.'],
    minutes: { 30: 4, 45: 6, 60: 8 },
  },
  {
    id: 'coachee-goals',
    title: 'Coachee’s goals and 360 themes',
    lead: 'coachee',
    points: [
      'The coachee shares their coaching goals, high level.',
      'Any 360 themes they choose to highlight.',
      'You add nothing about the coachee.',
    ],
    minutes: { 30: 7, 45: 10, 60: 14 },
  },
  {
    id: 'manager-input',
    title: 'Manager’s feedback and ideas',
    lead: 'manager',
    points: [
      'Invite feedback or insight on the goals.',
      'Ask what else the coachee could work on.',
      'Facilitate; do not evaluate.',
    ],
    minutes: { 30: 7, 45: 11, 60: 15 },
  },
  {
    id: 'cadence',
    title: 'Ongoing feedback',
    lead: 'coach',
    points: [
      'How often will they meet to sync on the goals?',
      'Where: their 1:1s or a set check-in.',
      'Mention the second alignment conversation near the end.',
    ],
    minutes: { 30: 4, 45: 6, 60: 8 },
  },
  {
    id: 'wrap-up',
    title: 'Wrap up and next steps',
    lead: 'coach',
    points: [
      'Thank each person by name.',
      'Open topics go to their next 1:1 or a follow-up without you.',
      'Copy the next steps and send them.',
    ],
    minutes: { 30: 3, 45: 5, 60: 6 },
  },
];

export function isMeetingLength(value: unknown): value is MeetingLength {
  return MEETING_LENGTHS.includes(value as MeetingLength);
}

/** The Kickoff agenda with each step's minutes for the chosen meeting length. */
export function kickoffAgenda(length: MeetingLength): AgendaStep[] {
  return KICKOFF.map((step) => ({ ...step, points: [...step.points], minutes: step.minutes[length] }));
}
