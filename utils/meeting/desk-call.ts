/**
 * Calls outside the browser (the Zoom or Teams desktop app, a phone): each is a `desk:<id>`
 * session, run from `call.html?call=<id>`. The id lives in the page's address, so a reload, a
 * bookmark or a second tab finds the same session. Pure: no browser API.
 */
import { conversationName } from '../records/conversation';
import { identify } from './meeting-identity';
import type { Session } from '../session/session';

/** Narrower than a session key allows: the id also sits in an address and a link. */
const CALL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DESK_PREFIX = 'desk:';

/** How many earlier calls the page offers to resume. */
export const RECENT_CALLS = 5;

/** The call id in a page's query string, or null when there is none or it is not one of ours. */
export function callIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get('call');
  return id !== null && CALL_ID.test(id) ? id : null;
}

/**
 * A new id: the time first, so ids sort by when they were made, then random bytes, so two tabs
 * opened in the same millisecond still differ.
 */
export function newCallId(now: number, random: Uint8Array): string {
  const suffix = Array.from(random.slice(0, 6), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${now.toString(36)}-${suffix}`;
}

export function callKey(id: string): string {
  return identify('desk', id).key;
}

/** The call page's address for a call, from the extension's root. */
export function callPath(id: string): string {
  return `/call.html?call=${id}`;
}

export interface RecentCall {
  id: string;
  /** `Kickoff` or `Closing`. */
  kind: string;
  startedAt: number;
  finished: boolean;
}

/** The calls outside the browser last worked on, newest first, leaving out the one on screen. */
export function recentCalls(sessions: readonly Session[], currentId: string, limit = RECENT_CALLS): RecentCall[] {
  return sessions
    .filter((session) => session.key.startsWith(DESK_PREFIX))
    .map((session) => ({ session, id: session.key.slice(DESK_PREFIX.length) }))
    .filter(({ id }) => CALL_ID.test(id) && id !== currentId)
    .sort((a, b) => b.session.updatedAt - a.session.updatedAt)
    .slice(0, limit)
    .map(({ session, id }) => ({
      id,
      kind: conversationName(session),
      startedAt: session.startedAt,
      finished: session.endedAt !== null,
    }));
}

/** `Kickoff, 27 Nov 2026, 10:04`: the link's name, read at a glance and told apart by its date. */
export function recentCallLabel(call: RecentCall, locale?: string): string {
  const when = new Date(call.startedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return `${call.kind}, ${when}${call.finished ? ', finished' : ''}`;
}
