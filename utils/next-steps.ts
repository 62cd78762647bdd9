/**
 * The next-steps message the coach sends after the conversation. Built only from what was
 * agreed to be shared; it never sees private notes because it is never given them.
 */
export interface NextStepsInput {
  /** The check-in cadence they agreed, when captured. */
  cadence?: string;
  /** Topics that came up and were left for their next 1:1. */
  topics?: string[];
  /** A kickoff points to the second alignment conversation near the end of the engagement. */
  conversation: 'kickoff' | 'closing';
}

export const CADENCE_PLACEHOLDER = '[how often and where you will check in, e.g. every two weeks in your 1:1]';

export function composeNextSteps(input: NextStepsInput): string {
  const topics = (input.topics ?? []).map((topic) => topic.trim()).filter(Boolean);
  const cadence = input.cadence?.trim() || CADENCE_PLACEHOLDER;
  const lines = [
    'Thank you both for today’s alignment conversation, and for the openness you brought to it.',
    '',
    'Next steps',
    `- Check-ins on the coaching goals: ${cadence}.`,
  ];
  if (topics.length > 0) {
    lines.push('- Topics for your next 1:1 (or a follow-up without me):');
    for (const topic of topics) lines.push(`  - ${topic}`);
  } else {
    lines.push('- Anything we could not cover today: add it to your next 1:1 agenda.');
  }
  if (input.conversation === 'kickoff') {
    lines.push('- We will hold a second alignment conversation near the end of the coaching engagement.');
  }
  lines.push('', 'Thank you again.');
  return lines.join('\n');
}
