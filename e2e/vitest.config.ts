import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['journeys/**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A step that fails on a UI race (a menu or dropdown still animating on a loaded 2-core machine)
    // runs again; a real failure fails every try. See docs/DECISIONS.md 19.
    retry: 2,
  },
});
