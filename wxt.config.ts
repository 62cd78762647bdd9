import { defineConfig } from 'wxt';
import { MEETING_ORIGINS } from './utils/meeting-hosts';

// The manifest is the product's privacy promise in machine-readable form: no permissions,
// no host access beyond the meeting platforms, and only the panel page is web-accessible.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every file honest about what it depends on.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Alignment Companion',
    description:
      'Agenda, timers and guardrails for Manager Alignment Conversations, docked in Meet, Zoom and Teams. Nothing leaves your browser.',
    permissions: [],
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
          browser_specific_settings: {
            gecko: {
              id: 'alignment-companion@coaching.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { sourcemap: false },
  }),
});
