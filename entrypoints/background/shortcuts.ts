/**
 * The browser-level keyboard shortcuts (the manifest's `commands`, which the coach can change in
 * the browser's shortcut settings). The background does not know which meeting a tab shows
 * without the `tabs` permission, so it asks the tab's own content script, which read the meeting
 * from its address.
 */
import { isShortcut, parseMeetingAnswer, type LibraryCommand, type TabMessage } from '../../utils/session/protocol';
import type { Command } from '../../utils/session/session';

export interface ShortcutDeps {
  /** Sends to the tab's top-frame content script; resolves with its answer, or null when there is none. */
  askTab(tabId: number, message: TabMessage): Promise<unknown>;
  runSessionCommand(key: string, id: string, command: Command): Promise<unknown>;
  runLibraryCommand(id: string, command: LibraryCommand): Promise<unknown>;
  newId(): string;
}

const STEP_COMMAND = { 'next-step': { type: 'next' }, 'previous-step': { type: 'previous' } } as const;

export function createShortcutHandler(deps: ShortcutDeps) {
  return async function onShortcut(name: string, tab?: { id?: number }): Promise<void> {
    if (!isShortcut(name)) return;
    // Hiding notes is for the coach's screen, whichever tab is in front.
    if (name === 'hide-notes') {
      await deps.runLibraryCommand(deps.newId(), { type: 'toggle-hide-notes' });
      return;
    }
    if (tab?.id === undefined) return;
    if (name === 'toggle-panel') {
      await deps.askTab(tab.id, { kind: 'toggle-panel' });
      return;
    }
    const key = parseMeetingAnswer(await deps.askTab(tab.id, { kind: 'which-meeting' }));
    if (key) await deps.runSessionCommand(key, deps.newId(), STEP_COMMAND[name]);
  };
}
