import type { ConversationsModel } from '../../entrypoints/options/conversations-model';
import { LIST_PAGE } from '../../entrypoints/options/conversations-model';
import type { ConversationSummary } from '../../utils/records/summary';

interface Props {
  model: ConversationsModel;
  loaded: boolean;
  onOpen: (id: string) => void;
}

const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Search, year and the list, newest first. A row is one button: its text says it all. */
export function ConversationList({ model, loaded, onOpen }: Props) {
  const total = model.summaries.value.length;
  const matching = model.visible.value.length;
  const drawn = model.drawn.value;
  const openId = model.openId.value;
  return (
    <div class="list">
      <div class="list__filters">
        <label class="field">
          Search conversations
          <input id="conversation-search" type="search" value={model.query.value} onInput={(e) => model.filter({ query: e.currentTarget.value })} />
        </label>
        <label class="field">
          Year
          <select value={model.year.value ?? ''} onChange={(e) => model.filter({ year: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
            <option value="">All years</option>
            {model.years.value.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted" aria-live="polite">
        {!loaded ? 'Reading your conversations…' : countText(drawn.length, matching, total)}
      </p>
      <ul class="list__items" aria-label="Conversations" aria-busy={!loaded}>
        {drawn.map((summary) => (
          <Row key={summary.id} summary={summary} open={summary.id === openId} onOpen={onOpen} />
        ))}
      </ul>
      {drawn.length < matching && (
        <button type="button" class="button" onClick={model.showMore}>
          Show {Math.min(LIST_PAGE, matching - drawn.length)} more
        </button>
      )}
      {loaded && matching === 0 && (
        <p class="muted">{total === 0 ? 'No conversations yet: they appear here once you start one in a meeting.' : 'No conversation matches.'}</p>
      )}
    </div>
  );
}

const count = (n: number) => `${n.toLocaleString()} conversation${n === 1 ? '' : 's'}`;

function countText(drawn: number, matching: number, total: number): string {
  const found = matching === total ? count(total) : `${matching.toLocaleString()} of ${count(total)}`;
  return drawn < matching ? `${found}, the newest ${drawn} shown` : found;
}

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
