import { effect } from '@preact/signals';
import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { SessionDb } from '../background/session-db';
import { LIST_PAGE, createConversationsModel } from './conversations-model';
import { createRecordsClient } from './records-client';
import { watchRecords } from './records-view';
import { watchTemplates } from './templates-view';
import '../panel/style.css';
import './style.css';

const db = new SessionDb();
const view = watchRecords(db, LIST_PAGE);
const templates = watchTemplates(db);
const client = createRecordsClient();
// Opening the page is a moment for the background to clean up old records, as a panel's is;
// once the list is read, so that the clean-up's write does not hold the first read up.
const stop = effect(() => {
  if (!view.complete.value) return;
  client.open();
  queueMicrotask(() => stop());
});
render(<OptionsPage view={view} model={createConversationsModel(view)} client={client} templates={templates} />, document.getElementById('app')!);
