/** What the guide says to do when the conversation drifts or heats up: one glance each. */
export type PlaybookId = 'off-track' | 'heated';

export interface Playbook {
  id: PlaybookId;
  title: string;
  options: string[];
  /** What to weigh before choosing, where the guide names it. */
  weigh?: string[];
}

export const PLAYBOOKS: Record<PlaybookId, Playbook> = {
  'off-track': {
    id: 'off-track',
    title: 'Off track',
    options: [
      'Gently, firmly bring them back to the current step.',
      'Park the new topic: they can take it to their next 1:1.',
      'Name the time left, and what still needs covering.',
    ],
  },
  heated: {
    id: 'heated',
    title: 'Heated',
    weigh: ['What you know of their relationship.', 'How at ease the coachee is speaking up.', 'The time left.'],
    options: [
      'Refocus on the agenda; debrief with the coachee after.',
      'Or name the tension and help them plan how to address it.',
      'Do not offer to facilitate a follow-up without approval.',
    ],
  },
};
