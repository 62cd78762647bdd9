/**
 * One conversation as a Markdown file that reads well in any notes app. Private and preparation
 * notes are added only when the caller says so: the page passes its `Hide private notes` state.
 */
import { describeCadence } from '../session/capture';
import { goalsLabel, nextStepsForSession } from '../outputs/next-steps';
import { PREP_CHECKLIST, type Preparation } from '../session/preparation';
import { conversationKindOf, sessionTemplate, stepNote, templateLine, type Session } from '../session/session';
import { PLATFORM_LABEL, actualMs, conversationName, localDateStamp, platformOf, toMinutes } from './conversation';
import { stepTimes, takenText } from './step-times';
import { fileSlug } from '../outputs/file-name';

export interface MarkdownOptions {
  /** The linked preparation, for the coachee's label (and its notes, when private notes are in). */
  preparation?: Preparation | null;
  includePrivate: boolean;
  locale?: string;
  /** For tests; the coach's own time zone otherwise. */
  timeZone?: string;
}

// Characters that would turn the coach's words into formatting (or HTML) in a Markdown reader.
const INLINE_SPECIAL = /[\\`*_[\]<>~|]/g;
// Line starts that would make a heading, quote, list or rule of a line of notes.
const BLOCK_START = /^([#>+=-]|\d+[.)])/;

/** One line of the coach's text, for a bullet or a table cell. */
function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim().replace(INLINE_SPECIAL, '\\$&');
}

/** The coach's text as typed, line by line, with nothing in it read as Markdown. */
function block(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(INLINE_SPECIAL, '\\$&').replace(BLOCK_START, '\\$1'))
    .join('\n')
    .trim();
}

export function conversationMarkdown(conversation: Session, options: MarkdownOptions): string {
  const prep = options.preparation && options.preparation.id === conversation.preparationId ? options.preparation : null;
  const label = prep?.label.trim() ?? '';
  const when = (at: number) => new Intl.DateTimeFormat(options.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: options.timeZone }).format(at);
  const { goals, support, secondConversation, cadence } = conversation.capture;
  const shared = [
    goals.trim() && `- ${goalsLabel(conversationKindOf(conversation))}: ${inline(goals)}`,
    support.trim() && `- Support from the manager: ${inline(support)}`,
    secondConversation.trim() && `- Second alignment conversation: ${inline(secondConversation)}`,
  ].filter(Boolean);

  const lines = [`# ${conversationName(conversation)} alignment conversation${label ? ` with ${inline(label)}` : ''}`, ''];
  lines.push(`- Date: ${when(conversation.startedAt)}`);
  lines.push(`- Platform: ${PLATFORM_LABEL[platformOf(conversation.key)]}`);
  lines.push(`- Template: ${inline(templateLine(conversation))}`);
  lines.push(`- Length: ${conversation.meetingMinutes} min planned, ${toMinutes(actualMs(conversation))} min taken`);
  lines.push(`- ${conversation.endedAt === null ? 'Not finished' : `Finished: ${when(conversation.endedAt)}`}`);

  lines.push('', '## Shared in the meeting', '', ...(shared.length ? shared : ['Nothing captured.']));
  const cadenceText = describeCadence(cadence);
  lines.push('', '## Check-in cadence', '', cadenceText ? inline(cadenceText.charAt(0).toUpperCase() + cadenceText.slice(1)) : 'Not agreed.');
  lines.push('', '## Parked topics', '');
  lines.push(...(conversation.parked.length ? conversation.parked.map((topic) => `- ${inline(topic.text)}`) : ['None.']));
  // What was sent is reproduced as it was: it may be the coach's own Markdown.
  lines.push('', '## Next steps, as sent', '', (conversation.nextStepsText ?? nextStepsForSession(conversation, 'markdown')).trim());

  lines.push('', '## Time per step', '', '| Step | Planned | Taken |', '| --- | ---: | ---: |');
  for (const time of stepTimes(conversation)) lines.push(`| ${inline(time.title)} | ${time.plannedMinutes} min | ${takenText(time)} |`);

  if (options.includePrivate) lines.push(...privateSection(conversation, prep));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

function privateSection(conversation: Session, prep: Preparation | null): string[] {
  const lines = ['', '## Private notes', ''];
  const notes = conversation.agenda.filter((step) => stepNote(conversation, step.id).trim());
  if (notes.length === 0) lines.push('None.');
  for (const step of notes) lines.push(`### ${inline(step.title)}`, '', block(stepNote(conversation, step.id)), '');
  if (prep) {
    const ticked = PREP_CHECKLIST.filter((item) => prep.checked.includes(item.id));
    lines.push('', '## Preparation', '');
    if (prep.outcome.trim()) lines.push('Desired outcome:', '', block(prep.outcome), '');
    lines.push(...(ticked.length ? ticked.map((item) => `- [x] ${inline(item.text)}`) : ['Checklist: nothing ticked.']));
    if (prep.notes.trim()) lines.push('', 'Notes:', '', block(prep.notes));
  }
  return lines.map((line) => line.trimEnd());
}

/** `kickoff-2026-11-24-sam.md`; a coach's template by its name; the label only as far as it is safe in a file name. */
export function markdownFilename(conversation: Session, label = ''): string {
  const kind = conversationKindOf(conversation);
  const prefix = kind === 'other' ? fileSlug(sessionTemplate(conversation).name) || 'conversation' : kind;
  const slug = fileSlug(label);
  return `${prefix}-${localDateStamp(conversation.startedAt)}${slug ? `-${slug}` : ''}.md`;
}
