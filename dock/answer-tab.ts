import { parseDockSettings, type DockSettings, type TabMessage, type TabStatus } from '../utils/session/protocol';

/** What the content script does for each message to its tab; the wiring lives in run-meeting-dock.ts. */
export interface TabActions {
  status(): TabStatus;
  toggle(): void;
  expand(): void;
  dockHere(): Promise<void>;
  undockHere(): Promise<void>;
  applySettings(settings: DockSettings): void;
}

/**
 * The content script's answers on a meeting site: which meeting it shows (a shortcut, the toolbar
 * view, the side panel ask), and the dock's moves. Undefined (no answer) for anything else.
 */
export function answerTab(raw: unknown, actions: TabActions): Promise<TabStatus> | undefined {
  const message = raw as Partial<TabMessage> | null;
  if (typeof message !== 'object' || message === null) return undefined;
  switch (message.kind) {
    case 'which-meeting':
      return Promise.resolve(actions.status());
    case 'toggle-panel':
      actions.toggle();
      return undefined;
    case 'show-panel':
      actions.expand();
      return Promise.resolve(actions.status());
    case 'dock-here':
      return actions.dockHere().then(() => actions.status());
    case 'undock-here':
      return actions.undockHere().then(() => actions.status());
    case 'dock-settings': {
      const settings = parseDockSettings(message);
      if (settings) actions.applySettings(settings);
      return undefined;
    }
    default:
      return undefined;
  }
}
