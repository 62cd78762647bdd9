import type { StepTemplate } from './agenda';

/** Both conversations end the same way: thanks, open topics to their 1:1, the next steps sent. */
export const WRAP_UP_STEP: Omit<StepTemplate, 'minutes'> = {
  id: 'wrap-up',
  title: 'Wrap up and next steps',
  lead: 'coach',
  points: [
    'Thank each person by name.',
    'Open topics go to their next 1:1 or a follow-up without you.',
    'Copy the next steps and send them.',
  ],
  prompt: '“Thank you both. Here is what we agreed.”',
  guardrails: ['Do not offer to facilitate a follow-up meeting without approval.'],
  capture: [],
};
