import { useLayoutEffect, useRef } from 'preact/hooks';

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
  /** The request on screen; answered once, then cleared. */
  const shown = useRef<ConfirmRequest | null>(null);

  useLayoutEffect(() => {
    const element = dialog.current!;
    if (request && !element.open) {
      shown.current = request;
      element.showModal();
      cancel.current?.focus();
    } else if (!request && element.open) {
      shown.current = null;
      element.close();
    }
  }, [request]);

  function answer(confirmed: boolean) {
    const current = shown.current;
    if (!current) return;
    shown.current = null;
    dialog.current?.close();
    current.answer(confirmed);
  }

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      // Escape is answered at once: the close event comes a task later, when the coach may
      // already have opened the next confirmation.
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
      // A close the browser made without a cancel event (a second Escape in quick succession).
      onClose={() => dialog.current?.open === false && answer(false)}
    >
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
