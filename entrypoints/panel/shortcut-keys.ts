import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';

export interface ShortcutKey {
  description: string;
  /** Empty when the coach removed it, or another extension holds the key. */
  keys: string;
}

/** The shortcuts as the browser has them now: the coach may have changed them in its settings. */
export function loadShortcutKeys() {
  const keys = signal<ShortcutKey[]>([]);
  browser.commands
    .getAll()
    .then((all) => (keys.value = all.map((c) => ({ description: c.description ?? c.name ?? '', keys: c.shortcut ?? '' }))))
    .catch(() => {
      // Not available (the practice page in a browser without commands): the list stays empty.
    });
  return keys;
}
