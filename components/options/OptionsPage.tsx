import { useSignal, useSignalEffect } from '@preact/signals';
import type { ConversationsModel } from '../../entrypoints/options/conversations-model';
import { saveFile } from '../../entrypoints/options/download';
import type { RecordsClient, RecordsReply } from '../../entrypoints/options/records-client';
import type { RecordsView } from '../../entrypoints/options/records-view';
import { countsText } from '../../entrypoints/background/records-hub';
import { backupFilename, backupSizeProblem } from '../../utils/records/backup';
import { conversationId, conversationName } from '../../utils/records/conversation';
import { conversationMarkdown, markdownFilename } from '../../utils/records/markdown';
import { DEFAULT_RETENTION, type RetentionPeriod } from '../../utils/records/retention';
import { HideNotesToggle } from '../panel/HideNotesToggle';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { ConversationDetail } from './ConversationDetail';
import { ConversationList } from './ConversationList';
import { RecordsTools } from './RecordsTools';
import { TemplatesSection, discardRequest } from './templates/TemplatesSection';
import type { TemplatesView } from '../../entrypoints/options/templates-view';

interface Props {
  view: RecordsView;
  model: ConversationsModel;
  client: RecordsClient;
  templates?: TemplatesView;
}

const byId = (id: string) => document.getElementById(id);
const rowOf = (id: string) => document.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`);

/**
 * The options page: a navigation for its sections (Conversations today; templates and settings
 * later), the list, the open conversation, backup and clean-up. One status line answers every
 * action, where a screen reader hears it and wherever the coach has scrolled.
 */
export function OptionsPage({ view, model, client, templates }: Props) {
  const sectionOf = () => (location.hash === '#templates' && templates ? 'templates' : 'conversations');
  const section = useSignal(sectionOf());
  const status = useSignal('');
  const confirmation = useSignal<ConfirmRequest | null>(null);
  const templatesDirty = useSignal(false);
  useSignalEffect(() => {
    const onHash = async () => {
      const next = sectionOf();
      if (next === section.value) return;
      // Leaving the template editor by the page's own links or Back asks first, as its Close does.
      if (section.value === 'templates' && templatesDirty.value) {
        history.replaceState(null, '', '#templates');
        if (!(await confirm(discardRequest()))) return;
        templatesDirty.value = false;
        history.replaceState(null, '', `#${next}`);
      }
      section.value = next;
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  });
  const records = view.records.value;
  const preferences = view.preferences.value;
  const opened = model.opened.value;

  useSignalEffect(() => {
    if (client.notice.value) status.value = client.notice.value;
  });

  const say = (reply: RecordsReply) => (status.value = reply.ok ? reply.status : reply.reason);

  function confirm(request: Omit<ConfirmRequest, 'answer'>): Promise<boolean> {
    return new Promise((answer) => {
      confirmation.value = {
        ...request,
        answer: (yes) => {
          confirmation.value = null;
          answer(yes);
        },
      };
    });
  }

  function close() {
    const id = model.openId.value;
    model.openId.value = null;
    if (id) (rowOf(id) ?? byId('conversation-search'))?.focus();
  }

  function exportMarkdown() {
    if (!opened) return;
    const { conversation, preparation } = opened;
    const filename = markdownFilename(conversation, preparation?.label);
    saveFile(filename, conversationMarkdown(conversation, { preparation, includePrivate: !preferences.hideNotes }), 'text/markdown');
    status.value = `Downloaded ${filename}${preferences.hideNotes ? ', without private notes' : ''}.`;
  }

  async function deleteOpened() {
    if (!opened) return;
    const id = conversationId(opened.conversation);
    const title = `${conversationName(opened.conversation)}${opened.preparation?.label.trim() ? ` with ${opened.preparation.label.trim()}` : ''}`;
    const ok = await confirm({ title: 'Delete this conversation?', body: `${title} is deleted for good. This cannot be undone.`, confirm: 'Delete' });
    if (!ok) return byId('delete-conversation')?.focus();
    // The row that takes its place in the list, or the one before it at the end.
    const list = model.visible.value;
    const at = list.findIndex((summary) => summary.id === id);
    const neighbour = list[at + 1] ?? list[at - 1];
    const reply = await client.ask({ kind: 'delete', conversation: id });
    say(reply);
    if (!reply.ok) return;
    model.openId.value = null;
    ((neighbour && rowOf(neighbour.id)) || byId('conversation-search'))?.focus();
  }

  async function deleteEverything() {
    const counts = await view.counts();
    const ok = await confirm({
      title: 'Delete everything?',
      body: `This deletes ${countsText(counts)}, and your settings, for good. Export a backup first if you may want them back.`,
      confirm: 'Delete everything now',
    });
    if (!ok) return byId('delete-everything')?.focus();
    const reply = await client.ask({ kind: 'delete-everything' });
    say(reply);
    if (reply.ok) {
      model.openId.value = null;
      byId('conversations-title')?.focus();
    }
  }

  async function exportAll() {
    const now = Date.now();
    try {
      const backup = await view.backupText(now);
      saveFile(backupFilename(now), backup.text, 'application/json');
      status.value = `Downloaded a backup of ${countsText(backup)}.`;
    } catch {
      status.value = 'The backup could not be made: the browser’s storage did not answer. Try again.';
    }
  }

  async function importBackup(file: File) {
    const tooLarge = backupSizeProblem(file.size);
    if (tooLarge) return void (status.value = tooLarge);
    status.value = `Importing ${file.name}…`;
    let text: string;
    try {
      text = await file.text();
    } catch {
      return void (status.value = 'This file could not be read, so nothing was imported.');
    }
    say(await client.ask({ kind: 'import', text }));
  }

  async function keepFor(period: RetentionPeriod) {
    say(await client.ask({ kind: 'keep-for', period }));
  }

  async function toggleHideNotes() {
    const reply = await client.ask({ kind: 'hide-notes', hidden: !preferences.hideNotes });
    if (!reply.ok) say(reply);
  }

  return (
    <div class="page">
      <header class="page__header">
        <p class="page__brand">Alignment Companion</p>
        <nav class="page__nav" aria-label="Sections">
          <ul>
            <li>
              <a href="#conversations" aria-current={section.value === 'conversations' ? 'page' : undefined}>
                Conversations
              </a>
            </li>
            {templates && (
              <li>
                <a href="#templates" aria-current={section.value === 'templates' ? 'page' : undefined}>
                  Templates
                </a>
              </li>
            )}
          </ul>
        </nav>
        <HideNotesToggle hidden={preferences.hideNotes} onToggle={toggleHideNotes} />
      </header>
      {section.value === 'templates' && templates ? (
        <TemplatesSection view={templates} client={client} say={(text) => (status.value = text)} confirm={confirm} dirty={templatesDirty} />
      ) : (
      <main id="conversations" class="page__main" aria-labelledby="conversations-title">
        <h1 id="conversations-title" tabIndex={-1}>
          Conversations
        </h1>
        <p class="muted">Every conversation you ran, newest first. They stay in this browser; nothing is sent anywhere.</p>
        {view.problem.value && (
          <p class="notice" role="alert">
            {view.problem.value}
          </p>
        )}
        <div class="page__columns">
          <ConversationList model={model} loaded={view.complete.value} onOpen={(id) => (model.openId.value = id)} />
          {opened ? (
            <ConversationDetail
              {...opened}
              hideNotes={preferences.hideNotes}
              format={preferences.format}
              onExport={exportMarkdown}
              onDelete={deleteOpened}
              onClose={close}
            />
          ) : (
            <p class="page__placeholder muted">Open a conversation to see it whole.</p>
          )}
        </div>
        <RecordsTools
          keepFor={records?.keepFor ?? DEFAULT_RETENTION}
          nextDeletion={model.nextDeletion.value}
          onExportAll={exportAll}
          onImport={importBackup}
          onKeepFor={keepFor}
          onDeleteEverything={deleteEverything}
        />
      </main>
      )}
      <p class="page__status" role="status">
        {status.value}
      </p>
      <ConfirmDialog request={confirmation.value} />
    </div>
  );
}
