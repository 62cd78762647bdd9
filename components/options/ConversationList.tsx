import type { ReadonlySignal, Signal } from '@preact/signals';
import type { ConversationSummary } from '../../utils/records/summary';

interface Props {
  query: Signal<string>;
  year: Signal<number | null>;
  years: ReadonlySignal<number[]>;
  visible: ReadonlySignal<ConversationSummary[]>;
  total: number;
  loaded: boolean;
  openId: string | null;
  onOpen: (id: string) => void;
}

const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Search, year and the list, newest first. A row is one button: its text says it all. */
export function ConversationList({ query, year, years, visible, total, loaded, openId, onOpen }: Props) {
  const shown = visible.value;
  return (
    <div class="list">
      <div class="list__filters">
        <label class="field">
          Search conversations
          <input id="conversation-search" type="search" value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} />
        </label>
        <label class="field">
          Year
          <select value={year.value ?? ''} onChange={(e) => (year.value = e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
            <option value="">All years</option>
            {years.value.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted" aria-live="polite">
        {!loaded ? 'Reading your conversations…' : shown.length === total ? count(total) : `${shown.length} of ${count(total)}`}
      </p>
      <ul class="list__items" aria-label="Conversations" aria-busy={!loaded}>
        {shown.map((summary) => (
          <Row key={summary.id} summary={summary} open={summary.id === openId} onOpen={onOpen} />
        ))}
      </ul>
      {loaded && shown.length === 0 && (
        <p class="muted">{total === 0 ? 'No conversations yet: they appear here once you start one in a meeting.' : 'No conversation matches.'}</p>
      )}
    </div>
  );
}

const count = (n: number) => `${n} conversation${n === 1 ? '' : 's'}`;

function Row({ summary, open, onOpen }: { summary: ConversationSummary; open: boolean; onOpen: (id: string) => void }) {
  return (
    <li>
      <button type="button" class="row" data-id={summary.id} aria-current={open ? 'true' : undefined} onClick={() => onOpen(summary.id)}>
        <span class="row__title">
          {summary.kind}
          {summary.label ? ` with ${summary.label}` : ''}
        </span>{' '}
        <span class="row__meta">
          {shortDate.format(summary.startedAt)}, {summary.platformLabel}
        </span>{' '}
        <span class="row__meta">
          {summary.plannedMinutes} min planned, {summary.actualMinutes} min taken, {summary.finished ? 'finished' : 'not finished'}
        </span>
      </button>
    </li>
  );
}
