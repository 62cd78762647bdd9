/**
 * The Conversations page's side of the records port. Chrome stops an idle service worker, and its
 * ports with it, so the page connects when it has something to ask and again when the port has
 * dropped. A request still unanswered when the port drops is sent once more: every request is
 * safe to repeat (a deleted conversation stays deleted, an import skips what is already there).
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { RECORDS_PORT, parseRecordsAnswer, type RecordsRequest as RecordsOnly, type TemplateRequest } from '../../utils/session/protocol';

/** The records requests and the Templates section's, on the same port. */
type RecordsRequest = RecordsOnly | TemplateRequest;

export type RecordsReply = { ok: true; status: string } | { ok: false; reason: string };

/** Requests as the page writes them: the client gives each its id. */
export type RecordsAsk = RecordsRequest extends infer R ? (R extends RecordsRequest ? Omit<R, 'id'> : never) : never;

interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

const RESENDS = 2;
const GONE = 'The extension was updated or stopped. Reload this page and try again.';

export function createRecordsClient(connect: () => PortLike = () => browser.runtime.connect({ name: RECORDS_PORT })) {
  /** What the background did on its own (a clean-up when the page opened), for the status line. */
  const notice = signal<string | null>(null);
  const waiting = new Map<string, { request: RecordsRequest; resends: number; settle: (reply: RecordsReply) => void }>();
  let port: PortLike | null = null;

  function open(): PortLike | null {
    if (port) return port;
    try {
      const opened = connect();
      opened.onMessage.addListener(onAnswer);
      opened.onDisconnect.addListener(() => {
        if (port === opened) port = null;
        resend();
      });
      return (port = opened);
    } catch {
      return null;
    }
  }

  /** False when no port would take it, even a fresh one. */
  function send(request: RecordsRequest): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      const target = open();
      if (!target) return false;
      try {
        target.postMessage(request);
        return true;
      } catch {
        // A port the worker dropped before we heard of it: the next attempt opens a new one.
        if (port === target) port = null;
      }
    }
    return false;
  }

  function finish(id: string, reply: RecordsReply) {
    const entry = waiting.get(id);
    waiting.delete(id);
    entry?.settle(reply);
  }

  function resend() {
    for (const [id, entry] of [...waiting]) {
      if (entry.resends++ >= RESENDS || !send(entry.request)) finish(id, { ok: false, reason: GONE });
    }
  }

  function onAnswer(raw: unknown) {
    const answer = parseRecordsAnswer(raw);
    if (!answer) return;
    if (answer.kind === 'notice') notice.value = answer.status;
    else finish(answer.id, answer.kind === 'done' ? { ok: true, status: answer.status } : { ok: false, reason: answer.reason });
  }

  return {
    notice,
    /** Connects now, so the background cleans up as the page opens. */
    open: () => void open(),
    ask(ask: RecordsAsk): Promise<RecordsReply> {
      const request = { ...ask, id: crypto.randomUUID() } as RecordsRequest;
      return new Promise((settle) => {
        waiting.set(request.id, { request, resends: 0, settle });
        if (!send(request)) finish(request.id, { ok: false, reason: GONE });
      });
    },
  };
}

export type RecordsClient = ReturnType<typeof createRecordsClient>;
