/**
 * The list's state: search, year, the open conversation. Summaries are built (sorted, text
 * folded) only when the records change; a keystroke filters the ready list and nothing more.
 * At most LIST_PAGE rows are drawn until the coach asks for more: drawing a thousand rows costs
 * more than reading and sorting a thousand conversations.
 */
import { computed, signal } from '@preact/signals';
import type { Preparation } from '../../utils/session/preparation';
import { planRetention } from '../../utils/records/retention';
import { conversationYears, filterConversations, summarizeConversations } from '../../utils/records/summary';
import type { Session } from '../../utils/session/session';
import { conversationId } from '../../utils/records/conversation';
import type { RecordsView } from './records-view';

export const LIST_PAGE = 100;

export function createConversationsModel(view: RecordsView, now: () => number = Date.now) {
  const query = signal('');
  const year = signal<number | null>(null);
  const limit = signal(LIST_PAGE);
  const openId = signal<string | null>(null);

  const summaries = computed(() => summarizeConversations(view.records.value?.conversations ?? [], view.records.value?.preparations ?? []));
  const years = computed(() => conversationYears(summaries.value));
  const byId = computed(() => new Map((view.records.value?.conversations ?? []).map((c) => [conversationId(c), c] as const)));
  const preparations = computed(() => new Map((view.records.value?.preparations ?? []).map((p) => [p.id, p] as const)));
  const visible = computed(() =>
    filterConversations(summaries.value, { query: query.value, year: year.value, includePrivate: !view.preferences.value.hideNotes }),
  );
  const drawn = computed(() => visible.value.slice(0, limit.value));
  /** The open conversation; null once it is deleted, here or anywhere else. */
  const opened = computed((): { conversation: Session; preparation: Preparation | null } | null => {
    const conversation = openId.value === null ? undefined : byId.value.get(openId.value);
    if (!conversation) return null;
    return { conversation, preparation: (conversation.preparationId && preparations.value.get(conversation.preparationId)) || null };
  });
  /** When the oldest record kept passes the period; null for Forever or nothing stored. */
  const nextDeletion = computed(() => {
    const records = view.records.value;
    // The newest page alone would name a date too late: wait for the whole list.
    if (!records || !view.complete.value) return null;
    return planRetention(records.keepFor, records.conversations, records.preparations, now()).nextDueAt;
  });

  return {
    query,
    year,
    openId,
    summaries,
    years,
    visible,
    drawn,
    opened,
    nextDeletion,
    /** A new search or year starts from the top again. */
    filter(change: { query?: string; year?: number | null }) {
      if (change.query !== undefined) query.value = change.query;
      if (change.year !== undefined) year.value = change.year;
      limit.value = LIST_PAGE;
    },
    showMore: () => (limit.value += LIST_PAGE),
  };
}

export type ConversationsModel = ReturnType<typeof createConversationsModel>;
