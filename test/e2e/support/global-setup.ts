import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server.js';

/** Builds the web app once for the whole browser-test run (the server serves web/dist). */
export default function setup() {
  if (process.env.FOULE_E2E_SKIP_BUILD === '1') return;
  const vite = [path.join(ROOT, 'node_modules', '.bin', 'vite'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'];
  // Serialized with a lock where the system has flock (Linux): two builds at once in one working tree would empty
  // each other's web/dist. Elsewhere (macOS) one build runs as it is.
  const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
  const [command, ...args] = hasFlock ? ['flock', '/tmp/foule-web-build.lock', ...vite] : vite;
  execFileSync(command!, args, { cwd: ROOT, stdio: 'inherit' });
}
