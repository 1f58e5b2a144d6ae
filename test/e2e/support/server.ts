import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface StartServerOptions {
  /** Extra settings for the server process (SMTP_URL, FOULE_SCHEDULER, FOULE_PLATFORM_FEE_BPS…); they win over the defaults. */
  env?: Record<string, string>;
}

export interface E2EServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** The operator account the server created at start (FOULE_ADMIN_EMAIL / FOULE_ADMIN_PASSWORD). */
  operator: { email: string; password: string };
  /** The PostgreSQL database used, when TEST_DATABASE_URL is set; else null (embedded PGlite in a temporary folder). */
  databaseUrl: string | null;
  /** Everything the server printed so far (for failure messages). */
  logs(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s), drops its database or removes its data folder. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (`tsx src/main.ts`, its own process) on a free port with an empty database:
 * a fresh PostgreSQL database when TEST_DATABASE_URL is set, else embedded PGlite in a temporary folder.
 * Seeding is off, rate limits are off, and an operator account exists (see `operator`).
 * The web app must be built (the e2e global setup does it once).
 * @example const server = await startServer(); … await page.goto(server.url); … await server.stop();
 */
export async function startServer(opts: StartServerOptions = {}): Promise<E2EServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foule-e2e-'));
  const operator = { email: 'operator@foule.test', password: `op-${crypto.randomBytes(9).toString('hex')}` };

  let databaseUrl: string | null = null;
  let dropDatabase = async () => {};
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `foule_e2e_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    };
  }

  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      FOULE_PUBLIC_URL: url,
      FOULE_DATA_DIR: dataDir,
      FOULE_SEED: 'none',
      FOULE_RATE_LIMIT: 'off',
      FOULE_ADMIN_EMAIL: operator.email,
      FOULE_ADMIN_PASSWORD: operator.password,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl ?? '',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const cleanup = async () => {
    await dropDatabase().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanup();
      throw new Error(`The server exited before listening (code ${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      await cleanup();
      throw new Error(`The server did not answer /healthz within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  let stopped: Promise<void> | null = null;
  return {
    url,
    operator,
    databaseUrl,
    logs: () => output,
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        await cleanup();
      })()),
  };
}
