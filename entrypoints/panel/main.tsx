import { render } from 'preact';
import { App } from '../../components/App';
import { isSessionKey } from '../../utils/meeting-identity';
import { createSessionClient } from './session-client';
import { loadShortcutKeys } from './shortcut-keys';
import './style.css';

// The dock and the practice page say which meeting this panel is for.
const key = new URLSearchParams(location.search).get('key');
const root = document.getElementById('app')!;

if (isSessionKey(key)) {
  render(<App client={createSessionClient(key)} shortcuts={loadShortcutKeys()} />, root);
} else {
  render(
    <main class="panel" aria-label="Alignment Companion">
      <p class="notice">Open Alignment Companion from a meeting on Google Meet, Zoom or Teams, or from the practice page.</p>
    </main>,
    root,
  );
}
