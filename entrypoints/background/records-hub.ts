/**
 * The background's side of the Conversations page. The page reads the database itself; what it
 * changes (delete, delete everything, how long to keep records, import, hiding private notes)
 * comes here on a port, so the background stays the only writer. Only our options page may
 * connect; each request is checked (utils/session/protocol.ts) and answered once, with one sentence.
 */
import {
  RECORDS_PORT,
  parseRecordsRequest,
  parseTemplateRequest,
  recordsRequestId,
  type LibraryCommand,
  type RecordsAnswer,
  type RecordsRequest,
  type TemplateRequest,
} from '../../utils/session/protocol';
import { parseBackup } from '../../utils/records/backup';
import { RETENTION_LABEL } from '../../utils/records/retention';
import type { RecordCounts, RecordsStore, RetentionResult } from './records-store';
import type { HubPort } from './session-hub';

/** A port as the hub uses it: the session hub's, speaking the records protocol. */
export type RecordsPort = Omit<HubPort, 'postMessage'> & { postMessage(message: RecordsAnswer): void };

export interface RecordsHubOptions {
  store: RecordsStore;
  extensionId: string;
  /** The options page's URL; only that page may change records. */
  optionsUrl: string;
  /**
   * Applies a preference the way the panel's own toggle does, so every open panel hears of it
   * (the session hub's runLibraryCommand). Without it `hide-notes` is refused.
   */
  runLibraryCommand?: (id: string, command: LibraryCommand) => Promise<{ ok: boolean } | void>;
  /**
   * After records were deleted or imported, or templates changed: open panels show what is stored
   * now (the session hub's refresh). A template change reaches only their Conversation choice.
   */
  onRecordsChanged?: (what: RecordsChange) => void;
  now?: () => number;
  /** Ids for imported templates whose id is taken. */
  makeId?: () => string;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "3 conversations and 1 preparation", for what was deleted. */
export function countsText({ conversations, preparations }: RecordCounts): string {
  return `${count(conversations, 'conversation')} and ${count(preparations, 'preparation')}`;
}

function retentionText(result: RetentionResult): string | null {
  const gone = result.conversations.length + result.preparationIds.length;
  return gone === 0 ? null : `Deleted ${countsText({ conversations: result.conversations.length, preparations: result.preparationIds.length })} older than you keep records.`;
}

export type RecordsChange = 'records' | 'templates';

export function createRecordsHub({ store, extensionId, optionsUrl, runLibraryCommand, onRecordsChanged, now = Date.now, makeId = () => crypto.randomUUID() }: RecordsHubOptions) {
  function isOptionsPage(port: RecordsPort): boolean {
    const url = port.sender?.url ?? '';
    return (
      port.name === RECORDS_PORT &&
      port.sender?.id === extensionId &&
      (url === optionsUrl || url.startsWith(`${optionsUrl}#`) || url.startsWith(`${optionsUrl}?`))
    );
  }

  async function handle(request: RecordsRequest | TemplateRequest): Promise<{ ok: true; status: string } | { ok: false; reason: string }> {
    switch (request.kind) {
      case 'template-save':
        return store.saveTemplate(request.template, now());
      case 'template-delete':
        return { ok: true, status: (await store.deleteTemplate(request.template)) ? 'Template deleted.' : 'That template was already deleted.' };
      case 'template-import':
        return store.importTemplate(request.text, now(), makeId);
      case 'delete':
        // Gone either way: a repeat after a dropped answer is not an error.
        return { ok: true, status: (await store.delete(request.conversation)) ? 'Conversation deleted.' : 'That conversation was already deleted.' };
      case 'delete-everything': {
        const gone = await store.deleteEverything();
        return { ok: true, status: `Deleted ${countsText(gone)}, and your settings.` };
      }
      case 'keep-for': {
        await store.setKeepFor(request.period);
        const swept = retentionText(await store.applyRetention(now()));
        const kept = request.period === 'forever' ? 'Conversations are kept until you delete them.' : `Conversations are kept for ${RETENTION_LABEL[request.period].toLowerCase()}.`;
        return { ok: true, status: swept ? `${kept} ${swept}` : kept };
      }
      case 'hide-notes': {
        const result = await runLibraryCommand?.(request.id, { type: 'preference', name: 'hideNotes', value: request.hidden });
        if (!result?.ok) return { ok: false, reason: 'The setting could not be saved. Try again.' };
        return { ok: true, status: request.hidden ? 'Private notes hidden.' : 'Private notes shown.' };
      }
      case 'import': {
        const parsed = parseBackup(request.text);
        if (!parsed.ok) return parsed;
        const result = await store.importBackup(parsed.backup, now());
        return result.ok ? { ok: true, status: result.status } : result;
      }
    }
  }

  async function onMessage(port: RecordsPort, raw: unknown) {
    const request = parseRecordsRequest(raw) ?? parseTemplateRequest(raw);
    if (!request) {
      const id = recordsRequestId(raw);
      if (id) safePost(port, { kind: 'refused', id, reason: 'The extension did not understand that request, so nothing changed.' });
      return;
    }
    try {
      const answer = await handle(request);
      if (answer.ok && request.kind !== 'hide-notes') onRecordsChanged?.(request.kind.startsWith('template-') ? 'templates' : 'records');
      safePost(port, answer.ok ? { kind: 'done', id: request.id, status: answer.status } : { kind: 'refused', id: request.id, reason: answer.reason });
    } catch (error) {
      // Every change is one transaction: when it fails, nothing of it is stored.
      safePost(port, { kind: 'refused', id: request.id, reason: storageFailureText(error) });
    }
  }

  /** The page opening is a moment to clean up, as a panel opening is; the page hears what went. */
  async function sweep(port: RecordsPort) {
    try {
      const status = retentionText(await store.applyRetention(now()));
      if (status) safePost(port, { kind: 'notice', status });
    } catch {
      // The next opening tries again; nothing is half-deleted.
    }
  }

  return {
    connect(port: RecordsPort) {
      if (!isOptionsPage(port)) {
        port.disconnect();
        return;
      }
      port.onMessage.addListener((raw) => void onMessage(port, raw));
      void sweep(port);
    },
  };
}

function safePost(port: RecordsPort, message: RecordsAnswer) {
  try {
    port.postMessage(message);
  } catch {
    // The page closed before the answer; what was done is in the database it reads.
  }
}

function storageFailureText(error: unknown): string {
  const names = [error instanceof Error ? error.name : '', (error as { inner?: Error } | null)?.inner?.name ?? ''];
  if (names.includes('QuotaExceededError')) return 'The browser is out of storage space for this extension, so nothing changed.';
  return 'The browser’s storage failed, so nothing changed. Try again.';
}
