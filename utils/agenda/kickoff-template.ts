import type { ConversationTemplate } from './agenda';
import { WRAP_UP_STEP } from './wrap-up-step';

/** Near the start of the engagement: the coachee shares their goals, the manager weighs in. */
export const KICKOFF: ConversationTemplate = {
  id: 'kickoff',
  name: 'Kickoff',
  summary: 'Start of the engagement: coachee and manager align on the coaching goals and how to support them.',
  steps: [
    {
      id: 'welcome',
      title: 'Welcome and introductions',
      lead: 'coach',
      points: ['Thank both for the time.', 'Quick round of names and roles.', 'Share the plan and the end time.'],
      prompt: '“Thanks for making time. A quick round of introductions first.”',
      guardrails: [],
      capture: [],
      minutes: 2,
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
      prompt: '“This is your time to share your goals and get feedback. I’ll keep us on track.”',
      guardrails: ['Say it plainly: you facilitate, they own the meeting.'],
      capture: [],
      objectives: true,
      minutes: 3,
    },
    {
      id: 'manager-why',
      title: 'Why the manager backed coaching',
      lead: 'manager',
      points: ['Invite the manager to say why they supported coaching.', 'Skip if it does not apply.'],
      prompt: '“What made you support coaching for them?”',
      guardrails: ['Let the manager speak; add no view of your own.'],
      capture: [],
      minutes: 4,
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
      prompt: '“Would you share the goals you’re working on?”',
      guardrails: ['The coachee picks what to share from the 360. You add nothing.'],
      capture: ['goals'],
      minutes: 7,
    },
    {
      id: 'manager-input',
      title: 'Manager’s feedback and ideas',
      lead: 'manager',
      points: [
        'Invite feedback or insight on the goals.',
        'Ask what else the coachee could work on.',
        'Ask how the manager can support.',
      ],
      prompt: '“What do you see in these goals? What else could they focus on?”',
      guardrails: ['Facilitate the feedback; never evaluate the coachee.'],
      capture: ['support'],
      minutes: 7,
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
      prompt: '“How often would you like to check in on these goals, and where?”',
      guardrails: [],
      capture: ['cadence', 'secondConversation'],
      minutes: 4,
    },
    { ...WRAP_UP_STEP, minutes: 3 },
  ],
};
