import { GUARDRAILS } from '../utils/agenda/agenda';

/** Always on screen, in every view: the promises the coach keeps in this meeting. */
export function Guardrails() {
  return (
    <section class="guardrails" aria-label="Guardrails">
      <h2 id="guardrails-title" class="guardrails__title">
        Guardrails
      </h2>
      <ul>
        {GUARDRAILS.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
