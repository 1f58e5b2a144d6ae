// Stands in for the browser suite when the machine has no browser (see ../vitest.config.ts): one skipped test
// a browser-test file, so the closing line counts them and says why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

const files = fs
  .readdirSync(path.join(import.meta.dirname, '..'))
  .filter((f) => f.endsWith('.e2e.test.ts'))
  .sort();

describe(`browser tests (${process.env.FOULE_E2E_SKIP_REASON ?? 'no browser'})`, () => {
  for (const file of files) it.skip(file, () => {});
});
