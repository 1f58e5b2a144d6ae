import { defineConfig } from 'vitest/config';
import { findBrowser, howToGetBrowser } from './support/find-browser.js';

// Browser tests: a real server on a free port and a Chromium-family browser driven by playwright-core (see
// support/find-browser.ts; never downloaded). The global setup builds the web app once (FOULE_E2E_SKIP_BUILD=1
// reuses web/dist). Without a browser the suite is reported as skipped, one test a file, with how to get one;
// FOULE_REQUIRE_BROWSER=1 (CI) makes that a failure instead.
const browser = findBrowser();
if (!browser) {
  const how = howToGetBrowser();
  if (process.env.FOULE_REQUIRE_BROWSER === '1') throw new Error(`No browser for the browser tests: ${how}`);
  console.log(`\nBrowser tests skipped: no Chromium or Chrome found on this machine. To run them: ${how}.\n`);
  process.env.FOULE_E2E_SKIP_REASON = `no browser: ${how}`;
} else {
  process.env.FOULE_E2E_BROWSER = browser.executablePath;
}

export default defineConfig({
  test: {
    include: browser ? ['test/e2e/**/*.e2e.test.ts'] : ['test/e2e/support/no-browser.skip.test.ts'],
    globalSetup: browser ? ['test/e2e/support/global-setup.ts'] : [],
    reporters: ['default', './test/support/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
