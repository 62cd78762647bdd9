import { useLayoutEffect, useRef } from 'preact/hooks';
import { describeCadence } from '../../utils/session/capture';
import { goalsLabel, nextStepsForSession, type MessageFormat } from '../../utils/outputs/next-steps';
import { PREP_CHECKLIST, type Preparation } from '../../utils/session/preparation';
import { PLATFORM_LABEL, actualMs, conversationId, conversationName, platformOf, toMinutes } from '../../utils/records/conversation';
import { stepTimes } from '../../utils/records/step-times';
import { conversationKindOf, stepNote, templateLine, type Session } from '../../utils/session/session';
import { StepTimesChart } from './StepTimesChart';

interface Props {
  conversation: Session;
  preparation: Preparation | null;
  hideNotes: boolean;
  format: MessageFormat;
  onExport: () => void;
  onDelete: () => void;
  onClose: () => void;
}

const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** One conversation, whole and read-only. Private and preparation notes only while not hidden. */
export function ConversationDetail({ conversation, preparation, hideNotes, format, onExport, onDelete, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const id = conversationId(conversation);
  // Opening a conversation takes the reader to it (before the next key is read, hence layout);
  // a live update of the same one does not.
  useLayoutEffect(() => heading.current?.focus(), [id]);

  const label = preparation?.label.trim() ?? '';
  const { goals, support, secondConversation, cadence } = conversation.capture;
  const shared = (
    [
      [goalsLabel(conversationKindOf(conversation)), goals],
      ['Support from the manager', support],
      ['Second alignment conversation', secondConversation],
    ] as const
  ).filter(([, text]) => text.trim());
  const cadenceText = describeCadence(cadence);

  return (
    <article class="detail" aria-labelledby="detail-title">
      <h2 id="detail-title" class="detail__title" tabIndex={-1} ref={heading}>
        {conversationName(conversation)}
        {label ? ` with ${label}` : ' conversation'}
      </h2>
      <dl class="detail__facts">
        <dt>Date</dt>
        <dd>{longDate.format(conversation.startedAt)}</dd>
        <dt>Platform</dt>
        <dd>{PLATFORM_LABEL[platformOf(conversation.key)]}</dd>
        <dt>Template</dt>
        <dd>{templateLine(conversation)}</dd>
        <dt>Length</dt>
        <dd>
          {conversation.meetingMinutes} min planned, {toMinutes(actualMs(conversation))} min taken
        </dd>
        <dt>Finished</dt>
        <dd>{conversation.endedAt === null ? 'Not finished' : `Yes, at ${time.format(conversation.endedAt)}`}</dd>
      </dl>
      <div class="detail__actions">
        <button type="button" class="button" onClick={onExport}>
          Export Markdown
        </button>
        <button id="delete-conversation" type="button" class="button button--danger" onClick={onDelete}>
          Delete conversation
        </button>
        <button type="button" class="button" onClick={onClose}>
          Close
        </button>
      </div>

      <h3>Shared in the meeting</h3>
      {shared.length ? (
        <dl class="detail__shared">
          {shared.map(([name, text]) => [<dt key={`${name}-term`}>{name}</dt>, <dd key={name}>{text}</dd>])}
        </dl>
      ) : (
        <p class="muted">Nothing captured.</p>
      )}

      <h3>Check-in cadence</h3>
      <p>{cadenceText ? cadenceText.charAt(0).toUpperCase() + cadenceText.slice(1) : 'Not agreed.'}</p>

      <h3>Parked topics</h3>
      {conversation.parked.length ? (
        <ul class="detail__list">
          {conversation.parked.map((topic) => (
            <li key={topic.id}>{topic.text}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">None.</p>
      )}

      <h3>Next steps, as sent</h3>
      <p class="detail__text">{(conversation.nextStepsText ?? nextStepsForSession(conversation, format)).trim()}</p>

      <h3>Time per step</h3>
      <StepTimesChart times={stepTimes(conversation)} />

      {hideNotes ? (
        <p class="notes-hidden">Private notes are hidden.</p>
      ) : (
        <PrivateSection conversation={conversation} preparation={preparation} />
      )}
    </article>
  );
}

function PrivateSection({ conversation, preparation }: { conversation: Session; preparation: Preparation | null }) {
  const notes = conversation.agenda.filter((step) => stepNote(conversation, step.id).trim());
  const ticked = preparation ? PREP_CHECKLIST.filter((item) => preparation.checked.includes(item.id)) : [];
  return (
    <section class="detail__private" aria-labelledby="private-title">
      <h3 id="private-title">Private notes</h3>
      {notes.length ? (
        <dl>
          {notes.map((step) => [
            <dt key={`${step.id}-term`}>{step.title}</dt>,
            <dd key={step.id} class="detail__text">
              {stepNote(conversation, step.id)}
            </dd>,
          ])}
        </dl>
      ) : (
        <p class="muted">None.</p>
      )}
      {preparation && (
        <>
          <h3>Preparation</h3>
          {preparation.outcome.trim() && (
            <>
              <h4>Desired outcome</h4>
              <p class="detail__text">{preparation.outcome}</p>
            </>
          )}
          <h4>Checklist</h4>
          {ticked.length ? (
            <ul class="detail__list">
              {ticked.map((item) => (
                <li key={item.id}>{item.text}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">Nothing ticked.</p>
          )}
          {preparation.notes.trim() && (
            <>
              <h4>Notes</h4>
              <p class="detail__text">{preparation.notes}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}
