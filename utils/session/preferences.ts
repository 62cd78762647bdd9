/** The coach's settings, shared by every open panel so that hiding notes hides them everywhere. */
import type { MessageFormat } from '../outputs/next-steps';

export interface Preferences {
  /** For screen sharing: private and preparation notes are out of sight while this is on. */
  hideNotes: boolean;
  /** A soft tone, heard only by the coach, at one minute left and at time up. Off by default. */
  chime: boolean;
  format: MessageFormat;
  /** Where the panel shows in a meeting tab: docked at an edge, or in the browser's own side panel. */
  panelPosition: PanelPosition;
  /** A narrower dock (280 px) for a crowded meeting page: step, timers, controls and guardrails still show. */
  compactDock: boolean;
}

export const PANEL_POSITIONS = ['right', 'left', 'side-panel'] as const;
export type PanelPosition = (typeof PANEL_POSITIONS)[number];
export const PANEL_POSITION_LABEL: Record<PanelPosition, string> = {
  right: 'Right edge of the meeting',
  left: 'Left edge of the meeting',
  'side-panel': 'Browser side panel',
};

export function isPanelPosition(value: unknown): value is PanelPosition {
  return PANEL_POSITIONS.includes(value as PanelPosition);
}

export const DEFAULT_PREFERENCES: Preferences = { hideNotes: false, chime: false, format: 'plain', panelPosition: 'right', compactDock: false };

export type PreferenceCommand =
  | { type: 'preference'; name: 'hideNotes' | 'chime' | 'compactDock'; value: boolean }
  | { type: 'preference'; name: 'format'; value: MessageFormat }
  | { type: 'preference'; name: 'panelPosition'; value: PanelPosition }
  /** From the keyboard shortcut, which does not know the current state. */
  | { type: 'toggle-hide-notes' };

export function applyPreferenceCommand(preferences: Preferences, command: PreferenceCommand): Preferences {
  if (command.type === 'toggle-hide-notes') return { ...preferences, hideNotes: !preferences.hideNotes };
  return { ...preferences, [command.name]: command.value };
}
