/**
 * A coach-made conversation template: the shape the editor edits, the file carries and a
 * conversation copies when it starts. The built-ins (Kickoff, Closing) map onto it too, see
 * built-ins.ts. Pure data and constants; the checks are in validate.ts.
 */
import type { CaptureField, Lead } from '../agenda/agenda';
import { MINUTE_MS, STEP_FLOOR_MS, WRAP_UP_FLOOR_MS } from '../agenda/pacing';

/** Today's panel knows three leads; a template may also hand a step to both or to everyone. */
export const TEMPLATE_LEADS = ['coach', 'coachee', 'manager', 'coachee-and-manager', 'everyone'] as const;
export type TemplateLead = (typeof TEMPLATE_LEADS)[number];

/** As the editor's choice shows them. */
export const TEMPLATE_LEAD_LABEL: Record<TemplateLead, string> = {
  coach: 'Coach',
  coachee: 'Coachee',
  manager: 'Manager',
  'coachee-and-manager': 'Coachee and manager',
  everyone: 'Everyone',
};

/** As the panel's step header would show them, next to today's LEAD_LABEL. */
export const TEMPLATE_LEAD_PANEL_LABEL: Record<TemplateLead, string> = {
  coach: 'Coach leads',
  coachee: 'Coachee leads',
  manager: 'Manager leads',
  'coachee-and-manager': 'Coachee and manager lead',
  everyone: 'Everyone joins in',
};

export function isNarrowLead(lead: TemplateLead): lead is Lead {
  return lead === 'coach' || lead === 'coachee' || lead === 'manager';
}

/** The editor's capture choices; an empty list is "nothing". */
export const TEMPLATE_CAPTURES = ['goals', 'support', 'cadence', 'secondConversation'] as const satisfies readonly CaptureField[];

export const CAPTURE_LABEL: Record<CaptureField, string> = {
  goals: 'Goals',
  support: 'Support offered',
  cadence: 'Check-in cadence',
  secondConversation: 'Second conversation timing',
};

/**
 * Text lengths in UTF-16 units, as `maxlength` counts them, so the editor's counters and the
 * checks agree. Short enough for a two-second glance in a narrow panel.
 */
export const TEMPLATE_LIMITS = {
  name: 60,
  description: 200,
  title: 60,
  prompt: 160,
  point: 120,
  guardrail: 120,
  minSteps: 2,
  maxSteps: 12,
  maxPoints: 6,
  maxStepGuardrails: 4,
  minGuardrails: 1,
  maxGuardrails: 5,
} as const;

/**
 * How many templates a coach keeps. Every panel opening lists them all (with their agendas at
 * three lengths), so the list has an end; a hundred is far past what one practice uses.
 */
export const MAX_TEMPLATES = 100;
export const TOO_MANY_TEMPLATES = `You have ${MAX_TEMPLATES} templates, the most Alignment Companion keeps. Delete one you no longer use first.`;

/** Step minutes are shares of this meeting; 45 and 60 scale from them (see allot.ts). */
export const SHARE_MEETING_MINUTES = 30;
/** The same floors pacing keeps while the meeting runs, in whole minutes. */
export const STEP_FLOOR_MINUTES = STEP_FLOOR_MS / MINUTE_MS;
export const WRAP_UP_FLOOR_MINUTES = WRAP_UP_FLOOR_MS / MINUTE_MS;

// Template ids come from the caller's id maker (a UUID, say) or are the built-ins' names.
export const TEMPLATE_ID = /^[\w-]{1,64}$/;
// The panel keys private notes by step id and the protocol accepts only this shape (protocol.ts).
export const STEP_ID = /^[a-z0-9-]{1,40}$/;

export interface TemplateStep {
  id: string;
  title: string;
  lead: TemplateLead;
  /** This step's minutes in a 30-minute meeting; the steps add up to exactly 30. */
  minutes: number;
  /** One line the coach can say to open the step; may be empty. */
  prompt: string;
  points: string[];
  /** On top of the meeting-wide ones, for this step only. */
  guardrails: string[];
  capture: CaptureField[];
  /** The last step may be the wrap-up: pacing never squeezes it below three minutes. */
  wrapUp: boolean;
  /** Shows the guide's meeting objectives in this step, as the built-ins' set-context step does. */
  objectives: boolean;
}

/**
 * Which of the guide's two conversations a template is a version of, for wording and linking: a
 * Kickoff plans the second conversation; a Closing reports progress and recalls its Kickoff.
 */
export const TEMPLATE_KINDS = ['kickoff', 'closing', 'other'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABEL: Record<TemplateKind, string> = {
  kickoff: 'A Kickoff: plans the second conversation',
  closing: 'A Closing: reports progress, recalls its Kickoff',
  other: 'Neither',
};

export interface Template {
  id: string;
  name: string;
  description: string;
  /** Absent in files made before it existed: read as 'other'. */
  kind: TemplateKind;
  /** Counts saves, from 1; a conversation records which version it started from. */
  version: number;
  /** When it was last saved or copied, in ms since the epoch; 0 for the built-ins. */
  updatedAt: number;
  /** Meeting-wide guardrails, shown through the whole conversation. */
  guardrails: string[];
  steps: TemplateStep[];
}

export const TEMPLATE_KEYS = ['id', 'name', 'description', 'kind', 'version', 'updatedAt', 'guardrails', 'steps'] as const;
export const STEP_KEYS = ['id', 'title', 'lead', 'minutes', 'prompt', 'points', 'guardrails', 'capture', 'wrapUp', 'objectives'] as const;

/** A deep copy holding the template's own fields only, so nothing else a caller's object carries travels on. */
export function cloneTemplate(template: Template): Template {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    kind: template.kind,
    version: template.version,
    updatedAt: template.updatedAt,
    guardrails: [...template.guardrails],
    steps: template.steps.map(cloneStep),
  };
}

export function cloneStep(step: TemplateStep): TemplateStep {
  return {
    id: step.id,
    title: step.title,
    lead: step.lead,
    minutes: step.minutes,
    prompt: step.prompt,
    points: [...step.points],
    guardrails: [...step.guardrails],
    capture: [...step.capture],
    wrapUp: step.wrapUp,
    objectives: step.objectives,
  };
}
