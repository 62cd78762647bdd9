/**
 * The Conversations list: one line per conversation, and the search over them. The text to
 * search is folded once when the list is built, so a keystroke is a scan of ready strings:
 * well within the page's budget at a thousand conversations.
 */
import type { MeetingLength } from '../agenda/agenda';
import { describeCadence } from '../session/capture';
import type { Platform } from '../meeting/meeting-identity';
import { prepTitle, type Preparation } from '../session/preparation';
import { sessionTemplate, type Session } from '../session/session';
import { PLATFORM_LABEL, actualMs, conversationId, conversationName, platformOf, toMinutes } from './conversation';

export interface ConversationSummary {
  /** See conversationId: the meeting and the start. */
  id: string;
  key: string;
  startedAt: number;
  endedAt: number | null;
  finished: boolean;
  platform: Platform;
  platformLabel: string;
  /** `Kickoff`, `Closing`, or the name of the coach's template it started from. */
  kind: string;
  /** The template it started from, as copied at the start (issue 12); built-in name and version 1 for older ones. */
  templateName: string;
  templateVersion: number;
  preparationId: string | null;
  /** The coachee's label from the linked preparation; empty when none is linked or it was deleted. */
  label: string;
  plannedMinutes: MeetingLength;
  actualMinutes: number;
  /** In the coach's time zone, for the year filter. */
  year: number;
  /** Folded text for the search: label and what was shared. */
  sharedText: string;
  /** Folded private and preparation notes, searched only when the coach asks. */
  privateText: string;
}

export interface ConversationFilter {
  query?: string;
  year?: number | null;
  /** Search the private and preparation notes too (only while they are shown). */
  includePrivate?: boolean;
}

/** Case and accents do not matter: `Rene` finds `René`. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Newest first. */
export function summarizeConversations(
  conversations: readonly Session[],
  preparations: readonly Preparation[],
  locale?: string,
): ConversationSummary[] {
  const prepById = new Map(preparations.map((prep) => [prep.id, prep]));
  return conversations
    .map((conversation) => summarize(conversation, conversation.preparationId ? prepById.get(conversation.preparationId) : undefined, locale))
    .sort((a, b) => b.startedAt - a.startedAt || a.key.localeCompare(b.key));
}

function summarize(conversation: Session, prep: Preparation | undefined, locale?: string): ConversationSummary {
  const label = prep ? prepTitle(prep, locale) : '';
  const { goals, support, secondConversation, cadence } = conversation.capture;
  const shared = [
    label,
    // The kind and the platform as the list shows them, so "closing" or "zoom" finds those.
    conversationName(conversation),
    PLATFORM_LABEL[platformOf(conversation.key)] ?? '',
    goals,
    support,
    secondConversation,
    describeCadence(cadence),
    ...conversation.parked.map((topic) => topic.text),
    conversation.nextStepsText ?? '',
  ];
  const notes = [...Object.values(conversation.notes), prep?.outcome ?? '', prep?.notes ?? ''];
  return {
    id: conversationId(conversation),
    key: conversation.key,
    startedAt: conversation.startedAt,
    endedAt: conversation.endedAt,
    finished: conversation.endedAt !== null,
    platform: platformOf(conversation.key),
    platformLabel: PLATFORM_LABEL[platformOf(conversation.key)] ?? conversation.key,
    kind: conversationName(conversation),
    templateName: sessionTemplate(conversation).name,
    templateVersion: sessionTemplate(conversation).version,
    preparationId: conversation.preparationId,
    label,
    plannedMinutes: conversation.meetingMinutes,
    actualMinutes: toMinutes(actualMs(conversation)),
    year: new Date(conversation.startedAt).getFullYear(),
    sharedText: foldText(shared.filter(Boolean).join('\n')),
    privateText: foldText(notes.filter(Boolean).join('\n')),
  };
}

/** Every word of the query must appear, in any order; an empty query matches everything. */
export function filterConversations(summaries: readonly ConversationSummary[], filter: ConversationFilter): ConversationSummary[] {
  const words = foldText(filter.query ?? '').split(/\s+/).filter(Boolean);
  const year = filter.year ?? null;
  return summaries.filter((summary) => {
    if (year !== null && summary.year !== year) return false;
    if (words.length === 0) return true;
    return words.every((word) => summary.sharedText.includes(word) || (filter.includePrivate === true && summary.privateText.includes(word)));
  });
}

/** The years that have conversations, newest first: the options of the year filter. */
export function conversationYears(summaries: readonly ConversationSummary[]): number[] {
  return [...new Set(summaries.map((summary) => summary.year))].sort((a, b) => b - a);
}
