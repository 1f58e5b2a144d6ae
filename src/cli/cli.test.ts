import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { users } from '../db/schema/accounts.js';
import { queueMail } from '../modules/mail/service.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'foule.js');
const SLOW = 240_000;

/** The environment of a fresh shell: none of this machine's Foule settings leak into the command. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('FOULE_') && k !== 'DATABASE_URL' && k !== 'SMTP_URL'),
  );
  return { ...env, LOG_LEVEL: 'silent', ...extra };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function foule(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foule-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('foule CLI', () => {
  describe('on an embedded data folder', () => {
    it('migrate applies every migration to a fresh folder, then finds it up to date', { timeout: SLOW }, async () => {
      const first = await foule(['migrate'], { FOULE_DATA_DIR: dir });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('0001_accounts.sql');
      expect(first.stdout).toContain('0014_moderation.sql');
      const applied = first.stdout.match(/\d{4}_[\w-]+\.sql/g)!;
      const again = await foule(['migrate'], { FOULE_DATA_DIR: dir });
      expect(again.code).toBe(0);
      // Nothing is applied twice (a migration file added in between by a running change would be applied now).
      for (const file of applied) expect(again.stdout).not.toContain(file);
      const settled = /Applied/.test(again.stdout) ? await foule(['migrate'], { FOULE_DATA_DIR: dir }) : again;
      expect(settled.stdout).toMatch(/is up to date/);
    });

    it('operator create makes an operator who can sign in, and refuses a bad password or e-mail', { timeout: SLOW }, async () => {
      const ok = await foule(
        ['operator', 'create', '--email', 'ops@example.test', '--password', 'a long enough password', '--name', 'Ops'],
        { FOULE_DATA_DIR: dir },
      );
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('Operator ops@example.test created.');
      const short = await foule(['operator', 'create', '--email', 'ops@example.test', '--password', 'short'], { FOULE_DATA_DIR: dir });
      expect(short.code).toBe(1);
      expect(short.stderr).toContain('--password: must be at least 10 characters');
      const badEmail = await foule(['operator', 'create', '--email', 'nope', '--password', 'a long enough password'], {
        FOULE_DATA_DIR: dir,
      });
      expect(badEmail.code).toBe(1);
      expect(badEmail.stderr).toContain('--email: must be a valid e-mail address');
      const missing = await foule(['operator', 'create', '--password', 'a long enough password'], { FOULE_DATA_DIR: dir });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("required option '--email <email>' not specified");

      const database = await openDatabase({ dataDir: dir });
      try {
        const [u] = await database.db.select().from(users).where(eq(users.email, 'ops@example.test'));
        expect(u).toMatchObject({ role: 'operator', name: 'Ops' });
        expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
      } finally {
        await database.close();
      }
    });

    it('seed refuses a database with accounts, and fills an empty one with the demo', { timeout: SLOW }, async () => {
      const refused = await foule(['seed'], { FOULE_DATA_DIR: dir });
      expect(refused.code).toBe(0);
      expect(refused.stdout).toContain('already has accounts');
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'foule-cli-seed-'));
      try {
        const seeded = await foule(['seed'], { FOULE_DATA_DIR: empty });
        expect(seeded.stderr).toBe('');
        expect(seeded.code).toBe(0);
        expect(seeded.stdout).toContain('alice@demo.foule');
        expect(seeded.stdout).toContain('bob@demo.foule');
        expect(seeded.stdout).toContain('foule-demo-2026');
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });

    it('outbox lists the kept mail, newest first, as text or JSON', { timeout: SLOW }, async () => {
      const database = await openDatabase({ dataDir: dir });
      try {
        await queueMail(database.db, { to: 'first@example.test', subject: 'First subject', text: 'Hello first' });
        await new Promise((r) => setTimeout(r, 5));
        await queueMail(database.db, { to: 'second@example.test', subject: 'Second subject', text: 'Line one\nLine two' });
      } finally {
        await database.close();
      }
      const text = await foule(['outbox'], { FOULE_DATA_DIR: dir });
      expect(text.code).toBe(0);
      expect(text.stdout.indexOf('Second subject')).toBeLessThan(text.stdout.indexOf('First subject'));
      expect(text.stdout).toContain('  | Line two');
      const json = await foule(['outbox', '--json', '--limit', '1'], { FOULE_DATA_DIR: dir });
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual([
        expect.objectContaining({ to: 'second@example.test', subject: 'Second subject', status: 'pending', text: 'Line one\nLine two' }),
      ]);
      const bad = await foule(['outbox', '--limit', 'lots'], { FOULE_DATA_DIR: dir });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('must be a whole number');
    });

    it('refuses, with exit code 1 and a clear message, a folder that a running server holds', { timeout: SLOW }, async () => {
      const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: cleanEnv({ FOULE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', FOULE_SEED: 'none', FOULE_SCHEDULER: 'off' }),
      });
      const exited = new Promise((resolve) => server.on('exit', resolve));
      try {
        await new Promise<void>((resolve, reject) => {
          let out = '';
          server.stdout!.on('data', (d) => {
            out += d;
            if (out.includes('Foule is running')) resolve();
          });
          server.on('exit', (code) => reject(new Error(`the server stopped (${code}) before listening: ${out}`)));
        });
        for (const args of [['migrate'], ['seed'], ['outbox']]) {
          const refused = await foule(args, { FOULE_DATA_DIR: dir });
          expect(refused.code).toBe(1);
          expect(refused.stderr).toContain(`The data folder ${dir} is in use by another Foule process (pid ${server.pid})`);
          expect(refused.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
        }
      } finally {
        server.kill('SIGTERM');
        await exited;
      }
      const after = await foule(['migrate'], { FOULE_DATA_DIR: dir });
      expect(after.code).toBe(0);
    });

    it('names a wrong setting and stops', { timeout: SLOW }, async () => {
      const res = await foule(['migrate'], { DATABASE_URL: 'mysql://nope' });
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    });
  });

  describe('on PostgreSQL', () => {
    it('works with DATABASE_URL (when the suite runs on PostgreSQL)', { timeout: SLOW }, async (ctx) => {
      const pgUrl = inject('pgUrl');
      if (!pgUrl) return ctx.skip();
      const email = `ops.${Date.now()}@example.test`;
      expect((await foule(['migrate'], { DATABASE_URL: pgUrl })).stdout).toContain('is up to date');
      const created = await foule(['operator', 'create', '--email', email, '--password', 'a long enough password'], {
        DATABASE_URL: pgUrl,
      });
      expect(created.code).toBe(0);
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT role FROM users WHERE email = $1', [email]);
        expect(rows).toEqual([{ role: 'operator' }]);
      } finally {
        await client.end();
      }
      const outbox = await foule(['outbox', '--json'], { DATABASE_URL: pgUrl });
      expect(outbox.code).toBe(0);
      expect(Array.isArray(JSON.parse(outbox.stdout))).toBe(true);
    });
  });
});
