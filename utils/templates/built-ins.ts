/**
 * Kickoff and Closing as template data, for the editor's read-only list, `Duplicate` and the
 * preview. The built-ins stay the source (kickoff-template.ts, closing-template.ts): this only
 * reads them, so the guide's wording lives in one place.
 */
import { GUARDRAILS, TEMPLATES, type ConversationTemplate, type TemplateId } from '../agenda/agenda';
import type { Template } from './schema';

/** The built-in's 30-minute minutes become the shares, from which 45 and 60 scale as for the built-in itself. */
export function fromBuiltIn(builtIn: ConversationTemplate): Template {
  const last = builtIn.steps.length - 1;
  return {
    id: builtIn.id,
    name: builtIn.name,
    description: builtIn.summary,
    // A copy of a built-in keeps its wording and linking until the coach says otherwise.
    kind: builtIn.id,
    version: 1,
    updatedAt: 0,
    guardrails: [...GUARDRAILS],
    steps: builtIn.steps.map((step, i) => ({
      id: step.id,
      title: step.title,
      lead: step.lead,
      minutes: step.minutes,
      prompt: step.prompt,
      points: [...step.points],
      guardrails: [...step.guardrails],
      capture: [...step.capture],
      // Both built-ins end with the shared wrap-up step, and pacing floors their last step.
      wrapUp: i === last,
      objectives: step.objectives === true,
    })),
  };
}

export function builtInTemplate(id: TemplateId): Template {
  return fromBuiltIn(TEMPLATES[id]);
}

export function builtInTemplates(): Template[] {
  return Object.values(TEMPLATES).map(fromBuiltIn);
}
