import { useSignal } from '@preact/signals';
import { DEFAULT_MEETING_LENGTH, MEETING_LENGTHS, isMeetingLength, kickoffAgenda, type MeetingLength } from '../utils/agenda';

interface Props {
  onStart: (minutes: MeetingLength) => void;
  /** When this meeting link already held a conversation that is long over. */
  lastStartedAt?: number;
}

export function MeetingSetup({ onStart, lastStartedAt }: Props) {
  const minutes = useSignal<MeetingLength>(DEFAULT_MEETING_LENGTH);
  return (
    <section class="setup" aria-labelledby="setup-title">
      <h2 id="setup-title" class="step__title">
        Kickoff alignment conversation
      </h2>
      <p class="setup__intro">Coach, coachee and manager agree on the coaching goals and how to support them.</p>
      {lastStartedAt !== undefined && (
        <p class="notice">
          This meeting link was last used for a conversation on {new Date(lastStartedAt).toLocaleDateString()}. Starting
          keeps that one in your history.
        </p>
      )}
      <label class="field">
        <span>Meeting length</span>
        <select
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
      </label>
      <ol class="setup__agenda" aria-label="Agenda preview">
        {kickoffAgenda(minutes.value).map((step) => (
          <li key={step.id}>
            <span>{step.title}</span>
            <span class="agenda__minutes">{step.minutes} min</span>
          </li>
        ))}
      </ol>
      <button type="button" class="button button--primary button--wide" onClick={() => onStart(minutes.value)}>
        Start conversation
      </button>
    </section>
  );
}
