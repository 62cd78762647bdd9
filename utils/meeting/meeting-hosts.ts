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

export const GECKO_ID = 'alignment-companion@coaching.example';

/**
 * Everything the built manifests may ask for; tests/unit/manifest.test.ts fails on anything
 * else. Widening this list is a product decision: give the reason in README's permissions table.
 */
export const MANIFEST_ALLOWED = {
  /** API permissions, per build. Chrome's `scripting` re-docks open meetings after an update. */
  permissions: { chrome: ['scripting', 'sidePanel'], firefox: [] as string[] },
  /** Host permissions, per build: on Chrome only what `scripting` needs, the meeting origins. */
  hostPermissions: { chrome: MEETING_ORIGINS, firefox: [] as string[] },
  contentScriptMatches: MEETING_MATCHES,
  webAccessibleResources: ['panel.html'],
  webAccessibleMatches: MEETING_ORIGINS,
  /** Top-level manifest keys; anything else (externally_connectable, content_security_policy…) fails. */
  keys: [
    'manifest_version',
    'name',
    'description',
    'version',
    'icons',
    'permissions',
    'host_permissions',
    'web_accessible_resources',
    'background',
    'content_scripts',
    // Keyboard shortcuts: no permission, no host access.
    'commands',
    // The Conversations page (options.html), opened in a tab of its own: no permission, and not
    // web-accessible, so no site can load or frame it.
    'options_ui',
    // The toolbar button and its view; the browser's side panel (Chrome) and sidebar (Firefox).
    'action',
    'side_panel',
    'sidebar_action',
    'browser_specific_settings',
  ],
};
