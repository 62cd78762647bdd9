/**
 * The next-steps message the coach sends after the conversation. Built only from what was
 * captured for sharing; it never sees private or preparation notes because it is never given them.
 */
import { describeCadence, type Cadence } from '../session/capture';
import { conversationKindOf, type ConversationKind, type Session } from '../session/session';

export type MessageFormat = 'plain' | 'markdown';

export interface NextStepsInput {
  conversation: ConversationKind;
  /** The goals (kickoff) or progress (closing) the coachee chose to share. */
  goals?: string;
  /** What support the manager offered. */
  support?: string;
  cadence?: Cadence | null;
  /** When the second alignment conversation is due (a Kickoff always says something about it). */
  secondConversation?: string;
  /** Topics parked for their next 1:1. */
  topics?: string[];
  format?: MessageFormat;
}

export const CADENCE_PLACEHOLDER = '[how often and where you will check in, e.g. every two weeks in your 1:1]';

// Inline formatting characters, so the coach's words show as typed; a line they start with "- "
// stays a list item, as they meant it.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>~|]/g;

/** How the shared goals are named: a Closing reports progress on them. */
export function goalsLabel(conversation: ConversationKind): string {
  return conversation === 'closing' ? 'Progress on the goals' : 'Coaching goals';
}

export function composeNextSteps(input: NextStepsInput): string {
  const markdown = input.format === 'markdown';
  const text = (value: string) => (markdown ? value.replace(MARKDOWN_SPECIAL, '\\$&') : value);
  const heading = (value: string) => (markdown ? `**${value}**` : value);
  /** A bullet whose text may span lines: the later lines are indented under it. */
  const bullet = (value: string, depth = 0) => {
    const indent = '  '.repeat(depth);
    const [first = '', ...rest] = value.split(/\r?\n/).map((line) => line.trimEnd());
    return [`${indent}- ${first}`, ...rest.filter(Boolean).map((line) => `${indent}  ${line}`)].join('\n');
  };

  const goals = input.goals?.trim() ?? '';
  const support = input.support?.trim() ?? '';
  const topics = (input.topics ?? []).map((topic) => topic.trim()).filter(Boolean);
  const cadence = describeCadence(input.cadence ?? null);
  const second = input.secondConversation?.trim() ?? '';

  const lines = ['Thank you both for today’s alignment conversation, and for the openness you brought to it.'];
  if (goals || support) {
    lines.push('', heading('What we shared'));
    if (goals) lines.push(bullet(`${goalsLabel(input.conversation)}: ${text(goals)}`));
    if (support) lines.push(bullet(`Support from the manager: ${text(support)}`));
  }
  lines.push('', heading('Next steps'));
  lines.push(bullet(`Check-ins on the coaching goals: ${cadence ? text(cadence) : CADENCE_PLACEHOLDER}.`));
  if (topics.length > 0) {
    lines.push(bullet('Topics for your next 1:1 (or a follow-up without me):'));
    for (const topic of topics) lines.push(bullet(text(topic), 1));
  } else {
    lines.push(bullet('Anything we could not cover today: add it to your next 1:1 agenda.'));
  }
  // A coach's own template says it only when the conversation agreed a date.
  if (input.conversation === 'kickoff' || (input.conversation === 'other' && second)) {
    lines.push(
      bullet(
        second
          ? `Second alignment conversation: ${text(second)}.`
          : 'We will hold a second alignment conversation near the end of the coaching engagement.',
      ),
    );
  }
  lines.push('', 'Thank you again.');
  return lines.join('\n');
}

/**
 * The message for a session: what was captured for sharing and the parked topics, nothing else.
 * Private notes and the preparation are not read here, so they cannot leak into the message.
 */
export function nextStepsForSession(
  session: Pick<Session, 'templateId' | 'template' | 'capture' | 'parked'>,
  format: MessageFormat,
): string {
  const { goals, support, cadence, secondConversation } = session.capture;
  return composeNextSteps({
    conversation: conversationKindOf(session),
    goals,
    support,
    cadence,
    secondConversation,
    topics: session.parked.map((topic) => topic.text),
    format,
  });
}
