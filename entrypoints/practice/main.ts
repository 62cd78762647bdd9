import { createDock } from '../../dock/dock';
import { requestTicket } from '../../dock/request-ticket';
import { panelUrl } from '../../dock/run-meeting-dock';
import { DOCK_PLACEMENT } from '../../utils/dock-placement';
import { identify } from '../../utils/meeting-identity';

// Each rehearsal is its own session, so a fresh one starts from the set-up screen.
const params = new URLSearchParams(location.search);
const rehearsal = /^[\w-]{1,40}$/.test(params.get('rehearsal') ?? '') ? params.get('rehearsal')! : 'rehearsal';
createDock(DOCK_PLACEMENT.practice, panelUrl, requestTicket).show(identify('practice', rehearsal).key);

document.getElementById('new-rehearsal')?.setAttribute('href', `?rehearsal=r${Date.now()}`);
