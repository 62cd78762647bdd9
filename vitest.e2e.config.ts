import { defineConfig } from 'vitest/config';

// Real Chromium and Firefox, one spec file at a time: the machine has two cores and each file runs a browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
