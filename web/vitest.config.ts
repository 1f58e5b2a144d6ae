import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));

// Component tests of the web app, beside the components, in a simulated DOM (no server, no browser).
export default defineConfig({
  root: here,
  plugins: [react()],
  test: {
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    // The closing `suite:` line and the total that .ci/run prints count these tests too.
    reporters: ['default', path.join(here, '..', 'test', 'support', 'summary-reporter.ts')],
    pool: 'threads',
    maxWorkers: 2,
  },
});
