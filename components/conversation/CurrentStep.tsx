import { LEAD_LABEL, OBJECTIVES, type AgendaStep } from '../../utils/agenda/agenda';

interface Props {
  step: AgendaStep;
  index: number;
  total: number;
}

export function CurrentStep({ step, index, total }: Props) {
  return (
    <section class="step" aria-labelledby="step-title">
      <p class="step__meta">
        <span>
          Step {index + 1} of {total}
        </span>
        <span class={`lead lead--${step.lead}`}>{LEAD_LABEL[step.lead]}</span>
      </p>
      <h2 id="step-title" class="step__title" tabIndex={-1}>
        {step.title}
      </h2>
      {step.prompt && (
        <p class="step__prompt">
          <span class="visually-hidden">You could say: </span>
          {step.prompt}
        </p>
      )}
      <ul class="step__points">
        {step.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      {step.guardrails.length > 0 && (
        <ul class="step__guardrails" aria-label="Mind in this step">
          {step.guardrails.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {step.objectives && (
        <details class="objectives">
          <summary>Meeting objectives</summary>
          <ol>
            {OBJECTIVES.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
