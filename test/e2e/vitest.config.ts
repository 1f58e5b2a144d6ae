import { defineConfig } from 'vitest/config';

// Browser tests: a real server on a free port and Debian's Chromium driven by playwright-core.
// The global setup builds the web app once (set FOULE_E2E_SKIP_BUILD=1 to reuse web/dist).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
