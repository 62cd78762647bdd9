import { useEffect, useRef } from 'preact/hooks';
import { PLAYBOOKS, type PlaybookId } from '../../utils/agenda/playbooks';

interface ButtonsProps {
  open: PlaybookId | null;
  onOpen: (id: PlaybookId) => void;
}

/**
 * The two moments the guide prepares the coach for. Opening one puts its options where the
 * step was, one glance each; closing it goes back to the step and to the button pressed.
 */
export function PlaybookButtons({ open, onOpen }: ButtonsProps) {
  return (
    <div class="moments" role="group" aria-label="In the moment">
      {(['off-track', 'heated'] as const).map((id) => (
        <button
          key={id}
          type="button"
          class="button"
          data-playbook={id}
          aria-expanded={open === id}
          aria-controls={open === id ? 'playbook' : undefined}
          onClick={() => onOpen(id)}
        >
          {PLAYBOOKS[id].title}
        </button>
      ))}
    </div>
  );
}

export function PlaybookRegion({ id, onClose }: { id: PlaybookId; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const playbook = PLAYBOOKS[id];
  useEffect(() => heading.current?.focus(), [id]);
  return (
    <section id="playbook" class="playbook" role="region" aria-label="Playbook">
      <h2 ref={heading} tabIndex={-1} class="playbook__title">
        {playbook.title}
      </h2>
      {playbook.weigh && (
        <>
          <p class="playbook__label">Weigh</p>
          <ul>
            {playbook.weigh.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p class="playbook__label">Options</p>
      <ul>
        {playbook.options.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button type="button" class="button button--wide" onClick={onClose}>
        Back to the step
      </button>
    </section>
  );
}
