import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Run through `npm test` (scripts/test.mjs), which provides REDIS_URL, RUNDE_TEST_KEY_PREFIX and CHROMIUM_PATH.
export default defineConfig({
  test: {
    // A flaky test must show up as a failure, never be hidden by a second attempt.
    retry: 0,
    projects: [
      {
        extends: true,
        resolve: {
          alias: { $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)) },
        },
        test: {
          name: 'unit',
          environment: 'node',
          // Pure code without processes or servers: worker threads start far faster than the default forks.
          pool: 'threads',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file drives a real server and Chromium; one at a time keeps timings honest on small CI machines.
          fileParallelism: false,
        },
      },
    ],
  },
});
