import type { TabMessage } from '../utils/protocol';
import type { Dock } from './dock';

/**
 * The content script's part in a keyboard shortcut: say which meeting this tab shows, or fold
 * the dock. Undefined (no answer) for anything else and on pages that are not a meeting.
 */
export function answerShortcut(raw: unknown, meetingKey: string | null, dock: Pick<Dock, 'toggle'>): Promise<{ key: string }> | undefined {
  const message = raw as Partial<TabMessage> | null;
  if (!meetingKey || typeof message !== 'object' || message === null) return undefined;
  if (message.kind === 'which-meeting') return Promise.resolve({ key: meetingKey });
  if (message.kind === 'toggle-panel') dock.toggle();
  return undefined;
}
