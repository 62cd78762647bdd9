/**
 * What the panel shows while commands are on their way: the last stored state with the
 * commands not yet stored applied on top, by the same pure reducers the background uses. A click
 * shows at once, and if the browser's storage fails the coach keeps working from the last good
 * state while the panel retries. Once stored, the background's snapshot replaces the guess.
 */
import { applyPreferenceCommand, type Preferences } from './preferences';
import { applyPrepCommand, type Preparation } from './preparation';
import type { LibraryCommand } from './protocol';
import { applyCommand, type Command, type Session } from './session';

export type Pending =
  | { id: string; at: number; kind: 'command'; key: string; command: Command }
  | { id: string; at: number; kind: 'library'; command: LibraryCommand };

export function sessionWithPending(stored: Session | null, key: string, pending: readonly Pending[]): Session | null {
  let session = stored ?? undefined;
  for (const entry of pending) {
    if (entry.kind !== 'command' || entry.key !== key) continue;
    // Already stored (the snapshot came before the ack) or refused: applyCommand says so and changes nothing.
    const result = applyCommand(session, key, entry.id, entry.command, entry.at);
    if (result.ok) session = result.session;
  }
  return session ?? null;
}

export interface LibraryView {
  preparations: Preparation[];
  preferences: Preferences;
}

/** Library commands from the panel set values (never toggle), so applying one twice is harmless. */
export function libraryWithPending(stored: LibraryView, pending: readonly Pending[]): LibraryView {
  let { preparations, preferences } = stored;
  for (const entry of pending) {
    if (entry.kind !== 'library') continue;
    const command = entry.command;
    if (command.type === 'preference' || command.type === 'toggle-hide-notes') {
      preferences = applyPreferenceCommand(preferences, command);
      continue;
    }
    const index = preparations.findIndex((prep) => prep.id === command.prepId);
    const next = applyPrepCommand(preparations[index], preparations.length, command, entry.at);
    if (typeof next === 'string') continue;
    if (next === null) preparations = preparations.filter((prep) => prep.id !== command.prepId);
    else if (index < 0) preparations = [next, ...preparations];
    else preparations = preparations.map((prep, i) => (i === index ? next : prep));
  }
  return { preparations, preferences };
}
