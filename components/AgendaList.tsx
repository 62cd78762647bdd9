import type { AgendaStep } from '../utils/agenda';

interface Props {
  agenda: AgendaStep[];
  current: number;
  onJump: (index: number) => void;
}

/** Every step is a button: clicking one jumps there. */
export function AgendaList({ agenda, current, onJump }: Props) {
  return (
    <nav class="agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title" class="agenda__title">
        Agenda
      </h2>
      <ol>
        {agenda.map((step, index) => (
          <li key={step.id}>
            <button
              type="button"
              class="agenda__item"
              aria-current={index === current ? 'step' : undefined}
              onClick={() => index !== current && onJump(index)}
            >
              <span class="agenda__number" aria-hidden="true">
                {index + 1}
              </span>
              <span class="agenda__name">{step.title}</span>
              <span class="agenda__minutes">
                {step.minutes}
                <span class="visually-hidden"> minutes</span>
                <span aria-hidden="true"> min</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
