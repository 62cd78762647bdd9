import type { ReadonlySignal } from '@preact/signals';
import { PANEL_POSITIONS, PANEL_POSITION_LABEL, isPanelPosition, type Preferences } from '../../utils/session/preferences';
import type { LibraryCommand, ShortcutKey } from '../../utils/session/protocol';

interface Props {
  preferences: Preferences;
  shortcuts: ReadonlySignal<ShortcutKey[]>;
  sendLibrary: (command: LibraryCommand) => Promise<string | null>;
}

/** The few settings, folded away: the chime, and the keyboard shortcuts as the browser has them. */
export function Settings({ preferences, shortcuts, sendLibrary }: Props) {
  return (
    <details class="settings">
      <summary>Settings and shortcuts</summary>
      <div class="field">
        <label for="panel-position">Panel position</label>
        <select
          id="panel-position"
          value={preferences.panelPosition}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isPanelPosition(value)) void sendLibrary({ type: 'preference', name: 'panelPosition', value });
          }}
        >
          {PANEL_POSITIONS.map((position) => (
            <option key={position} value={position}>
              {PANEL_POSITION_LABEL[position]}
            </option>
          ))}
        </select>
      </div>
      <label class="choice">
        <input
          type="checkbox"
          checked={preferences.compactDock}
          onChange={(event) => void sendLibrary({ type: 'preference', name: 'compactDock', value: event.currentTarget.checked })}
        />
        Narrow panel in the meeting (280 px)
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={preferences.chime}
          onChange={(event) => void sendLibrary({ type: 'preference', name: 'chime', value: event.currentTarget.checked })}
        />
        Soft chime at one minute left and at time up. Only your speakers play it; mute it when sharing audio.
      </label>
      {shortcuts.value.length > 0 && (
        <dl class="settings__keys">
          {shortcuts.value.map((shortcut) => (
            <div key={shortcut.description}>
              <dt>{shortcut.description}</dt>
              <dd>{shortcut.keys || 'not set'}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="field__hint">Change the keys in your browser’s extension shortcut settings.</p>
    </details>
  );
}
