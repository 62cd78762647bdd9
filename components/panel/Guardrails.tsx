import { GUARDRAILS } from '../../utils/agenda/agenda';
import { sessionTemplate, type Session } from '../../utils/session/session';

/** Always on screen, in every view: the promises the coach keeps in this meeting (the session's template's, once started). */
export function Guardrails({ session }: { session?: Session | null } = {}) {
  const lines = session ? sessionTemplate(session).guardrails : [...GUARDRAILS];
  return (
    <section class="guardrails" aria-label="Guardrails">
      <h2 id="guardrails-title" class="guardrails__title">
        Guardrails
      </h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
