import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WXT's plugin makes `wxt/browser` the in-memory fake browser, so background code runs as is.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    mockReset: true,
    restoreMocks: true,
  },
});
