import fs from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, and adds the counts to the file
 * named by FOULE_TEST_SUMMARY_FILE so a script running several suites can print the total.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (mod.state() === 'failed' && ![...mod.children.allTests()].length) counts.failed++;
    }
    const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
    console.log(`\nsuite: ${line}`);
    if (process.env.FOULE_TEST_SUMMARY_FILE)
      fs.appendFileSync(process.env.FOULE_TEST_SUMMARY_FILE, `${counts.passed} ${counts.failed} ${counts.skipped}\n`);
  }
}
