/**
 * The only hosts the extension touches. Content-script matches, the panel's web-accessible
 * scope and the allowed-permissions test all read from here so they cannot drift apart.
 */
export const MEET_MATCHES = ['https://meet.google.com/*'];
// The Zoom web client lives under /wc/ on zoom.us and its subdomains (app.zoom.us, us02web.zoom.us, ...).
export const ZOOM_MATCHES = ['https://*.zoom.us/wc/*'];
export const TEAMS_MATCHES = [
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];

export const MEETING_MATCHES = [...MEET_MATCHES, ...ZOOM_MATCHES, ...TEAMS_MATCHES];

/**
 * Web-accessible-resource matches may only name origins (path `/*`), so the panel page is
 * reachable from these origins' pages; the content scripts still run on meeting paths only.
 */
export const MEETING_ORIGINS = [
  'https://meet.google.com/*',
  'https://*.zoom.us/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];
