import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // Browser tests each start Chromium; two workers suit this 2-core machine.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        // One build of the seed site, shared by the tests over dist/ and in the browser.
        test: { name: 'site', include: ['tests/dist/**/*.test.ts', 'tests/browser/**/*.test.ts'], globalSetup: ['tests/support/build-site.ts'] },
      },
    ],
  },
});
