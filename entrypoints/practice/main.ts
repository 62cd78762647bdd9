import { browser } from 'wxt/browser';
import { createDock } from '../../dock/dock';
import { requestTicket } from '../../dock/request-ticket';
import { panelUrl } from '../../dock/run-meeting-dock';
import { DOCK_PLACEMENT } from '../../utils/meeting/dock-placement';
import { MEETING_ORIGINS } from '../../utils/meeting/meeting-hosts';
import { identify } from '../../utils/meeting/meeting-identity';

// Each rehearsal is its own session, so a fresh one starts from the set-up screen.
const params = new URLSearchParams(location.search);
const rehearsal = /^[\w-]{1,40}$/.test(params.get('rehearsal') ?? '') ? params.get('rehearsal')! : 'rehearsal';
createDock(DOCK_PLACEMENT.practice, panelUrl, requestTicket).show(identify('practice', rehearsal).key);

document.getElementById('new-rehearsal')?.setAttribute('href', `?rehearsal=r${Date.now()}`);

// Firefox leaves access to the meeting sites to the coach, who can withhold or take it back (so
// can Chrome's "Site access"). Without it the dock never appears in a meeting, and nothing there
// could say why: this page can.
const meetingSites = { origins: MEETING_ORIGINS };
const accessNotice = document.getElementById('host-access')!;
const accessOutcome = document.getElementById('host-access-outcome')!;

async function showHostAccess() {
  accessNotice.hidden = await browser.permissions.contains(meetingSites);
}

document.getElementById('allow-meeting-sites')!.addEventListener('click', () => {
  // Asked within the click itself: Firefox shows its prompt only for a user action.
  browser.permissions.request(meetingSites).then(
    (granted) => {
      accessOutcome.textContent = granted
        ? 'Allowed. Reload a meeting tab that is already open.'
        : 'Not allowed. You can allow it here, or from the browser’s Extensions menu.';
      return showHostAccess();
    },
    () => {
      accessOutcome.textContent = 'The browser did not ask. Allow it from its Extensions menu.';
    },
  );
});
browser.permissions.onAdded.addListener(() => void showHostAccess());
browser.permissions.onRemoved.addListener(() => void showHostAccess());
void showHostAccess();
