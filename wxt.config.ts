import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { GECKO_ID, MEETING_ORIGINS } from './utils/meeting/meeting-hosts';

// The manifest is the product's privacy promise in machine-readable form: no host access beyond
// the meeting platforms, no API permission but the one re-injection after an update needs, and only
// the panel page web-accessible. tests/unit/manifest.test.ts holds the built manifests to that.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every file honest about what it depends on.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Alignment Companion',
    description:
      'Agenda, timers and guardrails for Manager Alignment Conversations, docked in Meet, Zoom and Teams. Nothing leaves your browser.',
    web_accessible_resources: [{ resources: ['panel.html'], matches: MEETING_ORIGINS }],
    // Browser-level shortcuts: they work whether the focus is in the meeting or in the panel,
    // and the coach can change them in the browser's shortcut settings.
    commands: {
      'next-step': { suggested_key: { default: 'Alt+Shift+Right' }, description: 'Next step' },
      'previous-step': { suggested_key: { default: 'Alt+Shift+Left' }, description: 'Previous step' },
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Show or hide the panel' },
      'hide-notes': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Hide or show private notes' },
    },
    ...(browser === 'firefox'
      ? {
          // Firefox injects the content scripts into open meetings on install and update itself.
          permissions: [],
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Chrome does not: to dock again in a meeting open across an update, the background injects
          // the content script (entrypoints/background/reinject.ts). Same hosts as the content
          // scripts, so the install prompt does not change.
          permissions: ['scripting'],
          host_permissions: MEETING_ORIGINS,
        }),
  }),
  hooks: {
    // The Conversations page is built on its own: sharing chunks with the panel would split the
    // panel's code into more files (more bytes to load in the meeting) for a page it never opens.
    'entrypoints:grouped'(_, groups) {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const at = group.findIndex((entrypoint) => entrypoint.type === 'options');
        if (at >= 0) groups.push(group.splice(at, 1));
      }
    },
    // Content scripts use only runtime.id, runtime.getURL and runtime.onMessage (answered through
    // sendResponse), alike in every browser: they take WXT's plain `browser` (chrome or browser)
    // instead of the promise polyfill, which would be half of each content script's weight.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const plain = { find: /^wxt\/browser$/, replacement: fileURLToPath(import.meta.resolve('wxt/browser')) };
      const alias = config.resolve?.alias;
      const entries = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [plain, ...entries] };
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { sourcemap: false },
  }),
});
