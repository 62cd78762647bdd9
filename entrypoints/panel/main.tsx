import { render } from 'preact';
import { App } from '../../components/panel/App';
import { NotOpenedByDock } from '../../components/panel/NotOpenedByDock';
import { isSessionKey } from '../../utils/meeting/meeting-identity';
import { awaitDockTicket } from './dock-ticket';
import { createSessionClient, type SessionClient } from './session-client';
import './style.css';

// The dock and the practice page say which meeting this panel is for, and hand it the ticket.
const key = new URLSearchParams(location.search).get('key');
const root = document.getElementById('app')!;

if (isSessionKey(key)) {
  const { ticket, waitedOut } = awaitDockTicket(key);
  let client: SessionClient | null = null;
  const Panel = () => {
    // Read both signals first, so the panel hears of a late ticket after it has waited out.
    const given = ticket.value;
    const waited = waitedOut.value;
    if (given) {
      client ??= createSessionClient(key, given);
      return client.refused.value ? <NotOpenedByDock refused /> : <App client={client} />;
    }
    return waited ? <NotOpenedByDock /> : <main class="panel" aria-label="Alignment Companion" aria-busy="true" />;
  };
  render(<Panel />, root);
} else {
  render(<NotOpenedByDock />, root);
}
