import type { ReadonlySignal } from '@preact/signals';
import type { AgendaStep } from '../../utils/agenda/agenda';

interface Props {
  agenda: AgendaStep[];
  current: number;
  /** Per step, space-separated: minutes spent (behind), budget (current), share of the time left (ahead). */
  minutes: ReadonlySignal<string>;
  onJump: (index: number) => void;
}

/** Every step is a button: clicking one jumps there. Steps ahead show their adjusted minutes. */
export function AgendaList({ agenda, current, minutes: minutesKey, onJump }: Props) {
  const shown = minutesKey.value.split(' ');
  return (
    <nav class="agenda" aria-label="Agenda">
      <h2 id="agenda-title" class="section__title">
        Agenda
      </h2>
      <ol>
        {agenda.map((step, index) => {
          const minutes = shown[index] ?? '';
          const changed = index > current && minutes !== String(step.minutes);
          return (
            <li key={step.id}>
              <button
                type="button"
                class="agenda__item"
                data-done={String(index < current)}
                aria-current={index === current ? 'step' : undefined}
                onClick={() => index !== current && onJump(index)}
              >
                <span class="agenda__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span class="agenda__name">{step.title}</span>
                <span class="agenda__minutes" data-changed={String(changed)}>
                  {minutes}
                  <span aria-hidden="true"> min</span>
                  <span class="visually-hidden">
                    {index < current ? ' minutes spent' : ' minutes'}
                    {changed ? `, planned ${step.minutes}` : ''}
                  </span>
                  {changed && (
                    <s class="agenda__planned" aria-hidden="true">
                      {step.minutes}
                    </s>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
