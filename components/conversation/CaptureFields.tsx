import type { CaptureField } from '../../utils/agenda/agenda';
import { CADENCE_FREQUENCIES, CADENCE_PLACES, FREQUENCY_LABEL, PLACE_LABEL, type Cadence, type Capture, type TextCaptureField } from '../../utils/session/capture';
import { LIMITS } from '../../utils/session/limits';
import type { Command, ConversationKind } from '../../utils/session/session';
import { SyncedText } from './SyncedText';

interface Props {
  fields: CaptureField[];
  capture: Capture;
  conversation: ConversationKind;
  send: (command: Command) => Promise<string | null>;
}

const TEXT_LABEL: Record<ConversationKind, Record<TextCaptureField, string>> = {
  kickoff: { goals: 'Goals shared', support: 'Support offered', secondConversation: 'Second conversation' },
  other: { goals: 'Goals shared', support: 'Support offered', secondConversation: 'Second conversation' },
  closing: { goals: 'Progress shared', support: 'Support going forward', secondConversation: 'Second conversation' },
};

const TEXT_HINT: Record<TextCaptureField, string> = {
  goals: 'Only what the coachee chose to share.',
  support: 'What the manager offered to do.',
  secondConversation: 'When, e.g. “in May, near the end”.',
};

/** The step's fields for what is agreed to be shared: they, and only they, feed the next steps. */
export function CaptureFields({ fields, capture, conversation, send }: Props) {
  if (fields.length === 0) return null;
  return (
    <section class="capture" aria-label="Capture for the next steps">
      <h2 id="capture-title" class="section__title">
        Capture for the next steps
      </h2>
      {fields.map((field) =>
        field === 'cadence' ? (
          <CadenceField key={field} cadence={capture.cadence} send={send} />
        ) : (
          <SyncedText
            key={field}
            label={TEXT_LABEL[conversation][field]}
            hint={TEXT_HINT[field]}
            value={capture[field]}
            limit={LIMITS.capture}
            rows={field === 'secondConversation' ? 1 : 3}
            onCommit={(text) => send({ type: 'capture', field, text })}
          />
        ),
      )}
    </section>
  );
}

const NO_CADENCE: Cadence = { frequency: 'biweekly', custom: '', where: 'one-on-one' };

function CadenceField({ cadence, send }: { cadence: Cadence | null; send: Props['send'] }) {
  const current = cadence ?? NO_CADENCE;
  const set = (change: Partial<Cadence>) => void send({ type: 'cadence', cadence: { ...current, ...change } });
  return (
    <div class="cadence field">
      <label for="cadence-frequency">Check-in cadence</label>
      <select
        id="cadence-frequency"
        value={cadence ? cadence.frequency : ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === '') void send({ type: 'cadence', cadence: null });
          else set({ frequency: value as Cadence['frequency'] });
        }}
      >
        <option value="">Not agreed yet</option>
        {CADENCE_FREQUENCIES.map((frequency) => (
          <option key={frequency} value={frequency}>
            {FREQUENCY_LABEL[frequency]}
          </option>
        ))}
      </select>
      {cadence?.frequency === 'custom' && (
        <label class="field">
          <span>Cadence in your words</span>
          <input
            type="text"
            maxLength={LIMITS.cadenceCustom}
            value={cadence.custom}
            placeholder="e.g. after each quarterly review"
            onChange={(event) => set({ custom: event.currentTarget.value })}
          />
        </label>
      )}
      {cadence && (
        <div class="cadence__where" role="radiogroup" aria-label="Where they check in">
          {CADENCE_PLACES.map((place) => (
            <label key={place} class="choice">
              <input type="radio" name="cadence-where" checked={cadence.where === place} onChange={() => set({ where: place })} />
              {PLACE_LABEL[place]}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
