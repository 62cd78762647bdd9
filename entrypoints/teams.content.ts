import { defineContentScript } from 'wxt/utils/define-content-script';
import { runMeetingDock } from '../dock/run-meeting-dock';
import { TEAMS_MATCHES } from '../utils/meeting/meeting-hosts';

export default defineContentScript({
  matches: TEAMS_MATCHES,
  runAt: 'document_start',
  // No window.postMessage announcing the script: the meeting page has no channel to us.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runMeetingDock(ctx, 'teams');
  },
});
