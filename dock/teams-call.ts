import { isSessionKey } from '../utils/meeting/meeting-identity';

/**
 * Teams on the web can show a call at an address without the meeting in it (`/v2/`, with the
 * meeting only in its app state). There the dock stays on the meeting this tab was last on, for as
 * long as the page shows a leave or hang-up control. A tab that was never on a meeting address
 * counts as in a call only while such a control is shown, with a session of its own. Only the
 * control's presence is read, never its content; nothing else of the page is.
 */
const CALL_CONTROL = ['#hangup-button', '[data-tid="hangup-main-btn"]', '[data-tid="call-hangup"]', '[data-tid="hangup-button"]'].join(',');
// In the tab's session storage, so a reload keeps them; only the tab's meeting keys are kept there.
const LAST_MEETING = 'alignment-companion/teams-last-meeting';
const OWN_CALL = 'alignment-companion/teams-call';

export interface TeamsCall {
  /** The tab is on a meeting address now. */
  onMeeting(key: string): void;
  /** The session to keep docked at an address without a meeting, or null when no call is shown. */
  keyWithoutMeeting(): string | null;
}

export function teamsCall(storage: Pick<Storage, 'getItem' | 'setItem'> | null, newId: () => string): TeamsCall {
  const read = (name: string) => {
    const value = safely(() => storage?.getItem(name) ?? null);
    return isSessionKey(value) ? value : null;
  };
  const write = (name: string, value: string) => safely(() => storage?.setItem(name, value));
  let last = read(LAST_MEETING);
  return {
    onMeeting(key) {
      if (key === last) return;
      last = key;
      write(LAST_MEETING, key);
    },
    keyWithoutMeeting() {
      if (document.querySelector(CALL_CONTROL) === null) return null;
      if (last) return last;
      let own = read(OWN_CALL);
      if (!own) write(OWN_CALL, (own = `teams:call-${newId()}`));
      return own;
    },
  };
}

/** Storage may be off (a sandboxed page, the coach's settings): then only the current page knows. */
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
