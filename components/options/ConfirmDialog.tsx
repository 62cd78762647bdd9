import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The button that goes ahead; Cancel is the other, and has the focus. */
  confirm: string;
  answer: (confirmed: boolean) => void;
}

/**
 * A modal `<dialog>`: the rest of the page is inert while it is open, Escape cancels, and the
 * focus starts on Cancel so that Enter never deletes by accident. Where the focus goes after is
 * for the caller, who knows what is still on the page.
 */
export function ConfirmDialog({ request }: { request: ConfirmRequest | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);

  useEffect(() => {
    const element = dialog.current!;
    if (request && !element.open) {
      answered.current = false;
      element.showModal();
      cancel.current?.focus();
    } else if (!request && element.open) {
      element.close();
    }
  }, [request]);

  function answer(confirmed: boolean) {
    if (answered.current || !request) return;
    answered.current = true;
    dialog.current?.close();
    request.answer(confirmed);
  }

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={() => answer(false)}>
      <h2 id="confirm-title" class="dialog__title">
        {request?.title}
      </h2>
      <p id="confirm-body">{request?.body}</p>
      <div class="dialog__actions">
        <button ref={cancel} type="button" class="button" onClick={() => answer(false)}>
          Cancel
        </button>
        <button type="button" class="button button--danger" onClick={() => answer(true)}>
          {request?.confirm}
        </button>
      </div>
    </dialog>
  );
}
