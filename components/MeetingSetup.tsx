import { useSignal } from '@preact/signals';
import { DEFAULT_MEETING_LENGTH, MEETING_LENGTHS, isMeetingLength, kickoffAgenda, type MeetingLength } from '../utils/agenda';

interface Props {
  onStart: (minutes: MeetingLength) => void;
  busy: boolean;
}

export function MeetingSetup({ onStart, busy }: Props) {
  const minutes = useSignal<MeetingLength>(DEFAULT_MEETING_LENGTH);
  return (
    <section class="setup" aria-labelledby="setup-title">
      <h2 id="setup-title" class="step__title">
        Kickoff alignment conversation
      </h2>
      <p class="setup__intro">Coach, coachee and manager agree on the coaching goals and how to support them.</p>
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
      <button type="button" class="button button--primary button--wide" aria-disabled={busy} onClick={() => !busy && onStart(minutes.value)}>
        Start conversation
      </button>
    </section>
  );
}
