/**
 * Which meeting a URL is, so that one meeting maps to one session whichever tab, reload or
 * rejoin it comes from. Pure: it reads a URL string and nothing else.
 */
/** `desk`: a call outside the browser (the Zoom or Teams app, a phone), run from a tab of its own. */
export type Platform = 'meet' | 'zoom' | 'teams' | 'practice' | 'desk';

export interface MeetingIdentity {
  platform: Platform;
  /** Meet code, Zoom meeting number, Teams meeting id or thread. */
  id: string;
  /** `platform:id`, the session's primary key. */
  key: string;
}

const MEET_CODE = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:\/|$)/;
const ZOOM_NUMBER = /^\d{9,11}$/;
// A Teams thread id such as 19:meeting_NjQ0...@thread.v2
const TEAMS_THREAD = /^19:[\w.-]+@thread\.(?:v2|tacv2|skype)$/i;
const TEAMS_MEET_ID = /^\d{10,16}$/;
const TEAMS_HOSTS = new Set(['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft']);

export function identify(platform: Platform, id: string): MeetingIdentity {
  return { platform, id, key: `${platform}:${id}` };
}

export function identifyMeeting(href: string): MeetingIdentity | null {
  const site = meetingSite(href);
  if (!site) return null;
  if (site.platform === 'meet') return meetIdentity(site.url);
  if (site.platform === 'zoom') return zoomIdentity(site.url);
  return teamsIdentity(site.url);
}

/** The meeting platform a web address belongs to, meeting or not; null off the meeting sites. */
export function platformOfAddress(href: string): 'meet' | 'zoom' | 'teams' | null {
  return meetingSite(href)?.platform ?? null;
}

/**
 * What `Dock the panel here` remembers a page by: its origin and path. The query and hash carry
 * tokens and app state that change from one visit to the next.
 */
export function dockedHereAddress(href: string): string | null {
  const site = meetingSite(href);
  return site ? `${site.url.origin}${site.url.pathname}` : null;
}

/** An https address on one of the meeting sites, parsed, and which platform it is. */
function meetingSite(href: string): { url: URL; platform: 'meet' | 'zoom' | 'teams' } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (host === 'meet.google.com') return { url, platform: 'meet' };
  if (host === 'zoom.us' || host.endsWith('.zoom.us')) return { url, platform: 'zoom' };
  return TEAMS_HOSTS.has(host) ? { url, platform: 'teams' } : null;
}

function meetIdentity(url: URL): MeetingIdentity | null {
  const code = MEET_CODE.exec(url.pathname.toLowerCase())?.[1];
  return code ? identify('meet', code) : null;
}

/** `/wc/<number>/join|start|...` and `/wc/join/<number>`; never `/wc/home` or `/wc/leave`. */
function zoomIdentity(url: URL): MeetingIdentity | null {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'wc') return null;
  const number = [parts[1], parts[2]].find((part) => part !== undefined && ZOOM_NUMBER.test(part));
  return number ? identify('zoom', number) : null;
}

/**
 * Teams carries the meeting in the path (`/l/meetup-join/<thread>/...`, `/meet/<id>`) or, in the
 * new web client, in the hash (`/v2/#/l/meetup-join/...`). The thread comes URL-encoded or not.
 */
function teamsIdentity(url: URL): MeetingIdentity | null {
  for (const route of [url.pathname, url.hash.replace(/^#/, '')]) {
    const parts = route.split(/[/?]/).filter(Boolean).map(safeDecode);
    const join = parts.indexOf('meetup-join');
    const thread = join >= 0 ? parts[join + 1] : undefined;
    if (thread && TEAMS_THREAD.test(thread)) return identify('teams', thread);
    const meet = parts.indexOf('meet');
    const meetingId = meet >= 0 ? parts[meet + 1] : undefined;
    if (meetingId && TEAMS_MEET_ID.test(meetingId)) return identify('teams', meetingId);
  }
  return null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const SESSION_KEY = /^(meet|zoom|teams|practice|desk):[\w:@.-]{1,200}$/;

/** A session key as the background accepts it from a panel. */
export function isSessionKey(value: unknown): value is string {
  return typeof value === 'string' && SESSION_KEY.test(value);
}
