import { useSignal } from '@preact/signals';
import { LIMITS } from '../../utils/session/limits';
import type { ParkedTopic } from '../../utils/session/session';

interface Props {
  topics: ParkedTopic[];
  onPark: (text: string) => Promise<string | null>;
  onUnpark: (topicId: string) => void;
}

/** Topics that came up and belong in their next 1:1; they flow into the next steps. */
export function ParkingLot({ topics, onPark, onUnpark }: Props) {
  const text = useSignal('');
  const full = topics.length >= LIMITS.parkedTopics;

  async function park(event: Event) {
    event.preventDefault();
    if (!text.value.trim() || full) return;
    const typed = text.value;
    text.value = '';
    // Refused (say, the lot is full): give the words back rather than lose them.
    if ((await onPark(typed)) !== null) text.value = typed;
  }

  return (
    <section class="parking" aria-label="Parking lot">
      <h2 id="parking-title" class="section__title">
        Parking lot
      </h2>
      <form class="parking__form" onSubmit={park}>
        <label class="visually-hidden" for="parked-topic">
          Parked topic
        </label>
        <input
          id="parked-topic"
          type="text"
          maxLength={LIMITS.parkedTopic}
          placeholder="A topic for their next 1:1"
          value={text.value}
          onInput={(event) => (text.value = event.currentTarget.value)}
        />
        <button type="submit" class="button" aria-disabled={full}>
          Park topic
        </button>
      </form>
      {topics.length > 0 && (
        <ul class="parking__list" aria-label="Parked topics">
          {topics.map((topic) => (
            <li key={topic.id}>
              <span>{topic.text}</span>
              <button type="button" class="button button--small" aria-label={`Remove ${topic.text}`} onClick={() => onUnpark(topic.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {topics.length === 0 && <p class="muted">Nothing parked.</p>}
    </section>
  );
}
