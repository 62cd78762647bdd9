import { useSignal } from '@preact/signals';
import {
  DEFAULT_MEETING_LENGTH,
  MEETING_LENGTHS,
  TEMPLATES,
  TEMPLATE_IDS,
  buildAgenda,
  isMeetingLength,
  isTemplateId,
  type MeetingLength,
  type TemplateId,
} from '../utils/agenda/agenda';
import type { Preparation } from '../utils/session/preparation';
import { PreparationSelect } from './PreparationSelect';

interface Props {
  onStart: (minutes: MeetingLength, template: TemplateId, preparationId: string | null) => void;
  preparations: Preparation[];
  /** When this meeting link already held a conversation that is long over. */
  lastStartedAt?: number;
}

export function MeetingSetup({ onStart, preparations, lastStartedAt }: Props) {
  const minutes = useSignal<MeetingLength>(DEFAULT_MEETING_LENGTH);
  const template = useSignal<TemplateId>('kickoff');
  // The latest preparation is most likely the one for this meeting; the coach can change it.
  const prepId = useSignal<string>(preparations[0]?.id ?? '');
  const linked = preparations.some((prep) => prep.id === prepId.value) ? prepId.value : '';

  return (
    <section class="setup" aria-labelledby="setup-title">
      <h2 id="setup-title" class="step__title">
        {TEMPLATES[template.value].name} alignment conversation
      </h2>
      <p class="setup__intro">{TEMPLATES[template.value].summary}</p>
      {lastStartedAt !== undefined && (
        <p class="notice">
          This meeting link was last used for a conversation on {new Date(lastStartedAt).toLocaleDateString()}. Starting
          keeps that one in your history.
        </p>
      )}
      <div class="setup__choices">
        <div class="field">
          <label for="setup-conversation">Conversation</label>
          <select
            id="setup-conversation"
            value={template.value}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isTemplateId(value)) template.value = value;
            }}
          >
            {TEMPLATE_IDS.map((id) => (
              <option key={id} value={id}>
                {TEMPLATES[id].name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="setup-length">Meeting length</label>
          <select
            id="setup-length"
            value={String(minutes.value)}
            onChange={(event) => {
              const value = Number(event.currentTarget.value);
              if (isMeetingLength(value)) minutes.value = value;
            }}
          >
            {MEETING_LENGTHS.map((length) => (
              <option key={length} value={String(length)}>
                {length} minutes
              </option>
            ))}
          </select>
        </div>
      </div>
      {preparations.length > 0 && (
        <PreparationSelect id="setup-preparation" label="Preparation" preparations={preparations} value={linked} onChange={(id) => (prepId.value = id)} />
      )}
      <ol class="setup__agenda" aria-label="Agenda preview">
        {buildAgenda(template.value, minutes.value).map((step) => (
          <li key={step.id}>
            <span>{step.title}</span>
            <span class="agenda__minutes">{step.minutes} min</span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="button button--primary button--wide"
        onClick={() => onStart(minutes.value, template.value, linked || null)}
      >
        Start conversation
      </button>
    </section>
  );
}
