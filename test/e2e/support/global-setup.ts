import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server.js';

/** Builds the web app once for the whole browser-test run (the server serves web/dist). */
export default function setup() {
  if (process.env.FOULE_E2E_SKIP_BUILD === '1') return;
  // Serialized with a lock: two builds at once in one working tree would empty each other's web/dist.
  execFileSync(
    'flock',
    [
      '/tmp/foule-web-build.lock',
      path.join(ROOT, 'node_modules', '.bin', 'vite'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}
