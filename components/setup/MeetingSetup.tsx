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
} from '../../utils/agenda/agenda';
import type { Preparation } from '../../utils/session/preparation';
import type { TemplateChoice } from '../../utils/templates/choice';
import { PreparationSelect } from './PreparationSelect';

/** A built-in by its id, or one of the coach's templates by its stored id. */
export type StartFrom = { template: TemplateId } | { templateId: string };

// Option values: the two kinds of id never meet, even if a coach's id were spelled like a built-in's.
const OWN = 'own:';

const builtInOptions = TEMPLATE_IDS.map((id) => (
  <option key={id} value={id}>
    {TEMPLATES[id].name}
  </option>
));

interface Props {
  /** Resolves once the start is stored or refused. */
  onStart: (minutes: MeetingLength, from: StartFrom, preparationId: string | null) => Promise<unknown>;
  preparations: Preparation[];
  /** The coach's own templates, from the background. */
  templates: TemplateChoice[];
  /** When this meeting link already held a conversation that is long over. */
  lastStartedAt?: number;
}

export function MeetingSetup({ onStart, preparations, templates, lastStartedAt }: Props) {
  const minutes = useSignal<MeetingLength>(DEFAULT_MEETING_LENGTH);
  const choice = useSignal<string>('kickoff');
  // A coach's template is resolved by the background, so its start shows only once stored: one click is enough.
  const starting = useSignal(false);
  const own = choice.value.startsWith(OWN) ? templates.find((t) => t.valid && OWN + t.id === choice.value) : undefined;
  // The chosen template was deleted or broken on the Templates page while this was open: say so,
  // and start nothing the coach did not choose.
  const lost = choice.value.startsWith(OWN) && !own;
  const builtIn: TemplateId = isTemplateId(choice.value) ? choice.value : 'kickoff';
  const title = lost ? 'Choose a conversation' : own ? own.name : `${TEMPLATES[builtIn].name} alignment conversation`;
  const intro = lost ? '' : own ? own.description : TEMPLATES[builtIn].summary;
  const preview = lost
    ? []
    : own
      ? own.steps.map((stepTitle, i) => ({ id: String(i), title: stepTitle, minutes: own.minutes[minutes.value][i] ?? 0 }))
      : buildAgenda(builtIn, minutes.value);
  // The latest preparation is most likely the one for this meeting; the coach can change it.
  const prepId = useSignal<string>(preparations[0]?.id ?? '');
  const linked = preparations.some((prep) => prep.id === prepId.value) ? prepId.value : '';

  return (
    <section class="setup" aria-labelledby="setup-title">
      <h2 id="setup-title" class="step__title">
        {title}
      </h2>
      {intro && <p class="setup__intro">{intro}</p>}
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
            value={own || lost ? choice.value : builtIn}
            aria-describedby={lost ? 'setup-lost' : undefined}
            onChange={(event) => (choice.value = event.currentTarget.value)}
          >
            {lost && (
              <option value={choice.value} disabled>
                Choose a conversation
              </option>
            )}
            {templates.length === 0 ? (
              builtInOptions
            ) : (
              <>
                <optgroup label="Built in">{builtInOptions}</optgroup>
                <optgroup label="Your templates">
                  {templates.map((t) => (
                    <option key={t.id} value={OWN + t.id} disabled={!t.valid}>
                      {t.valid ? t.name : `${t.name} (has problems to fix)`}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
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
      {lost && (
        <p id="setup-lost" class="notice">
          The template you chose was deleted or has problems to fix. Choose a conversation again.
        </p>
      )}
      {preparations.length > 0 && (
        <PreparationSelect id="setup-preparation" label="Preparation" preparations={preparations} value={linked} onChange={(id) => (prepId.value = id)} />
      )}
      <ol class="setup__agenda" aria-label="Agenda preview">
        {preview.map((step) => (
          <li key={step.id}>
            <span>{step.title}</span>
            <span class="agenda__minutes">{step.minutes} min</span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="button button--primary button--wide"
        aria-disabled={starting.value || lost ? 'true' : undefined}
        onClick={async () => {
          if (starting.value || lost) return;
          starting.value = true;
          await onStart(minutes.value, own ? { templateId: own.id } : { template: builtIn }, linked || null);
          starting.value = false;
        }}
      >
        Start conversation
      </button>
      {/* The button keeps its name (the interface contract); the wait is said beside it. */}
      <p class="setup__starting" role="status">
        {starting.value ? 'Starting…' : ''}
      </p>
    </section>
  );
}
